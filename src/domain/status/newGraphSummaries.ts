import type { GraphWorkspace } from '../identity/GraphWorkspace';
import { type GraphSummary, type IdentityData, summarizeGraph } from './GraphSummary';

/**
 * The exact summaries of the graphs a write made of new identities only, from `written`: every
 * row the write stored (an identity new to the store has no other). Other graphs it touched
 * need the store read again.
 */
export function newGraphSummaries(
  ws: GraphWorkspace,
  written: readonly IdentityData[],
): GraphSummary[] {
  const fresh = new Map(ws.newGraphIds().map((graphId) => [graphId, [] as IdentityData[]]));
  for (const row of written) {
    const graphId = ws.node(row.identityKey)?.graphId;
    if (graphId !== undefined) fresh.get(graphId)?.push(row);
  }
  return [...fresh].map(([graphId, data]) => summarizeGraph(graphId, ws.members(graphId), data));
}
