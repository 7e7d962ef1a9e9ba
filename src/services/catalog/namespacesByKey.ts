import { namespaceKey } from '../../domain/catalog/checkNamespaceInput';
import type { NamespacesByKey } from '../../domain/records/identityCandidates';
import type { SandboxStore } from '../../storage/ports';

/** The sandbox's namespaces keyed as codes compare (case-insensitively). */
export async function namespacesByKey(store: SandboxStore): Promise<NamespacesByKey> {
  return new Map((await store.namespaces.list()).map((n) => [namespaceKey(n.code), n]));
}

/**
 * As `namespacesByKey`, with only the namespaces these codes name: enough to canonicalise
 * identities of those namespaces, without reading (and sorting) the whole catalog.
 */
export async function namespacesNamed(
  store: SandboxStore,
  codes: readonly string[],
): Promise<NamespacesByKey> {
  return new Map((await store.namespaces.findMany(codes)).map((n) => [namespaceKey(n.code), n]));
}
