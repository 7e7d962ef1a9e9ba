import type { ProfileChange, ProfileChanges } from '../profile/ProfileChanges';
import { changeIndex } from './changeIndex';

/** What one commit changed in the watched identity's graph. */
export interface FollowedChanges {
  /** The watched graph after the commit, or null while the identity has none. */
  graphId: string | null;
  /** Identities of that graph whose graph changed (joined, moved in, linked, unlinked). */
  movedIdentities: readonly string[];
  /** Data changes of identities of that graph (or of the identity, while it has none). */
  changes: readonly ProfileChange[];
}

/**
 * SEMANTICS §6: an identity filter matches changes to any identity of that identity's graph,
 * including identities linked after the subscription started. The follower keeps the graph id
 * of the watched identity current from each commit's graph changes (a graph merged into
 * another moves every one of its identities, so the watched one is always listed), without
 * reading the store per event.
 */
export class GraphFollower {
  constructor(
    readonly identityKey: string,
    private graphId: string | null,
  ) {}

  follow(commit: ProfileChanges): FollowedChanges {
    const index = changeIndex(commit);
    this.graphId = index.graphOf.get(this.identityKey) ?? this.graphId;
    const graphId = this.graphId;
    if (graphId === null) {
      return {
        graphId,
        movedIdentities: [],
        changes: index.byIdentity.get(this.identityKey) ?? [],
      };
    }
    return {
      graphId,
      movedIdentities: index.movedByGraph.get(graphId) ?? [],
      changes: index.byGraph.get(graphId) ?? [],
    };
  }
}
