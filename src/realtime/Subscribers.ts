import { BoundedSubscription } from './BoundedSubscription';
import { busChannel } from './busChannel';
import {
  DEFAULT_SUBSCRIBER_BUFFER,
  type EventMap,
  type SubscribeOptions,
  type Topic,
} from './EventBus';

/** What a transport does when a channel gains its first local subscriber, or loses its last. */
export interface ChannelHooks {
  opened?: (channel: string) => void;
  emptied?: (channel: string) => void;
}

/**
 * The subscribers in this process, by channel. Both adapters deliver through it: the
 * in-process bus straight from publish, the Redis bus from its subscriber connection. Delivery
 * is synchronous and never waits for a reader, so events reach each subscriber in the order
 * they are delivered here.
 */
export class Subscribers {
  private readonly channels = new Map<string, Set<BoundedSubscription<unknown>>>();
  private closed = false;

  constructor(
    private readonly defaultBufferSize = DEFAULT_SUBSCRIBER_BUFFER,
    private readonly hooks: ChannelHooks = {},
  ) {}

  /** A new subscription to `topic` in `sandbox`, typed by its topic (both adapters' subscribe). */
  subscribe<T extends Topic>(
    sandbox: string,
    topic: T,
    options: SubscribeOptions = {},
  ): AsyncIterable<EventMap[T]> {
    return this.add(busChannel(sandbox, topic), options.bufferSize) as AsyncIterable<EventMap[T]>;
  }

  /** A new subscription to `channel`; one that has already ended once closed. */
  add(channel: string, bufferSize = this.defaultBufferSize): BoundedSubscription<unknown> {
    const subscription = new BoundedSubscription<unknown>(bufferSize, () => {
      this.remove(channel, subscription);
    });
    if (this.closed) {
      subscription.end();
      return subscription;
    }
    const members = this.channels.get(channel);
    if (members !== undefined) {
      members.add(subscription);
      return subscription;
    }
    this.channels.set(channel, new Set([subscription]));
    this.hooks.opened?.(channel);
    return subscription;
  }

  /** Does nothing once closed, like delivering to a channel nobody listens to. */
  deliver(channel: string, payload: unknown): void {
    // A subscription that overflows leaves the set during the loop; Set iteration allows that.
    for (const subscription of this.channels.get(channel) ?? []) subscription.deliver(payload);
  }

  has(channel: string): boolean {
    return this.channels.has(channel);
  }

  count(channel: string): number {
    return this.channels.get(channel)?.size ?? 0;
  }

  /** Ends every subscription: each reader gets what is buffered, then its iteration completes. */
  close(): void {
    this.closed = true;
    for (const members of [...this.channels.values()]) {
      for (const subscription of [...members]) subscription.end();
    }
  }

  private remove(channel: string, subscription: BoundedSubscription<unknown>): void {
    const members = this.channels.get(channel);
    if (members?.delete(subscription) !== true || members.size > 0) return;
    this.channels.delete(channel);
    this.hooks.emptied?.(channel);
  }
}
