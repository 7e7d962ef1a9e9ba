import { AppError, badInput, conflict, notFound } from '../../domain/AppError';
import type { XdmSchema } from '../../domain/catalog/types';
import { checkMergePolicy, type OrderedDataset } from '../../domain/policies/checkMergePolicy';
import {
  type AttributeMerge,
  type IdentityStitching,
  MAX_POLICIES_PER_CLASS,
  type MergePolicy,
  type PolicyClass,
} from '../../domain/policies/MergePolicy';
import type { SandboxStore } from '../../storage/ports';
import { newId } from '../newId';
import type { ServiceDeps } from '../ServiceDeps';
import { relateEveryoneAgain } from '../accounts/relateEveryoneAgain';

export interface PolicyChanges {
  name?: string | null;
  identityStitching?: IdentityStitching | null;
  attributeMerge?: AttributeMerge | null;
  datasetOrder?: readonly string[] | null;
  isDefault?: boolean | null;
  activeOnEdge?: boolean | null;
}

export interface CreatePolicyInput extends PolicyChanges {
  name: string;
  schemaClass: string;
}

/**
 * SEMANTICS §4: merge policies, one default per record class (making one default unsets the
 * other; the last default is never deleted or un-defaulted directly) and at most one
 * active-on-edge policy (never deleted).
 */
export class MergePolicyService {
  constructor(private readonly deps: ServiceDeps) {}

  list(schemaClass?: PolicyClass): Promise<MergePolicy[]> {
    return this.deps.store.policies.list(schemaClass);
  }

  getMany(ids: readonly string[]): Promise<(MergePolicy | undefined)[]> {
    return this.deps.store.policies.getMany(ids);
  }

  /** The policy given, or the class's default when none is. */
  async resolve(
    id: string | null | undefined,
    schemaClass: PolicyClass,
    field: string,
  ): Promise<MergePolicy> {
    if (id === null || id === undefined) return this.defaultOf(this.deps.store, schemaClass);
    const [policy] = await this.getMany([id]);
    if (policy === undefined) throw notFound(field, `there is no merge policy "${id}"`);
    if (policy.schemaClass !== schemaClass)
      throw badInput(
        field,
        `merge policy "${policy.name}" merges ${policy.schemaClass} data, not ${schemaClass}`,
      );
    return policy;
  }

  create(input: CreatePolicyInput): Promise<MergePolicy> {
    const schemaClass = input.schemaClass;
    if (schemaClass !== 'PROFILE' && schemaClass !== 'ACCOUNT') {
      throw badInput(
        'input.schemaClass',
        'merge policies merge PROFILE or ACCOUNT records; events are never merged',
      );
    }
    return this.committed(async (store) => {
      if ((await store.policies.list(schemaClass)).length >= MAX_POLICIES_PER_CLASS) {
        throw conflict(
          'input.schemaClass',
          `at most ${MAX_POLICIES_PER_CLASS} merge policies per class`,
        );
      }
      const policy: MergePolicy = {
        id: newId('mp'),
        name: input.name.trim(),
        schemaClass,
        identityStitching: input.identityStitching ?? 'PRIVATE_GRAPH',
        attributeMerge: input.attributeMerge ?? 'TIMESTAMP_ORDERED',
        datasetOrder: [...(input.datasetOrder ?? [])],
        isDefault: input.isDefault ?? false,
        activeOnEdge: input.activeOnEdge ?? false,
        version: 1,
        updatedAt: this.deps.clock(),
      };
      await check(store, policy);
      if (!(await store.policies.insert(policy)))
        throw conflict('input.name', `a merge policy named "${policy.name}" already exists`);
      await this.makeUnique(store, policy);
      return { policy };
    });
  }

  update(id: string, changes: PolicyChanges): Promise<MergePolicy> {
    return this.committed(async (store) => {
      const current = await getPolicy(store, id);
      if (current.isDefault && changes.isDefault === false) {
        throw conflict(
          'input.isDefault',
          `"${current.name}" is the default ${current.schemaClass} policy: make another policy the default instead`,
        );
      }
      const next: MergePolicy = {
        ...current,
        ...definedOnly(changes),
        name: changes.name?.trim() ?? current.name,
        datasetOrder: [...(changes.datasetOrder ?? current.datasetOrder)],
        version: current.version + 1,
        updatedAt: this.deps.clock(),
      };
      await check(store, next);
      if (
        next.name.toLowerCase() !== current.name.toLowerCase() &&
        (await nameTaken(store, next))
      ) {
        throw conflict('input.name', `a merge policy named "${next.name}" already exists`);
      }
      await store.policies.update(next);
      await this.makeUnique(store, next);
      return { policy: next, before: current };
    });
  }

