import type { GraphNode } from '../../domain/identity/GraphNode';
import { recomputeSummaries } from '../../domain/status/recomputeSummaries';
import type { Logger } from '../../logger';
import type { GraphSummary } from '../../domain/status/GraphSummary';
import type { StoreCounter } from '../../domain/status/StoreCounter';
import type { SandboxStore, StaleGraph, Store } from '../../storage/ports';
import { BackgroundRuns } from '../BackgroundRuns';

/** Graphs recomputed per transaction: bounds how long one pass holds the writer. */
const GRAPHS_PER_PASS = 2000;
/** Marks made within this long are recomputed together (a burst of ingests, one pass). */
const DELAY_MS = 50;

/** More work that rides on the pass over stale graphs (audience memberships, accounts). */
export interface StaleGraphWork {
  /** Whether it has anything to do in `tx`'s sandbox now (any audience, say). */
  wanted(tx: SandboxStore): Promise<boolean>;
  /**
   * Works on the graphs of a pass, in its transaction; returns what to do once it commits.
   * `nodes` reads the graphs' identities (once per pass, and only when asked).
   */
  afterStaleGraphs(
    tx: SandboxStore,
    graphIds: readonly string[],
    nodes: () => Promise<readonly GraphNode[]>,
  ): Promise<() => void>;
}

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

  /**
   * In a writer's transaction: marks the graphs it touched (`graphIds`) for the pass, and
   * moves `lastIngestedAt`. Graphs new to the store whose summaries the writer knows (`known`)
   * are summarised at once instead, unless work rides on the pass in this sandbox: then they
   * are marked with their summaries, for that work to see them.
   */
  async written(
    tx: SandboxStore,
    graphIds: readonly string[],
    ingestedAt: number,
    known: readonly GraphSummary[],
  ): Promise<void> {
    if (known.length === 0 || (await this.workWanted(tx))) {
      await tx.status.markStale(graphIds, ingestedAt, known);
      return;
    }
    const settled = new Set(known.map((s) => s.graphId));
    const { summaries, deltas } = recomputeSummaries([...settled], [], [], [], known);
    await tx.status.addSummaries(summaries, deltas);
    await tx.status.markStale(
      graphIds.filter((id) => !settled.has(id)),
      ingestedAt,
    );
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
      const stale = await tx.status.staleGraphs(GRAPHS_PER_PASS);
      if (stale.length === 0) return { count: 0, after: [] };
      const graphIds = stale.map((s) => s.graphId);
      const nodes = once(() => tx.identities.membersOf(graphIds));
      const { summaries, deltas } = await recompute(tx, stale, nodes);
      const done = [];
      for (const work of this.work) done.push(await work.afterStaleGraphs(tx, graphIds, nodes));
      await tx.status.saveSummaries(graphIds, summaries, deltas);
      return { count: graphIds.length, after: done };
    });
    for (const committed of after) committed();
    return count;
  }

  private async workWanted(tx: SandboxStore): Promise<boolean> {
    for (const work of this.work) if (await work.wanted(tx)) return true;
    return false;
  }
}

/** The summaries of stale graphs: known ones as marked, the others read and recomputed. */
async function recompute(
  tx: SandboxStore,
  stale: readonly StaleGraph[],
  nodes: () => Promise<readonly GraphNode[]>,
): Promise<{ summaries: GraphSummary[]; deltas: StoreCounter[] }> {
  const known = stale.flatMap((s) => (s.known === null ? [] : [s.known]));
  const unknown = new Set(stale.filter((s) => s.known === null).map((s) => s.graphId));
  const members = unknown.size === 0 ? [] : (await nodes()).filter((n) => unknown.has(n.graphId));
  const graphIds = stale.map((s) => s.graphId);
  const [data, previous] = await Promise.all([
    members.length === 0 ? [] : tx.profiles.dataOf(members.map((n) => n.key)),
    tx.status.summaries(graphIds),
  ]);
  return recomputeSummaries(graphIds, members, data, previous, known);
}

/** `read` called at most once, however often the result is asked for. */
function once<T>(read: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= read());
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
