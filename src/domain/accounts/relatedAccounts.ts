import { namespaceKey } from '../catalog/checkNamespaceInput';
import type { RelationshipDescriptor } from '../catalog/types';
import { identityKey } from '../identity/Identity';
import { checkIdentityValue } from '../records/checkIdentityValue';
import type { NamespacesByKey } from '../records/identityCandidates';
import { valueAtPath } from '../records/valueAtPath';

/**
 * SEMANTICS §8: the accounts a person's merged attributes relate to, as the identity keys the
 * account graphs hold. Each descriptor's path holds a string or an array of strings; a value is
 * read exactly as an account record's identity would be (trimmed, checked, blocked values
 * dropped), so it finds the account whatever spacing or case the two sources used where the
 * namespace allows it. Anything else (missing, not a string, empty, blocked) relates nowhere.
 * Deduplicated, in descriptor then value order.
 */
export function relatedAccounts(
  attributes: unknown,
  descriptors: readonly RelationshipDescriptor[],
  namespaces: NamespacesByKey,
  blocked: ReadonlySet<string>,
): string[] {
  const keys = new Set<string>();
  for (const descriptor of descriptors) {
    const namespace = namespaces.get(namespaceKey(descriptor.namespace));
    if (namespace === undefined) continue;
    for (const value of stringsAt(attributes, descriptor.path)) {
      const checked = checkIdentityValue(namespace, 'ACCOUNT', value, blocked);
      if ('id' in checked) keys.add(identityKey({ namespace: namespace.code, id: checked.id }));
    }
  }
  return [...keys];
}

/** The string at `path`, or the strings of the array there (other items are skipped). */
function stringsAt(attributes: unknown, path: string): string[] {
  const value = valueAtPath(attributes, path);
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}
