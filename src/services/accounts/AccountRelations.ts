import type { GraphNode } from '../../domain/identity/GraphNode';
import type { EventBus } from '../../realtime/EventBus';
import type { SandboxStore } from '../../storage/ports';
import type { Clock } from '../Clock';
import { backgroundDeps } from '../ServiceDeps';
import type { StaleGraphWork } from '../status/ProfileSummaries';
import { relateGraphs } from './relateGraphs';
import { relationshipDescriptors } from './relationshipDescriptors';

/**
 * Keeps the people of each account current (SEMANTICS §8): `afterStaleGraphs` runs in the
 * store status's pass over the graphs writers marked, like audience evaluation, so a change to
 * a person is related once, and again after a restart if its pass did not commit.
 */
export class AccountRelations implements StaleGraphWork {
  constructor(
    private readonly clock: Clock,
    private readonly bus: EventBus,
  ) {}

  /** Whether any relationship is in force, through which changed people may relate. */
  async wanted(tx: SandboxStore): Promise<boolean> {
    return (await relationshipDescriptors(tx)).length > 0;
  }

  /** In the caller's transaction: the account relations of the profiles of these graphs. */
  async afterStaleGraphs(
    tx: SandboxStore,
    graphIds: readonly string[],
    nodes: () => Promise<readonly GraphNode[]>,
  ): Promise<() => void> {
    await relateGraphs(backgroundDeps(tx, this.clock, this.bus), graphIds, nodes);
    // Nothing is announced: `account.people` reads the relations as they are.
    return () => undefined;
  }
}
