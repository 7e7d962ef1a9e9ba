import { type EventBus, forSandbox, type SandboxEvents } from '../realtime/EventBus';
import type { GraphSummary } from '../domain/status/GraphSummary';
import type { SandboxStore } from '../storage/ports';
import type { Clock } from './Clock';

/** What a sandbox's services work with: its store, the time, and its events. */
export interface ServiceDeps {
  readonly store: SandboxStore;
  readonly clock: Clock;
  readonly events: SandboxEvents;
  /**
   * The store status (SEMANTICS §4): `written`, in a writer's transaction, for the graphs it
   * touched (ProfileSummaries.written); `refresh` after a commit that marked graphs stale, so
   * their summaries are recomputed in the background; `flush` before reading it, so it is exact.
   */
  readonly status: StatusUpkeep;
}

export interface StatusUpkeep {
  written(
    tx: SandboxStore,
    graphIds: readonly string[],
    ingestedAt: number,
    known: readonly GraphSummary[],
  ): Promise<void>;
  refresh(): void;
  flush(): Promise<void>;
}

/**
 * Deps for background work that runs in a transaction or a snapshot the caller holds (the
 * store status's own pass, an export): refreshing or flushing the status from there would
 * wait on itself, so the caller schedules it once its work commits.
 */
export const backgroundDeps = (store: SandboxStore, clock: Clock, bus: EventBus): ServiceDeps => ({
  store,
  clock,
  events: forSandbox(bus, store.sandbox),
  status: {
    written: (tx, graphIds, ingestedAt, known) => tx.status.markStale(graphIds, ingestedAt, known),
    refresh: () => undefined,
    flush: () => Promise.resolve(),
  },
});
