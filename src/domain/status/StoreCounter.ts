/**
 * The counters the store status is read from. `key` is a dataset id, a namespace code, or (for
 * overlaps) the JSON of a sorted list of them; `profiles` has the empty key.
 */
export const COUNTER_KINDS = [
  'profiles',
  'datasetFragments',
  'datasetEvents',
  'datasetProfiles',
  'namespaceIdentities',
  'namespaceProfiles',
  'datasetOverlap',
  'namespaceOverlap',
] as const;
export type CounterKind = (typeof COUNTER_KINDS)[number];

export interface StoreCounter {
  kind: CounterKind;
  key: string;
  n: number;
}

/** Adds up counters of the same kind and key; those that sum to zero are left out. */
export function sumCounters(counters: readonly StoreCounter[]): StoreCounter[] {
  const sums = new Map<string, StoreCounter>();
  for (const c of counters) {
    const id = `${c.kind}\u0000${c.key}`;
    const known = sums.get(id);
    if (known === undefined) sums.set(id, { ...c });
    else known.n += c.n;
  }
  return [...sums.values()].filter((c) => c.n !== 0);
}
