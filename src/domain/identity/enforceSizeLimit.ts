import type { IdentityType } from '../enumValues';
import type { GraphNode } from './GraphNode';
import type { GraphWorkspace } from './GraphWorkspace';
import { regroup } from './regroup';

const EVICTION_RANK: Partial<Record<IdentityType, number>> = { PARTNER: 0, COOKIE: 1, DEVICE: 2 };
const rank = (type: IdentityType): number => EVICTION_RANK[type] ?? 3;

/** SEMANTICS §3: PARTNER, then COOKIE, then DEVICE, then the rest; oldest lastSeen first. */
export const evictionOrder = (x: GraphNode, y: GraphNode): number =>
  rank(x.type) - rank(y.type) || x.lastSeen - y.lastSeen || (x.key < y.key ? -1 : 1);

/**
 * SEMANTICS §3 (size limit): a graph over `maxGraphSize` loses identities in eviction order,
 * with their links; each evicted identity stands alone (its data stays under it). Returns the
 * evicted identities.
 */
export function enforceSizeLimit(
  ws: GraphWorkspace,
  graphId: string,
  maxGraphSize: number,
): GraphNode[] {
  if (ws.graphSize(graphId) <= maxGraphSize) return [];
  const members = ws.members(graphId);
  const excess = members.length - maxGraphSize;
  const evicted = [...members].sort(evictionOrder).slice(0, excess);
  for (const node of evicted) for (const link of ws.linksOf(node.key)) ws.removeLink(link.key);
  regroup(
    ws,
    members.map((m) => m.key),
  );
  return evicted;
}
