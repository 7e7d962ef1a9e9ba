export const PROFILE_CHANGE_KINDS = ['RECORD', 'EVENT', 'GRAPH', 'DELETE'] as const;
export type ProfileChangeKind = (typeof PROFILE_CHANGE_KINDS)[number];

/** One identity's data changed (SEMANTICS §6 `profileUpdated`). */
export interface ProfileChange {
  kind: ProfileChangeKind;
  identityKey: string;
  datasetId: string | null;
  /** The identity's graph after the change; null when it has none. */
  graphId: string | null;
}

/** Identities whose graph changed in one commit (SEMANTICS §6 `identityGraphChanged`). */
export interface GraphChange {
  /** Each identity that is new, moved to another graph, or gained or lost a link. */
  identities: { key: string; graphId: string }[];
  /** Graphs that no longer exist (merged into another). */
  goneGraphIds: string[];
}

/**
 * Everything one commit changed, published once after it commits: graph changes first, then
 * each identity's change, in the order the records were applied. Times are epoch ms, so the
 * payload is plain JSON and crosses replicas unchanged.
 */
export interface ProfileChanges {
  at: number;
  graph: GraphChange | null;
  changes: ProfileChange[];
}

/** Whether a commit changed anything worth publishing. */
export const isEmpty = (changes: ProfileChanges): boolean =>
  changes.graph === null && changes.changes.length === 0;

/** A commit that changed graphs only (identity repairs): a GRAPH change per moved identity. */
export const graphChanges = (graph: GraphChange, at: number): ProfileChanges => ({
  at,
  graph: graph.identities.length > 0 ? graph : null,
  changes: graph.identities.map(({ key, graphId }) => ({
    kind: 'GRAPH',
    identityKey: key,
    datasetId: null,
    graphId,
  })),
});
