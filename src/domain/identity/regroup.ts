import type { GraphWorkspace } from './GraphWorkspace';

/**
 * After links among `keys` were removed (a repair, an eviction), each connected part becomes
 * a graph of its own: the largest part keeps the id most of it had, the others get new ids.
 */
export function regroup(ws: GraphWorkspace, keys: Iterable<string>): void {
  const remaining = new Set(keys);
  const parts: Set<string>[] = [];
  for (const key of remaining) {
    const part = ws.component(key);
    for (const member of part) remaining.delete(member);
    parts.push(part);
  }
  parts.sort((x, y) => y.size - x.size);
  const used = new Set<string>();
  for (const part of parts) {
    const id = mostCommonGraphId(ws, part, used) ?? ws.newGraphId();
    used.add(id);
    for (const key of part) ws.setGraphId(key, id);
  }
}

function mostCommonGraphId(
  ws: GraphWorkspace,
  part: Set<string>,
  used: Set<string>,
): string | undefined {
  const counts = new Map<string, number>();
  for (const key of part) {
    const id = ws.node(key)?.graphId;
    if (id !== undefined && !used.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  let best: [string, number] | undefined;
  for (const entry of counts) {
    if (best === undefined || entry[1] > best[1] || (entry[1] === best[1] && entry[0] < best[0])) {
      best = entry;
    }
  }
  return best?.[0];
}
