import type { Redis } from 'ioredis';
import type { Logger } from '../logger';
import { busChannel } from './busChannel';
import { decodeEvent, encodeEvent } from './busCodec';
import { connectRedis } from './connectRedis';
import type { EventBus, EventMap, SubscribeOptions, Topic } from './EventBus';
import { Subscribers } from './Subscribers';

export interface RedisEventBusOptions extends SubscribeOptions {
  /** Where errors of the Redis connections go (they are never thrown). */
  logger?: Logger;
  /** How long connect() waits for Redis to answer. */
  timeoutMs?: number;
}

const ignore = (): void => undefined;

/**
 * The bus for several server replicas: events go through Redis pub/sub, one channel per
 * sandbox and topic, so a subscriber on one replica hears changes committed through another.
 * Each replica subscribes to a channel while it has local subscribers to it, and fans events
 * out to them itself, each through its own bounded buffer.
 *
 * Guarantees are Redis pub/sub's: at most once, nothing stored. Events from one replica arrive
 * in the order it published them; events published while a connection is down are lost.
 */
export class RedisEventBus implements EventBus {
  private readonly subscribers: Subscribers;
  /** The last SUBSCRIBE sent: Redis answers in order, so once it is done, all earlier are. */
  private subscribed: Promise<void> = Promise.resolve();
  /** The last PUBLISH sent, likewise: once Redis has answered it, it has answered all earlier. */
  private published: Promise<void> = Promise.resolve();
  private closed = false;

  private constructor(
    private readonly publisher: Redis,
    private readonly subscriber: Redis,
    bufferSize: number | undefined,
  ) {
    this.subscribers = new Subscribers(bufferSize, {
      opened: (channel) => {
        this.subscribed = this.subscriber.subscribe(channel).then(ignore, ignore);
      },
      emptied: (channel) => {
        if (!this.closed) this.subscriber.unsubscribe(channel).then(ignore, ignore);
      },
    });
    subscriber.on('message', (channel: string, text: string) => {
      this.receive(channel, text);
    });
  }

  /** Connects to Redis at `url`; fails within the timeout, naming REDIS_URL, if it does not answer. */
  static async connect(url: string, options: RedisEventBusOptions = {}): Promise<RedisEventBus> {
    const { publisher, subscriber } = await connectRedis(url, options.logger, options.timeoutMs);
    return new RedisEventBus(publisher, subscriber, options.bufferSize);
  }

  publish<T extends Topic>(sandbox: string, topic: T, payload: EventMap[T]): void {
    if (this.closed) return;
    let text: string;
    try {
      text = encodeEvent(payload);
    } catch {
      // Payloads are plain data by type; should one not be, the change has committed anyway.
      return;
    }
    // Fire and forget: a PUBLISH that fails (Redis is away) is an event lost, as pub/sub allows.
    this.published = this.publisher.publish(busChannel(sandbox, topic), text).then(ignore, ignore);
  }

  /**
   * Redis subscribes asynchronously: an event published before `ready()` resolves may miss a
   * subscription made just now (a GraphQL client subscribing does not notice the difference).
   */
  subscribe<T extends Topic>(
    sandbox: string,
    topic: T,
    options: SubscribeOptions = {},
  ): AsyncIterable<EventMap[T]> {
    return this.subscribers.subscribe(sandbox, topic, options);
  }

  /**
   * Resolves once Redis has answered the SUBSCRIBE of every subscription made so far (from then
   * on they receive what any replica publishes) and every PUBLISH sent so far. Publisher and
   * subscriber are separate connections, so without the second an event published just before
   * a subscription could still reach Redis after it.
   */
  async ready(): Promise<void> {
    await Promise.all([this.subscribed, this.published]);
  }

  /** Subscriptions on this replica listening to `topic` in `sandbox` now. */
  subscriberCount(sandbox: string, topic: Topic): number {
    return this.subscribers.count(busChannel(sandbox, topic));
  }

  /** Ends local subscriptions, then lets both connections finish what they were sending. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.subscribers.close();
    await Promise.all([quit(this.publisher), quit(this.subscriber)]);
  }

  private receive(channel: string, text: string): void {
    if (!this.subscribers.has(channel)) return;
    let payload: unknown;
    try {
      payload = decodeEvent(text);
    } catch {
      // Not an event this server published: nothing a subscriber could use.
      return;
    }
    this.subscribers.deliver(channel, payload);
  }
}

/** QUIT waits for pending replies; a connection that is down is dropped instead. */
async function quit(client: Redis): Promise<void> {
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  await client.quit().then(ignore, () => {
    client.disconnect();
  });
}
