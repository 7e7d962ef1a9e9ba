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
  const byGraph = new Map<string, ProfileChange[]>();
  const byIdentity = new Map<string, ProfileChange[]>();
  for (const change of changes) {
    if (change.graphId === null) push(byIdentity, change.identityKey, change);
    else push(byGraph, change.graphId, change);
  }
  const movedByGraph = new Map<string, string[]>();
  for (const { key, graphId } of graph?.identities ?? []) push(movedByGraph, graphId, key);
  return {
    graphOf: new Map(graph?.identities.map((i) => [i.key, i.graphId])),
    byGraph,
    byIdentity,
    movedByGraph,
  };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
