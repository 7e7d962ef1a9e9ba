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

/** Running sums of counters by kind and key (one object per counter, however many adds). */
export class CounterSums {
  // By kind, then key: no key string is built per add (a write adds several per graph).
  private readonly sums = new Map<CounterKind, Map<string, StoreCounter>>();

  add(kind: CounterKind, key: string, n: number): void {
    let byKey = this.sums.get(kind);
    if (byKey === undefined) {
      byKey = new Map();
      this.sums.set(kind, byKey);
    }
    const known = byKey.get(key);
    if (known === undefined) byKey.set(key, { kind, key, n });
    else known.n += n;
  }

  /** The sums, without those that came to zero. */
  nonZero(): StoreCounter[] {
    return [...this.sums.values()].flatMap((byKey) => [...byKey.values()].filter((c) => c.n !== 0));
  }
}

/** Adds up counters of the same kind and key; those that sum to zero are left out. */
export function sumCounters(counters: readonly StoreCounter[]): StoreCounter[] {
  const sums = new CounterSums();
  for (const c of counters) sums.add(c.kind, c.key, c.n);
  return sums.nonZero();
}
