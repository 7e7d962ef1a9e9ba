export const CATALOG_ITEM_KINDS = ['NAMESPACE', 'SCHEMA', 'DATASET'] as const;
export type CatalogItemKind = (typeof CATALOG_ITEM_KINDS)[number];

export const CATALOG_ACTIONS = ['CREATED', 'UPDATED'] as const;
export type CatalogAction = (typeof CATALOG_ACTIONS)[number];

/** A committed change to the catalog of one sandbox: what changed, and how. */
export interface CatalogChange {
  kind: CatalogItemKind;
  action: CatalogAction;
  /** Schema or dataset id; namespace code. */
  id: string;
  name: string;
  at: Date;
}
