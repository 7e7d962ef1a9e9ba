import { STANDARD_NAMESPACES } from '../domain/catalog/standardNamespaces';
import {
  DEFAULT_POLICY_NAME,
  type MergePolicy,
  type PolicyClass,
} from '../domain/policies/MergePolicy';
import type { SandboxStore } from '../storage/ports';
import { newId } from './newId';

/**
 * SEMANTICS §0: a sandbox starts seeded like a fresh install. Idempotent: it only adds what is
 * missing, so start-up runs it on every sandbox and new seeds reach old sandboxes too.
 */
export async function seedSandbox(store: SandboxStore, now: Date): Promise<void> {
  await store.namespaces.insertMissing(
    STANDARD_NAMESPACES.map((ns) => ({ ...ns, custom: false, createdAt: now })),
  );
  for (const schemaClass of ['PROFILE', 'ACCOUNT'] as const) {
    // A class with any policy has its default (the last one can never go): seed only once.
    if ((await store.policies.list(schemaClass)).length > 0) continue;
    await store.policies.insert(defaultPolicy(schemaClass, now));
  }
}

/** SEMANTICS §4: the default policy of a record class in a fresh sandbox. */
const defaultPolicy = (schemaClass: PolicyClass, now: Date): MergePolicy => ({
  id: newId('mp'),
  name: schemaClass === 'PROFILE' ? DEFAULT_POLICY_NAME : `${DEFAULT_POLICY_NAME} (accounts)`,
  schemaClass,
  identityStitching: 'PRIVATE_GRAPH',
  attributeMerge: 'TIMESTAMP_ORDERED',
  datasetOrder: [],
  isDefault: true,
  activeOnEdge: false,
  version: 1,
  updatedAt: now,
});