  /**
   * Runs a create or update in a transaction. When it changes how the default PROFILE policy
   * merges, people relate to accounts again (SEMANTICS §8): marked in the same transaction,
   * related in the background once it commits.
   */
  private async committed(
    write: (store: SandboxStore) => Promise<{ policy: MergePolicy; before?: MergePolicy }>,
  ): Promise<MergePolicy> {
    const { policy, relate } = await this.deps.store.transaction(async (store) => {
      const { policy, before } = await write(store);
      const relate = changesDefaultMerge(before, policy) && (await relateEveryoneAgain(store));
      return { policy, relate };
    });
    if (relate) this.deps.status.refresh();
    return policy;
  }

  delete(id: string): Promise<boolean> {
    return this.deps.store.transaction(async (store) => {
      const policy = await getPolicy(store, id);
      if (policy.isDefault)
        throw conflict(
          'id',
          `"${policy.name}" is the default ${policy.schemaClass} policy and cannot be deleted`,
        );
      if (policy.activeOnEdge)
        throw conflict('id', `"${policy.name}" is active on edge and cannot be deleted`);
      // An audience's members are profiles under its policy.
      const users = (await store.audiences.list()).filter((a) => a.mergePolicyId === id);
      if (users.length > 0) {
        const names = users.map((a) => `"${a.name}"`).join(', ');
        throw conflict('id', `"${policy.name}" is the merge policy of audience ${names}`);
      }
      await store.policies.delete(id);
      return true;
    });
  }

  private async defaultOf(store: SandboxStore, schemaClass: PolicyClass): Promise<MergePolicy> {
    const found = (await store.policies.list(schemaClass)).find((p) => p.isDefault);
    if (found === undefined)
      throw new AppError('INTERNAL_SERVER_ERROR', `no default ${schemaClass} merge policy`);
    return found;
  }

  /** One default per class, one active-on-edge policy: `policy` takes over those roles. */
  private async makeUnique(store: SandboxStore, policy: MergePolicy): Promise<void> {
    for (const other of await store.policies.list()) {
      if (other.id === policy.id) continue;
      const unsetDefault =
        policy.isDefault && other.isDefault && other.schemaClass === policy.schemaClass;
      const unsetEdge = policy.activeOnEdge && other.activeOnEdge;
      if (unsetDefault || unsetEdge) {
        await store.policies.update({
          ...other,
          isDefault: unsetDefault ? false : other.isDefault,
          activeOnEdge: unsetEdge ? false : other.activeOnEdge,
          version: other.version + 1,
          updatedAt: this.deps.clock(),
        });
      }
    }
  }
}

/** Whether `after` is the default PROFILE policy and merges otherwise than the default did. */
function changesDefaultMerge(before: MergePolicy | undefined, after: MergePolicy): boolean {
  if (after.schemaClass !== 'PROFILE' || !after.isDefault) return false;
  if (before?.isDefault !== true) return true;
  return (
    before.identityStitching !== after.identityStitching ||
    before.attributeMerge !== after.attributeMerge ||
    before.datasetOrder.join('\u0000') !== after.datasetOrder.join('\u0000')
  );
}

async function check(store: SandboxStore, policy: MergePolicy): Promise<void> {
  const datasets = await store.datasets.getMany(policy.datasetOrder);
  const schemas = await store.schemas.getMany(datasets.flatMap((d) => (d ? [d.schemaId] : [])));
  const schemaById = new Map(schemas.flatMap((s): [string, XdmSchema][] => (s ? [[s.id, s]] : [])));
  const found = new Map<string, OrderedDataset>();
  for (const dataset of datasets) {
    const schema = dataset && schemaById.get(dataset.schemaId);
    if (dataset && schema) found.set(dataset.id, { dataset, schema });
  }
  checkMergePolicy(policy, found, 'input');
}

async function getPolicy(store: SandboxStore, id: string): Promise<MergePolicy> {
  const [policy] = await store.policies.getMany([id]);
  if (policy === undefined) throw notFound('id', `there is no merge policy "${id}"`);
  return policy;
}

const nameTaken = async (store: SandboxStore, policy: MergePolicy) =>
  (await store.policies.list()).some(
    (p) => p.id !== policy.id && p.name.toLowerCase() === policy.name.toLowerCase(),
  );

function definedOnly(changes: PolicyChanges): Partial<MergePolicy> {
  const entries = Object.entries(changes).filter(
    ([k, v]) => v !== undefined && v !== null && k !== 'datasetOrder' && k !== 'name',
  );
  return Object.fromEntries(entries);
}
