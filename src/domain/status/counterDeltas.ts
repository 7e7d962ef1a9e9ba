import { type GraphSummary, isProfile } from './GraphSummary';
import { type CounterKind, type StoreCounter, sumCounters } from './StoreCounter';

/**
 * How the counters change when a graph's summary goes from `before` to `after` (either absent:
 * a graph that appears or disappears). Only non-zero changes are returned, so a graph whose
 * data did not change costs no write.
 */
export function counterDeltas(
  before: GraphSummary | undefined,
  after: GraphSummary | undefined,
): StoreCounter[] {
  const deltas: StoreCounter[] = [];
  const add = (kind: CounterKind, key: string, n: number) => deltas.push({ kind, key, n });
  if (before !== undefined) addSummary(before, -1, add);
  if (after !== undefined) addSummary(after, 1, add);
  return sumCounters(deltas);
}

function addSummary(
  summary: GraphSummary,
  sign: 1 | -1,
  add: (kind: CounterKind, key: string, n: number) => void,
): void {
  for (const [dataset, data] of Object.entries(summary.datasets)) {
    add('datasetFragments', dataset, sign * data.fragments);
    add('datasetEvents', dataset, sign * data.events);
  }
  for (const [namespace, n] of Object.entries(summary.namespaces)) {
    add('namespaceIdentities', namespace, sign * n);
  }
  if (!isProfile(summary)) return;
  const datasets = Object.keys(summary.datasets).filter((d) => hasRows(summary, d));
  const namespaces = Object.keys(summary.namespaces);
  add('profiles', '', sign);
  for (const d of datasets) add('datasetProfiles', d, sign);
  for (const n of namespaces) add('namespaceProfiles', n, sign);
  add('datasetOverlap', overlapKey(datasets), sign);
  add('namespaceOverlap', overlapKey(namespaces), sign);
}

const hasRows = (summary: GraphSummary, dataset: string): boolean => {
  const data = summary.datasets[dataset];
  return data !== undefined && data.fragments + data.events > 0;
};

/** One key per combination, whatever the order its members come in. */
export const overlapKey = (members: readonly string[]): string =>
  JSON.stringify([...members].sort());
