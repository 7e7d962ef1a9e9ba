import { type GraphSummary, isProfile } from './GraphSummary';
import { CounterSums, type StoreCounter } from './StoreCounter';

/**
 * How the counters change when a graph's summary goes from `before` to `after` (either absent:
 * a graph that appears or disappears). Only non-zero changes are returned, so a graph whose
 * data did not change costs no write.
 */
export function counterDeltas(
  before: GraphSummary | undefined,
  after: GraphSummary | undefined,
): StoreCounter[] {
  const sums = new CounterSums();
  addCounterDeltas(sums, before, after);
  return sums.nonZero();
}

/** counterDeltas, added to running sums (many graphs, one set of counters). */
export function addCounterDeltas(
  sums: CounterSums,
  before: GraphSummary | undefined,
  after: GraphSummary | undefined,
): void {
  if (before !== undefined) addSummary(before, -1, sums);
  if (after !== undefined) addSummary(after, 1, sums);
}

function addSummary(summary: GraphSummary, sign: 1 | -1, sums: CounterSums): void {
  for (const [dataset, data] of Object.entries(summary.datasets)) {
    sums.add('datasetFragments', dataset, sign * data.fragments);
    sums.add('datasetEvents', dataset, sign * data.events);
  }
  for (const [namespace, n] of Object.entries(summary.namespaces)) {
    sums.add('namespaceIdentities', namespace, sign * n);
  }
  if (!isProfile(summary)) return;
  const datasets = Object.keys(summary.datasets).filter((d) => hasRows(summary, d));
  const namespaces = Object.keys(summary.namespaces);
  sums.add('profiles', '', sign);
  for (const d of datasets) sums.add('datasetProfiles', d, sign);
  for (const n of namespaces) sums.add('namespaceProfiles', n, sign);
  sums.add('datasetOverlap', overlapKey(datasets), sign);
  sums.add('namespaceOverlap', overlapKey(namespaces), sign);
}

const hasRows = (summary: GraphSummary, dataset: string): boolean => {
  const data = summary.datasets[dataset];
  return data !== undefined && data.fragments + data.events > 0;
};

/** One key per combination, whatever the order its members come in. */
export const overlapKey = (members: readonly string[]): string =>
  JSON.stringify([...members].sort());
