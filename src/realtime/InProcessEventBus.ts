import { busChannel } from './busChannel';
import type { EventBus, EventMap, SubscribeOptions, Topic } from './EventBus';
import { Subscribers } from './Subscribers';

/**
 * The default bus: subscribers in this process only (one server, or tests). Payloads are
 * handed over as they are, not copied.
 */
export class InProcessEventBus implements EventBus {
  private readonly subscribers: Subscribers;

  /** `bufferSize`: the default for subscriptions that do not choose their own. */
  constructor(options: SubscribeOptions = {}) {
    this.subscribers = new Subscribers(options.bufferSize);
  }

  publish<T extends Topic>(sandbox: string, topic: T, payload: EventMap[T]): void {
    this.subscribers.deliver(busChannel(sandbox, topic), payload);
  }

  subscribe<T extends Topic>(
    sandbox: string,
    topic: T,
    options: SubscribeOptions = {},
  ): AsyncIterable<EventMap[T]> {
    return this.subscribers.subscribe(sandbox, topic, options);
  }

  /** Subscriptions listening to `topic` in `sandbox` now (for tests and metrics). */
  subscriberCount(sandbox: string, topic: Topic): number {
    return this.subscribers.count(busChannel(sandbox, topic));
  }

  close(): Promise<void> {
    this.subscribers.close();
    return Promise.resolve();
  }
}
