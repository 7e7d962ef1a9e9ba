import type { Fragment } from '../profile/Fragment';
import type { MergePolicyRules } from './MergePolicyRules';

/**
 * SEMANTICS §4 attributeMerge: the fragments a policy merges, highest priority first (the first
 * one holding a leaf gives its value). Returns a new array; the input is left as it is.
 *
 * - TIMESTAMP_ORDERED: newest first by effective time, `sourceUpdatedAt ?? updatedAt`: the
 *   source's lastUpdatedDate, or the ingestion time of a fragment that has none. Both are
 *   epoch ms on one clock, so a fragment without a source date competes with its ingestion
 *   time: undated data written at 10:00 beats data the source last changed at 09:00, and loses
 *   to data changed at 11:00. A `sourceUpdatedAt` of 0 is a date, not a missing one.
 * - DATASET_PRECEDENCE: only fragments of the datasets in `datasetOrder`, by the dataset's
 *   position there (first is highest; a dataset listed twice counts at its first place);
 *   fragments of other datasets are not merged at all. Within one dataset (several identities
 *   of the graph) the timestamp order applies.
 *
 * Ties of effective time go to the later `updatedAt`, then to the smaller `datasetId`, then to
 * the smaller `identityKey` (UTF-16 code-unit order, locale-free), so the result never depends
 * on the order the store returned the fragments in.
 */
export function orderFragments(
  fragments: readonly Fragment[],
  rules: MergePolicyRules,
): Fragment[] {
  if (rules.attributeMerge === 'TIMESTAMP_ORDERED') return [...fragments].sort(newestFirst);
  const rank = new Map<string, number>();
  rules.datasetOrder.forEach((datasetId, i) => {
    if (!rank.has(datasetId)) rank.set(datasetId, i);
  });
  const ranked = fragments.flatMap((fragment) => {
    const at = rank.get(fragment.datasetId);
    return at === undefined ? [] : [{ fragment, at }];
  });
  ranked.sort((a, b) => a.at - b.at || newestFirst(a.fragment, b.fragment));
  return ranked.map((r) => r.fragment);
}

const effectiveTime = (fragment: Fragment): number =>
  fragment.sourceUpdatedAt ?? fragment.updatedAt;

const descending = (a: number, b: number): number => (a === b ? 0 : a > b ? -1 : 1);

const ascendingText = (a: string, b: string): number => (a === b ? 0 : a < b ? -1 : 1);

function newestFirst(a: Fragment, b: Fragment): number {
  return (
    descending(effectiveTime(a), effectiveTime(b)) ||
    descending(a.updatedAt, b.updatedAt) ||
    ascendingText(a.datasetId, b.datasetId) ||
    ascendingText(a.identityKey, b.identityKey)
  );
}
