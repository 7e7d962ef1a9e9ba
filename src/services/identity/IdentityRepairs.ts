import { GraphWorkspace } from '../../domain/identity/GraphWorkspace';
import { DEFAULT_IDENTITY_SETTINGS } from '../../domain/identity/IdentitySettings';
import { repairGraph } from '../../domain/identity/observe';
import { graphChanges, isEmpty } from '../../domain/profile/ProfileChanges';
import type { Logger } from '../../logger';
import type { EventBus } from '../../realtime/EventBus';
import type { Clock } from '../Clock';
import type { Store } from '../../storage/ports';
import { BackgroundRuns } from '../BackgroundRuns';
import { newGraphId } from '../newGraphId';
import type { ProfileSummaries } from '../status/ProfileSummaries';

const GRAPHS_PER_TRANSACTION = 100;

/**
 * SEMANTICS §3 (settings changes apply to existing graphs): repairs, in the background, the
 * graphs of a sandbox that break its current rules, a chunk per transaction. The store is the
 * queue: a repair interrupted by a restart is found again by the start-up sweep, since it
 * looks for graphs that break the rules, not for a record of pending work.
 */
export class IdentityRepairs {
  private readonly runs: BackgroundRuns;

  constructor(
    private readonly store: Store,
    private readonly summaries: ProfileSummaries,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.runs = new BackgroundRuns((err, sandbox) => {
      this.logger.error({ err, sandbox }, 'identity graph repair failed');
    });
  }

  /** Starts (or queues one more) repair pass over a sandbox. */
  schedule(sandbox: string): void {
    this.runs.start(sandbox, () => this.repair(sandbox), { rerun: true });
  }

  /** Resolves when every scheduled pass has finished (shutdown, tests). */
  idle(): Promise<void> {
    return this.runs.idle();
  }

  private async repair(sandbox: string): Promise<void> {
    const scoped = this.store.scoped(sandbox);
    let previous = '';
    for (;;) {
      const settings = (await scoped.identities.settings()) ?? DEFAULT_IDENTITY_SETTINGS;
      const graphIds = await scoped.identities.graphsBreaking(settings, GRAPHS_PER_TRANSACTION);
      if (graphIds.length === 0) return;
      // A graph a repair cannot fix would otherwise be retried forever.
      if (graphIds.join() === previous)
        throw new Error(`graphs still break the rules: ${previous}`);
      previous = graphIds.join();
      const changes = await scoped.transaction(async (tx) => {
        const ws = new GraphWorkspace(await tx.identities.loadGraphs(graphIds), newGraphId);
        for (const graphId of graphIds) repairGraph(ws, graphId, settings);
        await tx.identities.save(ws.changes());
        await tx.status.markStale(ws.graphIds());
        return graphChanges(ws.graphChange(), this.clock().getTime());
      });
      if (!isEmpty(changes)) this.bus.publish(sandbox, 'profilesChanged', changes);
      this.summaries.schedule(sandbox);
      this.logger.info({ sandbox, graphs: graphIds.length }, 'repaired identity graphs');
    }
  }
}
