import type { StoreCounter } from './StoreCounter';

export interface DatasetDistribution {
  datasetId: string;
  fragmentCount: number;
  eventCount: number;
  profileCount: number;
  percentage: number;
}

export interface NamespaceDistribution {
  namespace: string;
  identityCount: number;
  profileCount: number;
  percentage: number;
}

export interface Overlap {
  keys: string[];
  profileCount: number;
}

/** SEMANTICS §4 (store status): exact counts, distributions and overlaps. */
export interface StoreStatus {
  profileCount: number;
  fragmentCount: number;
  eventCount: number;
  identityCount: number;
  byDataset: DatasetDistribution[];
  byNamespace: NamespaceDistribution[];
  datasetOverlap: Overlap[];
  namespaceOverlap: Overlap[];
  lastIngestedAt: Date | null;
}

/**
 * The status from its counters. Lists are ordered by profile count (largest first), then by
 * key, so the answer is stable; percentages are of all profiles, rounded to two decimals.
 */
export function storeStatus(
  counters: readonly StoreCounter[],
  lastIngestedAt: Date | null,
): StoreStatus {
  const of = (kind: StoreCounter['kind']) =>
    new Map(counters.filter((c) => c.kind === kind && c.n !== 0).map((c) => [c.key, c.n]));
  const profileCount = of('profiles').get('') ?? 0;
  const pct = (n: number) => (profileCount === 0 ? 0 : Math.round((n / profileCount) * 1e4) / 100);
  const fragments = of('datasetFragments');
  const events = of('datasetEvents');
  const datasetProfiles = of('datasetProfiles');
  const identities = of('namespaceIdentities');
  const namespaceProfiles = of('namespaceProfiles');
  const datasetIds = new Set([...fragments.keys(), ...events.keys(), ...datasetProfiles.keys()]);
  const byDataset = [...datasetIds].map((datasetId) => {
    const profiles = datasetProfiles.get(datasetId) ?? 0;
    return {
      datasetId,
      fragmentCount: fragments.get(datasetId) ?? 0,
      eventCount: events.get(datasetId) ?? 0,
      profileCount: profiles,
      percentage: pct(profiles),
    };
  });
  const byNamespace = [...identities.keys()].map((namespace) => {
    const profiles = namespaceProfiles.get(namespace) ?? 0;
    return {
      namespace,
      identityCount: identities.get(namespace) ?? 0,
      profileCount: profiles,
      percentage: pct(profiles),
    };
  });
  return {
    profileCount,
    fragmentCount: sum(fragments),
    eventCount: sum(events),
    identityCount: sum(identities),
    byDataset: byDataset.sort((a, b) => byCount(a, b, a.datasetId, b.datasetId)),
    byNamespace: byNamespace.sort((a, b) => byCount(a, b, a.namespace, b.namespace)),
    datasetOverlap: overlaps(of('datasetOverlap')),
    namespaceOverlap: overlaps(of('namespaceOverlap')),
    lastIngestedAt,
  };
}

const sum = (counts: Map<string, number>): number =>
  [...counts.values()].reduce((total, n) => total + n, 0);

const byCount = (
  a: { profileCount: number },
  b: { profileCount: number },
  aKey: string,
  bKey: string,
): number => b.profileCount - a.profileCount || (aKey < bKey ? -1 : aKey > bKey ? 1 : 0);

function overlaps(counts: Map<string, number>): Overlap[] {
  return [...counts]
    .map(([key, profileCount]) => ({ keys: JSON.parse(key) as string[], profileCount }))
    .sort((a, b) => byCount(a, b, a.keys.join('\u0000'), b.keys.join('\u0000')));
}
