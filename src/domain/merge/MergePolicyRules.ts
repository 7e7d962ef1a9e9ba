import type { AttributeMerge, IdentityStitching } from '../policies/MergePolicy';

/**
 * What of a merge policy (SEMANTICS §4) a profile lookup needs; a `MergePolicy` is one.
 * `datasetOrder` (dataset ids, highest first) counts for DATASET_PRECEDENCE only.
 */
export type MergePolicyRules = {
  identityStitching: IdentityStitching;
  attributeMerge: AttributeMerge;
  datasetOrder: readonly string[];
};
