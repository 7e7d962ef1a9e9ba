export const IDENTITY_STITCHINGS = ['NONE', 'PRIVATE_GRAPH'] as const;
export type IdentityStitching = (typeof IDENTITY_STITCHINGS)[number];

export const ATTRIBUTE_MERGES = ['TIMESTAMP_ORDERED', 'DATASET_PRECEDENCE'] as const;
export type AttributeMerge = (typeof ATTRIBUTE_MERGES)[number];

/** Merge policies apply to record classes only: events are never merged (SEMANTICS §4). */
export type PolicyClass = 'PROFILE' | 'ACCOUNT';

export interface MergePolicy {
  id: string;
  name: string;
  schemaClass: PolicyClass;
  identityStitching: IdentityStitching;
  attributeMerge: AttributeMerge;
  /** DATASET_PRECEDENCE only: dataset ids, highest first. */
  datasetOrder: string[];
  isDefault: boolean;
  activeOnEdge: boolean;
  version: number;
  updatedAt: Date;
}

/** SEMANTICS §4: up to 100 policies per class (the reference allows 5 per organisation). */
export const MAX_POLICIES_PER_CLASS = 100;

export const DEFAULT_POLICY_NAME = 'Default timestamp-ordered';
