import type { MembershipStatus } from '../domain/audiences/Audience';
import type { CatalogChange } from '../domain/catalog/CatalogChange';
import type { ProfileChanges } from '../domain/profile/ProfileChanges';

/**
 * Every topic and the payload its events carry. Payloads are plain data (a Date at most), so
 * an adapter can carry them between processes.
 */
export interface EventMap {
  catalogChanged: CatalogChange;
  profilesChanged: ProfileChanges;
  /** A batch changed status or made progress; subscribers read it fresh. */
  batchChanged: { batchId: string };
  /** An export job changed status or made progress; subscribers read it fresh. */
  exportChanged: { exportId: string };
  membershipChanged: {
    audienceId: string;
    identityKey: string;
    status: MembershipStatus;
    at: number;
  };
}

export type Topic = keyof EventMap;

/**
 * How many delivered-but-unread events one subscriber may hold. Large enough to absorb a burst
 * from a big batch chunk, small enough that a stalled client cannot hold much memory.
 */
export const DEFAULT_SUBSCRIBER_BUFFER = 1000;

export interface SubscribeOptions {
  /** Undelivered events this subscriber may hold (default DEFAULT_SUBSCRIBER_BUFFER). */
  bufferSize?: number;
}

/**
 * The event bus port. Events are published after their change commits, and belong to one
 * sandbox: a subscriber sees only its own sandbox's events (SEMANTICS §0). Delivery is to the
 * subscribers present when the event is published, in publish order; nothing is stored.
 *
 * A slow subscriber does not slow ingestion: publishing never waits for subscribers. Each
 * subscriber has a bounded buffer; an event that finds it full ends that subscription, whose
 * iteration then fails with SUBSCRIBER_TOO_SLOW. Other subscribers are unaffected.
 */
export interface EventBus {
  /** Fire and forget: never throws and never waits, even after close(). */
  publish<T extends Topic>(sandbox: string, topic: T, payload: EventMap[T]): void;
  /** Events of `topic` in `sandbox` from now on, until the iteration is returned. */
  subscribe<T extends Topic>(
    sandbox: string,
    topic: T,
    options?: SubscribeOptions,
  ): AsyncIterable<EventMap[T]>;
  /** Ends every subscription (their iterations complete) and releases connections. */
  close(): Promise<void>;
}

/** The bus as one sandbox's services and resolvers see it. */
export interface SandboxEvents {
  publish<T extends Topic>(topic: T, payload: EventMap[T]): void;
  subscribe<T extends Topic>(topic: T, options?: SubscribeOptions): AsyncIterable<EventMap[T]>;
}

export const forSandbox = (bus: EventBus, sandbox: string): SandboxEvents => ({
  publish: (topic, payload) => {
    bus.publish(sandbox, topic, payload);
  },
  subscribe: (topic, options) => bus.subscribe(sandbox, topic, options),
});
