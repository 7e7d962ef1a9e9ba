import type { Fragment } from '../profile/Fragment';
import type { MergePolicyRules } from './MergePolicyRules';
import { orderFragments } from './orderFragments';

/**
 * SEMANTICS §4: the distinct datasets of the fragments the policy merges, in its order: for
 * DATASET_PRECEDENCE as `datasetOrder` lists them (unlisted ones are not merged, so absent),
 * for TIMESTAMP_ORDERED by each dataset's newest fragment (see `orderFragments`). A merged
 * fragment counts even when other fragments hide all its values.
 */
export function sourcesOf(fragments: readonly Fragment[], rules: MergePolicyRules): string[] {
  return [...new Set(orderFragments(fragments, rules).map((f) => f.datasetId))];
}
