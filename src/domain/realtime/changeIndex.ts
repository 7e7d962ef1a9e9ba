import { groupBy } from '../groupBy';
import type { ProfileChange, ProfileChanges } from '../profile/ProfileChanges';

/** One commit's changes, looked up by identity and by graph. */
export interface ChangeIndex {
  /** Each identity whose graph changed → the graph it is in now. */
  graphOf: ReadonlyMap<string, string>;
  byGraph: ReadonlyMap<string, readonly ProfileChange[]>;
  /** Changes of identities without a graph. */
  byIdentity: ReadonlyMap<string, readonly ProfileChange[]>;
  /** Identities whose graph changed, by the graph they are in now. */
  movedByGraph: ReadonlyMap<string, readonly string[]>;
}

// One index per published commit, whatever the number of subscribers reading it.
const cache = new WeakMap<ProfileChanges, ChangeIndex>();

/** The index of a commit's changes; built once per payload and shared by every watcher. */
export function changeIndex(changes: ProfileChanges): ChangeIndex {
  let index = cache.get(changes);
  if (index === undefined) {
    index = buildIndex(changes);
    cache.set(changes, index);
  }
  return index;
}

function buildIndex({ graph, changes }: ProfileChanges): ChangeIndex {
  const moved = graph?.identities ?? [];
  const movedByGraph = groupBy(moved, (i) => i.graphId);
  return {
    graphOf: new Map(moved.map((i) => [i.key, i.graphId])),
    byGraph: groupBy(
      changes.filter((c) => c.graphId !== null),
      (c) => c.graphId as string,
    ),
    byIdentity: groupBy(
      changes.filter((c) => c.graphId === null),
      (c) => c.identityKey,
    ),
    movedByGraph: new Map([...movedByGraph].map(([id, list]) => [id, list.map((i) => i.key)])),
  };
}
