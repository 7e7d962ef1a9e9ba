import { identityKey } from '../../../../src/domain/identity/Identity';
import type { MergePolicyRules } from '../../../../src/domain/merge/MergePolicyRules';
import type { Fragment } from '../../../../src/domain/profile/Fragment';
import type { JsonObject } from '../../../../src/domain/records/mergePatch';

export { deepFreeze } from '../ingestion/fixtures';

/** Epoch ms of a day in January 2024: `T(2)` is later than `T(1)`. */
export const T = (day: number): number => Date.UTC(2024, 0, day);

/** Three identities of one graph. */
export const CRM = identityKey({ namespace: 'CRMID', id: 'c1' });
export const EMAIL = identityKey({ namespace: 'Email', id: 'ada@x.com' });
export const ECID = identityKey({ namespace: 'ECID', id: '1'.repeat(38) });

interface FragmentOptions {
  /** The identity key; CRM unless given. */
  key?: string;
  /** sourceUpdatedAt; null (no source date) unless given. */
  source?: number | null;
  /** updatedAt; T(1) unless given. */
  updated?: number;
}

/** A stored fragment of `datasetId`. */
export const fragment = (
  datasetId: string,
  attributes: JsonObject,
  { key = CRM, source = null, updated = T(1) }: FragmentOptions = {},
): Fragment => ({
  datasetId,
  identityKey: key,
  attributes,
  sourceUpdatedAt: source,
  updatedAt: updated,
});

export const TIMESTAMP_ORDERED: MergePolicyRules = {
  identityStitching: 'PRIVATE_GRAPH',
  attributeMerge: 'TIMESTAMP_ORDERED',
  datasetOrder: [],
};

/** A DATASET_PRECEDENCE policy over `datasetOrder`, highest first. */
export const precedence = (...datasetOrder: string[]): MergePolicyRules => ({
  identityStitching: 'PRIVATE_GRAPH',
  attributeMerge: 'DATASET_PRECEDENCE',
  datasetOrder,
});

/** Every object and array inside `value` (itself included). */
export function containersIn(value: unknown, found = new Set<object>()): Set<object> {
  if (typeof value === 'object' && value !== null) {
    found.add(value);
    Object.values(value).forEach((v) => containersIn(v, found));
  }
  return found;
}
