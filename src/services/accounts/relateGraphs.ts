import { relatedAccounts } from '../../domain/accounts/relatedAccounts';
import type { RelationshipDescriptor } from '../../domain/catalog/types';
import type { GraphNode } from '../../domain/identity/GraphNode';
import { identityKey } from '../../domain/identity/Identity';
import { DEFAULT_IDENTITY_SETTINGS } from '../../domain/identity/IdentitySettings';
import { mergeFragments } from '../../domain/merge/mergeFragments';
import { blockedValueSet } from '../../domain/records/checkIdentityValue';
import type { AccountRelation } from '../../storage/ports';
import { graphProfileKey, identityProfileKey, profileKeyOf } from '../audiences/evaluateAudiences';
import { namespacesByKey } from '../catalog/namespacesByKey';
import { relationshipDescriptors } from './relationshipDescriptors';
import { MergePolicyService } from '../policies/MergePolicyService';
import { ProfileService } from '../profiles/ProfileService';
import type { ServiceDeps } from '../ServiceDeps';

/**
 * SEMANTICS §8: replaces the account relations of the person profiles of these graphs
 * (`nodes`: reads their identities), through `deps.store` (the caller's
 * transaction). A profile relates to the accounts its merged attributes name, under the
 * default PROFILE policy, through the relationship descriptors of profile-enabled schemas.
 * Without any such descriptor it reads nothing more: ingestion pays for accounts only once
 * people are related to them.
 */
export async function relateGraphs(
  deps: ServiceDeps,
  graphIds: readonly string[],
  readNodes: () => Promise<readonly GraphNode[]>,
): Promise<void> {
  const descriptors = await relationshipDescriptors(deps.store);
  if (descriptors.length === 0 || graphIds.length === 0) return;
  const nodes = await readNodes();
  const relations = await relationsOf(deps, nodes, descriptors);
  // Every key a profile of these graphs may have had, whatever the policy stitched then: a
  // graph merged into another, or left without data, loses its relations.
  const profileKeys = [
    ...graphIds.map(graphProfileKey),
    ...nodes.map((n) => identityProfileKey(n.key)),
  ];
  await deps.store.accounts.replace(profileKeys, relations);
}

/** The relations of the graphs' profiles under the default PROFILE policy. */
async function relationsOf(
  deps: ServiceDeps,
  nodes: readonly GraphNode[],
  descriptors: readonly RelationshipDescriptor[],
): Promise<AccountRelation[]> {
  const { store } = deps;
  const policies = new MergePolicyService(deps);
  const policy = await policies.resolve(null, 'PROFILE', 'mergePolicyId');
  const [namespaces, settings, profiles] = await Promise.all([
    namespacesByKey(store),
    store.identities.settings(),
    new ProfileService(deps, policies).ofGraphs(nodes, policy),
  ]);
  const blocked = blockedValueSet((settings ?? DEFAULT_IDENTITY_SETTINGS).blockedValues);
  return profiles.flatMap(({ data }) => {
    if (data.fragments.length === 0) return [];
    const attributes = mergeFragments(data.fragments, policy);
    const profileKey = profileKeyOf(data);
    const key = identityKey(data.identity);
    return relatedAccounts(attributes, descriptors, namespaces, blocked).map((accountKey) => ({
      accountKey,
      profileKey,
      identityKey: key,
    }));
  });
}
