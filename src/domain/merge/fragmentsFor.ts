import type { Fragment } from '../profile/Fragment';
import type { MergePolicyRules } from './MergePolicyRules';

/**
 * SEMANTICS §4 identityStitching: the fragments a profile lookup merges. NONE keeps those
 * stored under the requested identity; PRIVATE_GRAPH those of every identity of its graph, and
 * of the requested identity even when `graphKeys` lacks it (an identity in no graph is a graph
 * of one). Fragments of any other identity are dropped; the input order is kept.
 */
export function fragmentsFor(
  policy: Pick<MergePolicyRules, 'identityStitching'>,
  requestedKey: string,
  graphKeys: Iterable<string>,
  fragments: readonly Fragment[],
): Fragment[] {
  if (policy.identityStitching === 'NONE') {
    return fragments.filter((f) => f.identityKey === requestedKey);
  }
  const keys = new Set(graphKeys).add(requestedKey);
  return fragments.filter((f) => keys.has(f.identityKey));
}
