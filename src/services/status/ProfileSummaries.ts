import type { GraphNode } from '../../domain/identity/GraphNode';
import { recomputeSummaries } from '../../domain/status/recomputeSummaries';
import type { Logger } from '../../logger';
import type { SandboxStore, Store } from '../../storage/ports';
import { BackgroundRuns } from '../BackgroundRuns';

/** Graphs recomputed per transaction: bounds how long one pass holds the writer. */
const GRAPHS_PER_PASS = 2000;
/** Marks made within this long are recomputed together (a burst of ingests, one pass). */
const DELAY_MS = 50;

/**
 * More work on the graphs of a pass, in its transaction (audience memberships): returns what
 * to do once it commits.
 */
export type StaleGraphWork = (
  tx: SandboxStore,
  graphIds: readonly string[],
  nodes: readonly GraphNode[],
) => Promise<() => void>;

/**
 * Keeps the store status current (SEMANTICS §4): recomputes, in the background, the summaries
 * of graphs writers marked stale, and moves the counters by the difference, each pass in one
 * transaction. Marks live in the store, so work a restart interrupted is picked up again; the
 * same holds for `work` done on the same graphs in the same transaction.
 */
export class ProfileSummaries {
  private readonly runs: BackgroundRuns;

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly work: readonly StaleGraphWork[] = [],
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
  private async pass(scoped: SandboxStore): Promise<number> {
    const { count, after } = await scoped.transaction(async (tx) => {
      const graphIds = await tx.status.staleGraphs(GRAPHS_PER_PASS);
      if (graphIds.length === 0) return { count: 0, after: [] };
      const nodes = await tx.identities.membersOf(graphIds);
      const [data, previous] = await Promise.all([
        tx.profiles.dataOf(nodes.map((n) => n.key)),
        tx.status.summaries(graphIds),
      ]);
      const { summaries, deltas } = recomputeSummaries(graphIds, nodes, data, previous);
      const done = [];
      for (const work of this.work) done.push(await work(tx, graphIds, nodes));
      await tx.status.saveSummaries(graphIds, summaries, deltas);
      return { count: graphIds.length, after: done };
    });
    for (const committed of after) committed();
    return count;
  }
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
