import { addCounterDeltas } from './counterDeltas';
import { type GraphSummary, type IdentityData, summarizeGraph } from './GraphSummary';
import { CounterSums, type StoreCounter } from './StoreCounter';

/**
 * New summaries for stale graphs from what the store holds now, and how the counters move.
 * A stale graph with no identity left (merged into another) loses its summary. A graph in
 * `known` takes that summary (its writer knew it exactly) instead of its identities and data.
 */
export function recomputeSummaries(
  graphIds: readonly string[],
  identities: readonly { key: string; namespace: string; graphId: string }[],
  data: readonly IdentityData[],
  previous: readonly GraphSummary[],
  known: readonly GraphSummary[] = [],
): { summaries: GraphSummary[]; deltas: StoreCounter[] } {
  const members = new Map<string, { key: string; namespace: string }[]>();
  for (const identity of identities) {
    const list = members.get(identity.graphId) ?? [];
    list.push(identity);
    members.set(identity.graphId, list);
  }
  const graphOf = new Map(identities.map((i) => [i.key, i.graphId]));
  const dataByGraph = new Map<string, IdentityData[]>();
  for (const row of data) {
    const graphId = graphOf.get(row.identityKey);
    if (graphId === undefined) continue;
    const list = dataByGraph.get(graphId) ?? [];
    list.push(row);
    dataByGraph.set(graphId, list);
  }
  const before = new Map(previous.map((s) => [s.graphId, s]));
  const knownAfter = new Map(known.map((s) => [s.graphId, s]));
  const summaries: GraphSummary[] = [];
  const sums = new CounterSums();
  for (const graphId of new Set(graphIds)) {
    const graph = members.get(graphId);
    const after =
      knownAfter.get(graphId) ??
      (graph === undefined
        ? undefined
        : summarizeGraph(graphId, graph, dataByGraph.get(graphId) ?? []));
    if (after !== undefined) summaries.push(after);
    addCounterDeltas(sums, before.get(graphId), after);
  }
  return { summaries, deltas: sums.nonZero() };
}
