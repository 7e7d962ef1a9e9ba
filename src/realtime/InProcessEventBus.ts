import { createPubSub } from '@graphql-yoga/subscription';
import type { EventBus, EventMap, Topic } from './EventBus';

// Routed by topic, then by sandbox: a subscriber only hears its own sandbox.
type Channels = Record<string, [sandbox: string, payload: unknown]>;

/** The default bus: subscribers in this process only (one server, or tests). */
export class InProcessEventBus implements EventBus {
  private readonly pubSub = createPubSub<Channels>();

  publish<T extends Topic>(sandbox: string, topic: T, payload: EventMap[T]): void {
    this.pubSub.publish(topic, sandbox, payload);
  }

  subscribe<T extends Topic>(sandbox: string, topic: T): AsyncIterable<EventMap[T]> {
    return this.pubSub.subscribe(topic, sandbox) as AsyncIterable<EventMap[T]>;
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
