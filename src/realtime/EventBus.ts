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
  membershipChanged: {
    audienceId: string;
    identityKey: string;
    status: MembershipStatus;
    at: number;
  };
}

export type Topic = keyof EventMap;

/**
 * The event bus port. Events are published after their change commits, and belong to one
 * sandbox: a subscriber sees only its own sandbox's events (SEMANTICS §0). Delivery is to the
 * subscribers present when the event is published; nothing is stored.
 */
export interface EventBus {
  publish<T extends Topic>(sandbox: string, topic: T, payload: EventMap[T]): void;
  /** Events of `topic` in `sandbox` from now on, until the iteration is returned. */
  subscribe<T extends Topic>(sandbox: string, topic: T): AsyncIterable<EventMap[T]>;
  close(): Promise<void>;
}

/** The bus as one sandbox's services and resolvers see it. */
export interface SandboxEvents {
  publish<T extends Topic>(topic: T, payload: EventMap[T]): void;
  subscribe<T extends Topic>(topic: T): AsyncIterable<EventMap[T]>;
}

export const forSandbox = (bus: EventBus, sandbox: string): SandboxEvents => ({
  publish: (topic, payload) => {
    bus.publish(sandbox, topic, payload);
  },
  subscribe: (topic) => bus.subscribe(sandbox, topic),
});
