/** An identity: a value in a namespace (the namespace code as the catalog spells it). */
export interface Identity {
  namespace: string;
  id: string;
}

/**
 * One string per identity, for maps, sets and storage keys; never shown to users. The unit
 * separator cannot appear in a namespace code, so the key is unambiguous (and, unlike NUL,
 * PostgreSQL can store it).
 */
export const identityKey = (identity: Identity): string =>
  `${identity.namespace}\u001f${identity.id}`;

export function identityFromKey(key: string): Identity {
  const at = key.indexOf('\u001f');
  return { namespace: key.slice(0, at), id: key.slice(at + 1) };
}

export const sameIdentity = (a: Identity, b: Identity): boolean =>
  a.namespace === b.namespace && a.id === b.id;
