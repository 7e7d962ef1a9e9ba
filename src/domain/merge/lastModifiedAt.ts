import type { Fragment } from '../profile/Fragment';
import type { MergePolicyRules } from './MergePolicyRules';
import { orderFragments } from './orderFragments';

/**
 * SEMANTICS §4: when the merged profile last changed here: the latest `updatedAt` (ingestion
 * time, epoch ms; not the source's date) of the fragments the policy merges, so under
 * DATASET_PRECEDENCE fragments of unlisted datasets do not count. A merged fragment counts
 * even when other fragments hide all its values. Undefined when nothing is merged.
 */
export function lastModifiedAt(
  fragments: readonly Fragment[],
  rules: MergePolicyRules,
): number | undefined {
  let latest: number | undefined;
  for (const fragment of orderFragments(fragments, rules)) {
    if (latest === undefined || fragment.updatedAt > latest) latest = fragment.updatedAt;
  }
  return latest;
}
