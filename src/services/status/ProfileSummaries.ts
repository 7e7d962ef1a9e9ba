import { recomputeSummaries } from '../../domain/status/recomputeSummaries';
import type { Logger } from '../../logger';
import type { SandboxStore, Store } from '../../storage/ports';
import { BackgroundRuns } from '../BackgroundRuns';

/** Graphs recomputed per transaction: bounds how long one pass holds the writer. */
const GRAPHS_PER_PASS = 2000;
/** Marks made within this long are recomputed together (a burst of ingests, one pass). */
const DELAY_MS = 50;

/**
 * Keeps the store status current (SEMANTICS §4): recomputes, in the background, the summaries
 * of graphs writers marked stale, and moves the counters by the difference, each pass in one
 * transaction. Marks live in the store, so work a restart interrupted is picked up again.
 */
export class ProfileSummaries {
  private readonly runs: BackgroundRuns;

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
  ) {
    this.runs = new BackgroundRuns((err, sandbox) => {
      this.logger.error({ err, sandbox }, 'store status refresh failed');
    });
  }

  /** Starts a background refresh of a sandbox soon (or once more after the current one). */
  schedule(sandbox: string): void {
    const refresh = () => delay(DELAY_MS).then(() => this.refresh(sandbox));
    this.runs.start(sandbox, refresh, { rerun: true });
  }

  /** Recomputes every graph marked stale so far: the status read next is exact. */
  async flush(sandbox: string): Promise<void> {
    await this.refresh(sandbox);
  }

  idle(): Promise<void> {
    return this.runs.idle();
  }

  private async refresh(sandbox: string): Promise<void> {
    const scoped = this.store.scoped(sandbox);
    while ((await this.pass(scoped)) === GRAPHS_PER_PASS) {
      // Let requests waiting for the writer in between passes.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** One transaction: up to GRAPHS_PER_PASS stale graphs recomputed; returns how many. */
  private pass(scoped: SandboxStore): Promise<number> {
    return scoped.transaction(async (tx) => {
      const graphIds = await tx.status.staleGraphs(GRAPHS_PER_PASS);
      if (graphIds.length === 0) return 0;
      const { nodes } = await tx.identities.loadGraphs(graphIds);
      const [data, previous] = await Promise.all([
        tx.profiles.dataOf(nodes.map((n) => n.key)),
        tx.status.summaries(graphIds),
      ]);
      const { summaries, deltas } = recomputeSummaries(graphIds, nodes, data, previous);
      await tx.status.saveSummaries(graphIds, summaries, deltas);
      return graphIds.length;
    });
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
