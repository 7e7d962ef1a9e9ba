import type { Audience } from '../../domain/audiences/Audience';
import { conditionNeeds } from '../../domain/audiences/conditionNeeds';
import type { GraphNode } from '../../domain/identity/GraphNode';
import type { Logger } from '../../logger';
import type { EventBus } from '../../realtime/EventBus';
import type { SandboxStore, Store } from '../../storage/ports';
import { BackgroundRuns } from '../BackgroundRuns';
import type { StaleGraphWork } from '../status/ProfileSummaries';
import type { Clock } from '../Clock';
import { backgroundDeps } from '../ServiceDeps';
import { evaluateAudiences, type MembershipChange } from './evaluateAudiences';

/** Graphs (or members) evaluated per transaction by a backfill or a sweep. */
const GRAPHS_PER_STEP = 500;
/** SEMANTICS §5: time-based exits are applied at least this often. */
export const SWEEP_EVERY_MS = 60_000;

/**
 * Keeps audience memberships current (SEMANTICS §5), three ways, each step in one transaction
 * and its entries and exits published after it commits:
 * - changed profiles: `afterStaleGraphs` runs in the store status's pass over the graphs
 *   writers marked, so a change is evaluated once, and again after a restart if it was not;
 * - a new audience: a backfill over every graph, resumable from its stored cursor;
 * - time: a sweep re-checks the members of audiences whose answer moves with the clock.
 */
export class AudienceUpkeep implements StaleGraphWork {
  private readonly runs: BackgroundRuns;
  private sweeper: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: {
      sweepEveryMs?: number | undefined;
      /** Finishes the pending pass over changed graphs of a sandbox. */
      settle?: (sandbox: string) => Promise<void>;
    } = {},
  ) {
    this.runs = new BackgroundRuns((err, key) => {
      this.logger.error({ err, run: key }, 'audience evaluation failed');
    });
  }

  /** Whether a pass over changed graphs has audiences to evaluate them for. */
  async wanted(tx: SandboxStore): Promise<boolean> {
    return (await tx.audiences.list()).length > 0;
  }

  /** In the caller's transaction: the audiences of the profiles of these graphs. */
  async afterStaleGraphs(
    tx: SandboxStore,
    graphIds: readonly string[],
    nodes: () => Promise<readonly GraphNode[]>,
  ): Promise<() => void> {
    const audiences = await tx.audiences.list();
    const changes =
      audiences.length === 0 ? [] : await this.evaluate(tx, graphIds, audiences, await nodes());
    return () => {
      this.publish(tx.sandbox, changes);
    };
  }

  scheduleBackfill(sandbox: string, audienceId: string): void {
    this.runs.start(`backfill/${sandbox}/${audienceId}`, () => this.backfill(sandbox, audienceId));
  }

  /** Start-up: resumes unfinished backfills and starts the periodic sweep. */
  async start(): Promise<void> {
    for (const { name } of await this.store.sandboxes.list()) {
      for (const audience of await this.store.scoped(name).audiences.list()) {
        if (!audience.backfill.done) this.scheduleBackfill(name, audience.id);
      }
    }
    this.sweeper = setInterval(() => {
      void this.sweepAll();
    }, this.options.sweepEveryMs ?? SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  idle(): Promise<void> {
    return this.runs.idle();
  }

  async stop(): Promise<void> {
    clearInterval(this.sweeper);
    await this.runs.stop();
  }

  /** Re-checks the current members of every time-dependent audience of every sandbox. */
  async sweepAll(): Promise<void> {
    for (const { name } of await this.store.sandboxes.list()) {
      this.runs.start(`sweep/${name}`, () => this.sweep(name));
    }
    await this.runs.idle();
  }

  private async backfill(sandbox: string, audienceId: string): Promise<void> {
    await this.options.settle?.(sandbox);
    const scoped = this.store.scoped(sandbox);
    while (!this.runs.stopping) {
      const { changes, done } = await scoped.transaction(async (tx) => {
        const [audience] = await tx.audiences.getMany([audienceId]);
        if (audience === undefined || audience.backfill.done) return { changes: [], done: true };
        const graphIds = await tx.identities.graphIdsAfter(
          audience.backfill.cursor,
          GRAPHS_PER_STEP,
        );
        const evaluated = await this.evaluate(tx, graphIds, [audience]);
        await tx.audiences.update({
          ...audience,
          backfill: {
            done: graphIds.length < GRAPHS_PER_STEP,
            cursor: graphIds.at(-1) ?? audience.backfill.cursor,
            evaluated: audience.backfill.evaluated + graphIds.length,
          },
        });
        return { changes: evaluated, done: graphIds.length < GRAPHS_PER_STEP };
      });
      this.publish(sandbox, changes);
      if (done) return;
    }
  }

  private async sweep(sandbox: string): Promise<void> {
    const scoped = this.store.scoped(sandbox);
    const timed = (await scoped.audiences.list()).filter(
      (a) => conditionNeeds(a.condition).timeDependent,
    );
    for (const audience of timed) {
      let after: string | null = null;
      do {
        const members = await scoped.audiences.members(audience.id, after, GRAPHS_PER_STEP);
        after = members.at(-1)?.profileKey ?? null;
        const changes = await scoped.transaction(async (tx) => {
          const { nodes } = await tx.identities.loadGraphsOf(members.map((m) => m.identityKey));
          return this.evaluate(tx, [...new Set(nodes.map((n) => n.graphId))], [audience], nodes);
        });
        this.publish(sandbox, changes);
      } while (after !== null && !this.runs.stopping);
    }
  }

  /** `nodes`: the graphs' identities, when the caller has them already. */
  private async evaluate(
    tx: SandboxStore,
    graphIds: readonly string[],
    audiences: readonly Audience[],
    loaded?: readonly GraphNode[],
  ): Promise<MembershipChange[]> {
    if (audiences.length === 0 || graphIds.length === 0) return [];
    const nodes = loaded ?? (await tx.identities.membersOf(graphIds));
    const deps = backgroundDeps(tx, this.clock, this.bus);
    return evaluateAudiences(deps, graphIds, nodes, audiences, this.clock().getTime());
  }

  private publish(sandbox: string, changes: readonly MembershipChange[]): void {
    for (const change of changes) this.bus.publish(sandbox, 'membershipChanged', change);
  }
}
