import { type EventBus, forSandbox, type SandboxEvents } from '../realtime/EventBus';
import type { SandboxStore } from '../storage/ports';
import type { Clock } from './Clock';

/** What a sandbox's services work with: its store, the time, and its events. */
export interface ServiceDeps {
  readonly store: SandboxStore;
  readonly clock: Clock;
  readonly events: SandboxEvents;
  /**
   * The store status (SEMANTICS §4): `refresh` after a commit that marked graphs stale, so
   * their summaries are recomputed in the background; `flush` before reading it, so it is exact.
   */
  readonly status: { refresh(): void; flush(): Promise<void> };
}

/**
 * Services for background work inside the store status's own pass (`tx`: its transaction),
 * which only reads profiles: refreshing or flushing the status from there would wait on itself.
 */
export const backgroundDeps = (tx: SandboxStore, clock: Clock, bus: EventBus): ServiceDeps => ({
  store: tx,
  clock,
  events: forSandbox(bus, tx.sandbox),
  status: { refresh: () => undefined, flush: () => Promise.resolve() },
});
