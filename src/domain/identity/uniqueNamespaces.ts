import type { GraphLink, GraphNode } from './GraphNode';
import type { GraphWorkspace } from './GraphWorkspace';
import { regroup } from './regroup';

/** SEMANTICS §3: does this set of identities hold two values of one unique namespace? */
export function hasUniqueConflict(
  nodes: readonly GraphNode[],
  uniqueNamespaces: readonly string[],
): boolean {
  const seen = new Map<string, string>();
  for (const node of nodes) {
    if (!uniqueNamespaces.includes(node.namespace)) continue;
    const other = seen.get(node.namespace);
    if (other !== undefined && other !== node.id) return true;
    seen.set(node.namespace, node.id);
  }
  return false;
}

/** Newest first: lastSeen, then firstSeen, then key (so replays are deterministic). */
export const newestFirst = (x: GraphLink, y: GraphLink): number =>
  y.lastSeen - x.lastSeen || y.firstSeen - x.firstSeen || (x.key < y.key ? -1 : 1);

/**
 * SEMANTICS §3 (unique namespaces, settings changes): rebuilds the graph of `keys` by replaying
 * its links newest first and dropping each link that would join two values of a unique
 * namespace, so the newer link wins (a shared device follows its last authenticated user).
 * Then regroups what is left into graphs.
 */
export function replayNewestFirst(
  ws: GraphWorkspace,
  keys: readonly string[],
  uniqueNamespaces: readonly string[],
): void {
  const groups = new UniqueValueGroups(ws, keys, uniqueNamespaces);
  const links = new Map<string, GraphLink>();
  for (const key of keys) for (const link of ws.linksOf(key)) links.set(link.key, link);
  for (const link of [...links.values()].sort(newestFirst)) {
    if (!groups.join(link.a, link.b)) ws.removeLink(link.key);
  }
  regroup(ws, keys);
}

/** Union-find over identities that remembers each group's unique-namespace values. */
class UniqueValueGroups {
  private readonly parent = new Map<string, string>();
  private readonly values = new Map<string, Map<string, string>>();

  constructor(ws: GraphWorkspace, keys: readonly string[], uniqueNamespaces: readonly string[]) {
    for (const key of keys) {
      this.parent.set(key, key);
      const node = ws.node(key);
      const own = new Map<string, string>();
      if (node !== undefined && uniqueNamespaces.includes(node.namespace))
        own.set(node.namespace, node.id);
      this.values.set(key, own);
    }
  }

  /** Joins the groups of a and b unless that would hold two values of a unique namespace. */
  join(a: string, b: string): boolean {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra === rb) return true;
    const [va, vb] = [this.valuesOf(ra), this.valuesOf(rb)];
    for (const [ns, id] of vb) if (va.has(ns) && va.get(ns) !== id) return false;
    for (const [ns, id] of vb) va.set(ns, id);
    this.parent.set(rb, ra);
    return true;
  }

  private find(key: string): string {
    let root = key;
    for (
      let up = this.parent.get(root);
      up !== undefined && up !== root;
      up = this.parent.get(root)
    ) {
      root = up;
    }
    this.parent.set(key, root);
    return root;
  }

  private valuesOf(root: string): Map<string, string> {
    const values = this.values.get(root);
    if (values === undefined) throw new Error(`identity ${root} is not being replayed`);
    return values;
  }
}
