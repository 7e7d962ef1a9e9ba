import { counterDeltas, overlapKey } from '../../../../src/domain/status/counterDeltas';
import {
  type GraphSummary,
  isProfile,
  summarizeGraph,
} from '../../../../src/domain/status/GraphSummary';
import { recomputeSummaries } from '../../../../src/domain/status/recomputeSummaries';
import type { StoreCounter } from '../../../../src/domain/status/StoreCounter';
import { storeStatus } from '../../../../src/domain/status/storeStatus';

const summary = (
  graphId: string,
  datasets: Record<string, [number, number]>,
  namespaces: Record<string, number>,
): GraphSummary => ({
  graphId,
  datasets: Object.fromEntries(
    Object.entries(datasets).map(([d, [fragments, events]]) => [d, { fragments, events }]),
  ),
  namespaces,
});

/** Applies deltas the way the store does: adds them to the running counters. */
function apply(counters: Map<string, StoreCounter>, deltas: readonly StoreCounter[]): void {
  for (const d of deltas) {
    const id = `${d.kind}/${d.key}`;
    const known = counters.get(id);
    counters.set(id, { ...d, n: (known?.n ?? 0) + d.n });
  }
}

describe('summarizeGraph', () => {
  it('counts identities per namespace and rows per dataset of the graph only', () => {
    const got = summarizeGraph(
      'g1',
      [
        { key: 'Email|a', namespace: 'Email' },
        { key: 'Email|b', namespace: 'Email' },
        { key: 'Phone|1', namespace: 'Phone' },
      ],
      [
        { identityKey: 'Email|a', datasetId: 'd1', fragments: 1, events: 0 },
        { identityKey: 'Email|b', datasetId: 'd1', fragments: 1, events: 3 },
        { identityKey: 'Phone|1', datasetId: 'd2', fragments: 0, events: 2 },
        { identityKey: 'Email|zzz', datasetId: 'd3', fragments: 1, events: 0 },
      ],
    );
    expect(got).toEqual(summary('g1', { d1: [2, 3], d2: [0, 2] }, { Email: 2, Phone: 1 }));
  });

  it.each([
    ['no data', false, {}],
    ['a fragment', true, { d1: [1, 0] as [number, number] }],
    ['an event', true, { d1: [0, 1] as [number, number] }],
    ['empty dataset entries', false, { d1: [0, 0] as [number, number] }],
  ])('a graph with %s is a profile: %s', (_, expected, datasets) => {
    expect(isProfile(summary('g', datasets, { Email: 1 }))).toBe(expected);
  });
});

describe('counterDeltas', () => {
  it('adds a new profile to every count it is part of', () => {
    const deltas = counterDeltas(undefined, summary('g', { d1: [1, 2] }, { Email: 2 }));
    expect(deltas).toEqual(
      expect.arrayContaining([
        { kind: 'datasetFragments', key: 'd1', n: 1 },
        { kind: 'datasetEvents', key: 'd1', n: 2 },
        { kind: 'namespaceIdentities', key: 'Email', n: 2 },
        { kind: 'profiles', key: '', n: 1 },
        { kind: 'datasetProfiles', key: 'd1', n: 1 },
        { kind: 'namespaceProfiles', key: 'Email', n: 1 },
        { kind: 'datasetOverlap', key: '["d1"]', n: 1 },
        { kind: 'namespaceOverlap', key: '["Email"]', n: 1 },
      ]),
    );
    expect(deltas).toHaveLength(8);
  });

  it('counts identities of a graph without data, but no profile', () => {
    expect(counterDeltas(undefined, summary('g', {}, { ECID: 1 }))).toEqual([
      { kind: 'namespaceIdentities', key: 'ECID', n: 1 },
    ]);
  });

  it('writes nothing when a summary did not change', () => {
    const s = summary('g', { d1: [1, 0], d2: [0, 4] }, { Email: 1, Phone: 2 });
    expect(counterDeltas(s, structuredClone(s))).toEqual([]);
  });

  it('moves the overlap when a profile gains a dataset', () => {
    const before = summary('g', { d2: [1, 0] }, { Email: 1 });
    const after = summary('g', { d2: [1, 0], d1: [0, 1] }, { Email: 1 });
    expect(counterDeltas(before, after)).toEqual(
      expect.arrayContaining([
        { kind: 'datasetOverlap', key: '["d2"]', n: -1 },
        { kind: 'datasetOverlap', key: '["d1","d2"]', n: 1 },
        { kind: 'datasetProfiles', key: 'd1', n: 1 },
        { kind: 'datasetEvents', key: 'd1', n: 1 },
      ]),
    );
    expect(counterDeltas(before, after)).toHaveLength(4);
  });

  it('takes a profile away when its data is deleted, keeping its identities', () => {
    const before = summary('g', { d1: [2, 0] }, { Email: 1 });
    const after = summary('g', {}, { Email: 1 });
    expect(counterDeltas(before, after)).toEqual(
      expect.arrayContaining([
        { kind: 'profiles', key: '', n: -1 },
        { kind: 'datasetFragments', key: 'd1', n: -2 },
        { kind: 'namespaceOverlap', key: '["Email"]', n: -1 },
      ]),
    );
  });

  it('keys an overlap the same whatever the order', () => {
    expect(overlapKey(['b', 'a', 'c'])).toBe(overlapKey(['c', 'b', 'a']));
  });
});

