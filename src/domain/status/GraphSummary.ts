/** How much of one dataset's data a graph holds. */
export interface DatasetData {
  fragments: number;
  events: number;
}

/**
 * What the store status needs to know of one identity graph (SEMANTICS §4, store status): its
 * data per dataset and its identities per namespace. The status is the sum of these, kept
 * current as counters, so reading it never scans the store.
 */
export interface GraphSummary {
  graphId: string;
  datasets: Record<string, DatasetData>;
  namespaces: Record<string, number>;
}

/** A graph counts as a profile when it holds at least one fragment or event. */
export const isProfile = (summary: GraphSummary): boolean =>
  Object.values(summary.datasets).some((d) => d.fragments + d.events > 0);

/** One identity's rows in one dataset, as the store counts them. */
export interface IdentityData extends DatasetData {
  identityKey: string;
  datasetId: string;
}

/** The summary of one graph from its identities' namespaces and their stored data. */
export function summarizeGraph(
  graphId: string,
  identities: readonly { key: string; namespace: string }[],
  data: readonly IdentityData[],
): GraphSummary {
  const summary: GraphSummary = { graphId, datasets: {}, namespaces: {} };
  const keys = new Set<string>();
  for (const { key, namespace } of identities) {
    keys.add(key);
    summary.namespaces[namespace] = (summary.namespaces[namespace] ?? 0) + 1;
  }
  for (const row of data) {
    if (!keys.has(row.identityKey)) continue;
    const into = (summary.datasets[row.datasetId] ??= { fragments: 0, events: 0 });
    into.fragments += row.fragments;
    into.events += row.events;
  }
  return summary;
}
