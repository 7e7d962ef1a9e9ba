import { conflict, notFound } from '../../domain/AppError';
import type { Audience } from '../../domain/audiences/Audience';
import { conditionNeeds } from '../../domain/audiences/conditionNeeds';
import { checkComputedAttribute } from '../../domain/computed/checkComputedAttribute';
import { checkStatusChange } from '../../domain/computed/checkStatusChange';
import type {
  ComputedAttribute,
  ComputedAttributeInput,
  ComputedAttributeStatus,
} from '../../domain/computed/ComputedAttribute';
import { compileComputedValues } from '../../domain/computed/computeValues';
import { longestLookbackStart } from '../../domain/computed/longestLookbackStart';
import { identityKey } from '../../domain/identity/Identity';
import type { SandboxStore } from '../../storage/ports';
import { newId } from '../newId';
import type { MergePolicyService } from '../policies/MergePolicyService';
import type { ProfileData } from '../profiles/ProfileData';
import type { ServiceDeps } from '../ServiceDeps';
import { eventFieldKinds } from './eventFieldKinds';
import { windowEvents } from './windowEvents';

export interface ComputedValue {
  name: string;
  value: unknown;
  updatedAt: Date;
}

const activeCount = (all: readonly ComputedAttribute[]) =>
  all.filter((c) => c.status === 'ACTIVE').length;

/**
 * SEMANTICS §5 computed attributes: definitions, and their values computed when read from the
 * events inside each window — current when `ingest` returns, with nothing to refresh.
 */
export class ComputedAttributeService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly policies: MergePolicyService,
  ) {}

  list(): Promise<ComputedAttribute[]> {
    return this.deps.store.computed.list();
  }

  create(input: ComputedAttributeInput): Promise<ComputedAttribute> {
    return this.deps.store.transaction(async (store) => {
      const existing = await store.computed.list();
      const definition = checkComputedAttribute(
        input,
        await eventFieldKinds(store),
        activeCount(existing),
        existing.map((c) => c.name),
      );
      const now = this.deps.clock();
      const created = { ...definition, id: newId('ca'), createdAt: now, updatedAt: now };
      if (!(await store.computed.insert(created))) {
        throw conflict('input.name', `a computed attribute named "${input.name}" already exists`);
      }
      return created;
    });
  }

  setStatus(id: string, status: ComputedAttributeStatus): Promise<ComputedAttribute> {
    return this.deps.store.transaction(async (store) => {
      const current = await getDefinition(store, id);
      if (!checkStatusChange(current.status, status, activeCount(await store.computed.list())))
        return current;
      if (status !== 'ACTIVE') await refuseIfUsed(store, current, `set to ${status}`);
      const next = { ...current, status, updatedAt: this.deps.clock() };
      await store.computed.update(next);
      return next;
    });
  }

  delete(id: string): Promise<boolean> {
    return this.deps.store.transaction(async (store) => {
      const current = await getDefinition(store, id);
      await refuseIfUsed(store, current, 'deleted');
      await store.computed.delete(id);
      return true;
    });
  }

  /**
   * The ACTIVE values of each profile, at once for many (one read of the definitions and one
   * of the events, whatever their number). A value is over the events of the profile's graph
   * when the default policy stitches graphs, else of its own identity (SEMANTICS §5).
   */
  async valuesOf(profiles: readonly ProfileData[]): Promise<ComputedValue[][]> {
    const definitions = (await this.list()).filter((c) => c.status === 'ACTIVE');
    const now = this.deps.clock();
    const from = longestLookbackStart(definitions, now.getTime());
    if (from === null) return profiles.map(() => []);
    const policy = await this.policies.resolve(null, 'PROFILE', 'mergePolicyId');
    const stitched = profiles.map((p) =>
      policy.identityStitching === 'NONE' || p.nodes.length === 0
        ? [identityKey(p.identity)]
        : p.nodes.map((n) => n.key),
    );
    const events = await windowEvents(this.deps.store, stitched, from);
    const compute = compileComputedValues(definitions);
    return events.map((own) =>
      [...compute(own, now.getTime())].map(([name, value]) => ({ name, value, updatedAt: now })),
    );
  }
}

async function getDefinition(store: SandboxStore, id: string): Promise<ComputedAttribute> {
  const found = await store.computed.get(id);
  if (found === undefined) throw notFound('id', `there is no computed attribute "${id}"`);
  return found;
}

/** An audience reading a computed attribute needs its values: it must stay ACTIVE. */
async function refuseIfUsed(store: SandboxStore, c: ComputedAttribute, action: string) {
  const users = (await store.audiences.list()).filter((a: Audience) =>
    conditionNeeds(a.condition).computed.has(c.name),
  );
  if (users.length === 0) return;
  const names = users.map((a) => `"${a.name}"`).join(', ');
  throw conflict(
    'id',
    `computed attribute "${c.name}" is used by audience ${names}; it cannot be ${action}`,
  );
}
