import { notFound } from '../../domain/AppError';
import { namespaceKey } from '../../domain/catalog/checkNamespaceInput';
import type { Identity } from '../../domain/identity/Identity';
import { normalizeIdentityValue } from '../../domain/records/checkIdentityValue';
import type { NamespacesByKey } from '../../domain/records/identityCandidates';

/**
 * An identity as stored: the namespace as the catalog spells it (users may type any case),
 * the value normalised as ingestion normalises it. `field` names the input when the
 * namespace is unknown.
 */
export function canonicalIdentity(
  identity: Identity,
  namespaces: NamespacesByKey,
  field: string,
): Identity {
  const ns = namespaces.get(namespaceKey(identity.namespace));
  if (ns === undefined)
    throw notFound(`${field}.namespace`, `there is no identity namespace "${identity.namespace}"`);
  return { namespace: ns.code, id: normalizeIdentityValue(ns.code, identity.id) };
}
