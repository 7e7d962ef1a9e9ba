/** SEMANTICS §1 and §3: the rules of the identity graph, per sandbox. */
export interface IdentitySettings {
  /** At most this many identities per graph (default 50). */
  maxGraphSize: number;
  /** At most one identity of each of these namespaces per graph (default CRMID). */
  uniqueNamespaces: string[];
  /** Highest first: picks the primary identity of events. */
  namespacePriority: string[];
  /** Values that are never identities, compared case-insensitively. */
  blockedValues: string[];
}

export const DEFAULT_IDENTITY_SETTINGS: Readonly<IdentitySettings> = Object.freeze({
  maxGraphSize: 50,
  uniqueNamespaces: ['CRMID'],
  namespacePriority: ['CRMID', 'Email', 'Phone', 'IDFA', 'GAID', 'ECID', 'AAID'],
  blockedValues: ['null', 'undefined', 'anonymous', 'invalid', '0', 'unknown'],
});
