import type { GraphLink } from './GraphNode';
import type { GraphWorkspace } from './GraphWorkspace';

export interface PathStep {
  from: string;
  to: string;
  link: GraphLink;
}

/**
 * SEMANTICS §3 (explain): the shortest chain of links from one identity to another (breadth
 * first), each step oriented from → to; undefined when they are not connected.
 */
export function shortestLinkPath(
  ws: GraphWorkspace,
  from: string,
  to: string,
): PathStep[] | undefined {
  if (from === to) return [];
  const cameFrom = new Map<string, PathStep>();
  const queue = [from];
  const seen = new Set([from]);
  for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
    for (const link of ws.linksOf(at).sort((x, y) => (x.key < y.key ? -1 : 1))) {
      const next = link.a === at ? link.b : link.a;
      if (seen.has(next)) continue;
      seen.add(next);
      cameFrom.set(next, { from: at, to: next, link });
      if (next === to) return unwind(cameFrom, from, to);
      queue.push(next);
    }
  }
  return undefined;
}

function unwind(cameFrom: Map<string, PathStep>, from: string, to: string): PathStep[] {
  const steps: PathStep[] = [];
  for (let at = to; at !== from;) {
    const step = cameFrom.get(at);
    if (step === undefined) throw new Error(`no way back from ${at}`);
    steps.unshift(step);
    at = step.from;
  }
  return steps;
}
