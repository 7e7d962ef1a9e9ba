import { namespaceKey } from '../catalog/checkNamespaceInput';
import type { SchemaClass } from '../enumValues';
import type { Identity } from '../identity/Identity';

/** A checked identity of a record, with how it was marked. */
export interface FoundIdentity extends Identity {
  primary: boolean;
  fromDescriptor: boolean;
}

export interface PrimaryChoice {
  primary: Identity | undefined;
  /** Chosen by namespace priority (events without a marked primary). */
  byPriority: boolean;
}

/**
 * SEMANTICS §1 and §3, in order: the primary descriptor's identity, else the identityMap
 * entry marked primary, else for events the identity whose namespace ranks highest in
 * `namespacePriority` (unlisted namespaces after all listed ones), else the first identity.
 * Ties go to the identity found first.
 */
export function choosePrimary(
  found: readonly FoundIdentity[],
  schemaClass: SchemaClass,
  namespacePriority: readonly string[],
): PrimaryChoice {
  const marked = found.find((f) => f.primary && f.fromDescriptor) ?? found.find((f) => f.primary);
  if (marked !== undefined) return { primary: identityOf(marked), byPriority: false };
  const [first] = found;
  if (first === undefined) return { primary: undefined, byPriority: false };
  if (schemaClass !== 'EXPERIENCE_EVENT') return { primary: identityOf(first), byPriority: false };
  const ranks = namespacePriority.map(namespaceKey);
  const rank = (f: FoundIdentity): number => {
    const at = ranks.indexOf(namespaceKey(f.namespace));
    return at === -1 ? ranks.length : at;
  };
  const best = found.reduce((a, b) => (rank(b) < rank(a) ? b : a));
  return { primary: identityOf(best), byPriority: true };
}

const identityOf = ({ namespace, id }: FoundIdentity): Identity => ({ namespace, id });
