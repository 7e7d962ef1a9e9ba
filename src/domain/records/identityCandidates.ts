import { namespaceKey } from '../catalog/checkNamespaceInput';
import { IDENTITY_MAP } from '../catalog/implicitFields';
import type { IdentityDescriptor, IdentityNamespace } from '../catalog/types';
import { readIdentityMap } from './readIdentityMap';
import { type RecordError, recordError } from './RecordError';
import { valueAtPath } from './valueAtPath';

/** A value found where a record keeps identities, not yet checked or normalised. */
export interface IdentityCandidate {
  namespace: IdentityNamespace;
  value: string;
  /** Marked primary by its descriptor or its identityMap entry. */
  primary: boolean;
  fromDescriptor: boolean;
  /** Where it was: the descriptor's path, or `identityMap.<key>[i].id`. */
  path: string;
}

export interface FoundCandidates {
  candidates: IdentityCandidate[];
  warnings: RecordError[];
  errors: RecordError[];
}

/** Lower-cased namespace code → namespace, as the catalog holds them. */
export type NamespacesByKey = ReadonlyMap<string, IdentityNamespace>;

/**
 * SEMANTICS §1: the identities of a record come from the fields its schema's descriptors mark
 * (descriptor order), then from identityMap (key, then array order), its namespaces matched
 * case-insensitively. A namespace the catalog lacks drops its values with UNKNOWN_NAMESPACE.
 */
export function identityCandidates(
  record: Record<string, unknown>,
  descriptors: readonly IdentityDescriptor[],
  namespaces: NamespacesByKey,
): FoundCandidates {
  const warnings: RecordError[] = [];
  const warned = new Set<string>();
  const find = (code: string, path: string): IdentityNamespace | undefined => {
    const namespace = namespaces.get(namespaceKey(code));
    if (namespace === undefined && !warned.has(path)) {
      warned.add(path);
      warnings.push(unknownNamespace(code, path));
    }
    return namespace;
  };
  const candidates: IdentityCandidate[] = [];
  for (const d of descriptors) {
    const value = valueAtPath(record, d.path);
    // Absent or null holds no identity; any other non-string is the validator's to report.
    if (typeof value !== 'string') continue;
    const namespace = find(d.namespace, d.path);
    if (namespace !== undefined) {
      candidates.push({ namespace, value, primary: d.primary, fromDescriptor: true, path: d.path });
    }
  }
  const map = readIdentityMap(record[IDENTITY_MAP]);
  for (const { key, id, primary, path } of map.entries) {
    const namespace = find(key, `${IDENTITY_MAP}.${key}`);
    if (namespace !== undefined) {
      candidates.push({ namespace, value: id, primary, fromDescriptor: false, path });
    }
  }
  return { candidates, warnings, errors: map.errors };
}

const unknownNamespace = (code: string, path: string): RecordError =>
  recordError(
    'UNKNOWN_NAMESPACE',
    `there is no identity namespace "${code}"; its values were dropped`,
    path,
  );