describe('storeStatus', () => {
  it('is the sum of the graphs, through merges and deletes', () => {
    const counters = new Map<string, StoreCounter>();
    const a = summary('a', { d1: [1, 0] }, { Email: 1 });
    const b = summary('b', { d2: [1, 5] }, { Phone: 1 });
    const c = summary('c', {}, { ECID: 1 });
    for (const s of [a, b, c]) apply(counters, counterDeltas(undefined, s));
    // b merges into a: b disappears, a gains its data and identity.
    const merged = summary('a', { d1: [1, 0], d2: [1, 5] }, { Email: 1, Phone: 1 });
    apply(counters, counterDeltas(b, undefined));
    apply(counters, counterDeltas(a, merged));
    const status = storeStatus([...counters.values()], null);
    expect(status).toEqual({
      profileCount: 1,
      fragmentCount: 2,
      eventCount: 5,
      identityCount: 3,
      byDataset: [
        { datasetId: 'd1', fragmentCount: 1, eventCount: 0, profileCount: 1, percentage: 100 },
        { datasetId: 'd2', fragmentCount: 1, eventCount: 5, profileCount: 1, percentage: 100 },
      ],
      byNamespace: [
        { namespace: 'Email', identityCount: 1, profileCount: 1, percentage: 100 },
        { namespace: 'Phone', identityCount: 1, profileCount: 1, percentage: 100 },
        { namespace: 'ECID', identityCount: 1, profileCount: 0, percentage: 0 },
      ],
      datasetOverlap: [{ keys: ['d1', 'd2'], profileCount: 1 }],
      namespaceOverlap: [{ keys: ['Email', 'Phone'], profileCount: 1 }],
      lastIngestedAt: null,
    });
  });

  it('orders by profile count, then key, and rounds percentages', () => {
    const counters = new Map<string, StoreCounter>();
    const graphs = [
      summary('1', { d1: [1, 0] }, { Email: 1 }),
      summary('2', { d1: [1, 0] }, { Email: 1 }),
      summary('3', { d2: [1, 0] }, { Phone: 1 }),
    ];
    for (const s of graphs) apply(counters, counterDeltas(undefined, s));
    const status = storeStatus([...counters.values()], new Date(5));
    expect(status.byDataset.map((d) => [d.datasetId, d.percentage])).toEqual([
      ['d1', 66.67],
      ['d2', 33.33],
    ]);
    expect(status.datasetOverlap).toEqual([
      { keys: ['d1'], profileCount: 2 },
      { keys: ['d2'], profileCount: 1 },
    ]);
    expect(status.lastIngestedAt).toEqual(new Date(5));
  });

  it('is all zeros for an empty store', () => {
    expect(storeStatus([], null)).toMatchObject({
      profileCount: 0,
      identityCount: 0,
      byDataset: [],
      datasetOverlap: [],
    });
  });
});

describe('recomputeSummaries', () => {
  it('summarises graphs with identities, drops emptied ones, and moves the counters', () => {
    const previous = [
      summary('a', { d1: [1, 0] }, { Email: 1 }),
      summary('b', { d2: [1, 0] }, { Phone: 1 }),
    ];
    // b merged into a: its identity now carries graph id a.
    const { summaries, deltas } = recomputeSummaries(
      ['a', 'b', 'b'],
      [
        { key: 'Email|x', namespace: 'Email', graphId: 'a' },
        { key: 'Phone|1', namespace: 'Phone', graphId: 'a' },
      ],
      [
        { identityKey: 'Email|x', datasetId: 'd1', fragments: 1, events: 0 },
        { identityKey: 'Phone|1', datasetId: 'd2', fragments: 1, events: 0 },
      ],
      previous,
    );
    expect(summaries).toEqual([summary('a', { d1: [1, 0], d2: [1, 0] }, { Email: 1, Phone: 1 })]);
    expect(deltas).toEqual(
      expect.arrayContaining([
        { kind: 'profiles', key: '', n: -1 },
        { kind: 'datasetOverlap', key: '["d1"]', n: -1 },
        { kind: 'datasetOverlap', key: '["d2"]', n: -1 },
        { kind: 'datasetOverlap', key: '["d1","d2"]', n: 1 },
        { kind: 'namespaceOverlap', key: '["Email","Phone"]', n: 1 },
      ]),
    );
    expect(deltas.find((d) => d.kind === 'datasetFragments')).toBeUndefined();
  });

  it('takes a known summary as it is, whatever identities and data were read', () => {
    const known = summary('n', { d1: [1, 2] }, { Email: 1 });
    const { summaries, deltas } = recomputeSummaries(
      ['n'],
      [{ key: 'Email|x', namespace: 'Email', graphId: 'n' }],
      [],
      [],
      [known],
    );
    expect(summaries).toEqual([known]);
    expect(deltas).toEqual(expect.arrayContaining(counterDeltas(undefined, known)));
    expect(deltas).toHaveLength(counterDeltas(undefined, known).length);
  });
});
