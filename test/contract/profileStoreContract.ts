import type { SystemJob } from '../../src/domain/jobs/SystemJob';
import type { Fragment, StoredEvent } from '../../src/domain/profile/Fragment';
import type { GraphSummary } from '../../src/domain/status/GraphSummary';
import type { SandboxStore, Store } from '../../src/storage/ports';

/**
 * The contract of the profile store's ports — fragments and events, system jobs, store status
 * — run against every adapter, each test in sandboxes of its own.
 */
export function describeProfileStoreContract(adapter: string, open: () => Promise<Store>): void {
  describe(`Profile store contract: ${adapter}`, () => {
    let store: Store;
    let n = 0;
    const scoped = (): SandboxStore =>
      store.scoped(`p${process.pid.toString(36)}-${Date.now().toString(36)}-${(n++).toString(36)}`);

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    it('counts each identity’s fragments and events per dataset', async () => {
      const s = scoped();
      await s.profiles.putFragments([
        fragment('d1', 'a'),
        fragment('d2', 'a'),
        fragment('d1', 'b'),
      ]);
      await s.profiles.insertEvents([
        event('d3', 'e1', 'a'),
        event('d3', 'e2', 'a'),
        event('d1', 'e3', 'b'),
      ]);
      const data = await s.profiles.dataOf(['a', 'b', 'nobody']);
      expect(sortData(data)).toEqual([
        { identityKey: 'a', datasetId: 'd1', fragments: 1, events: 0 },
        { identityKey: 'a', datasetId: 'd2', fragments: 1, events: 0 },
        { identityKey: 'a', datasetId: 'd3', fragments: 0, events: 2 },
        { identityKey: 'b', datasetId: 'd1', fragments: 1, events: 1 },
      ]);
    });

    it('deletes a dataset in chunks until nothing is left, and only that dataset', async () => {
      const s = scoped();
      await s.profiles.putFragments(['a', 'b', 'c'].map((k) => fragment('d1', k)));
      await s.profiles.insertEvents([
        event('d1', 'e1', 'a'),
        event('d1', 'e2', 'c'),
        event('d2', 'e3', 'a'),
      ]);
      const first = await s.profiles.deleteChunk('d1', null, 2);
      expect(first).toMatchObject({ fragments: 2, events: 0 });
      const second = await s.profiles.deleteChunk('d1', null, 2);
      expect(second).toMatchObject({ fragments: 1, events: 1 });
      const third = await s.profiles.deleteChunk('d1', null, 2);
      expect(third).toMatchObject({ fragments: 0, events: 1 });
      expect(await s.profiles.deleteChunk('d1', null, 2)).toEqual({
        identityKeys: [],
        fragments: 0,
        events: 0,
      });
      const deletedKeys = [first, second, third].flatMap((c) => c.identityKeys);
      expect(new Set(deletedKeys)).toEqual(new Set(['a', 'b', 'c']));
      expect(sortData(await s.profiles.dataOf(['a', 'b', 'c']))).toEqual([
        { identityKey: 'a', datasetId: 'd2', fragments: 0, events: 1 },
      ]);
    });

    it('deletes only the events one batch wrote', async () => {
      const s = scoped();
      await s.profiles.putFragments([fragment('d1', 'a')]);
      await s.profiles.insertEvents([
        { ...event('d1', 'e1', 'a'), batchId: 'b1' },
        { ...event('d1', 'e2', 'b'), batchId: 'b1' },
        { ...event('d1', 'e3', 'a'), batchId: 'b2' },
        event('d1', 'e4', 'a'),
      ]);
      const chunk = await s.profiles.deleteChunk('d1', 'b1', 10);
      expect(chunk.fragments).toBe(0);
      expect(chunk.events).toBe(2);
      expect(chunk.identityKeys.sort()).toEqual(['a', 'b']);
      expect(sortData(await s.profiles.dataOf(['a', 'b']))).toEqual([
        { identityKey: 'a', datasetId: 'd1', fragments: 1, events: 2 },
      ]);
    });

    it('round-trips system jobs, newest first, and lists unfinished ones across sandboxes', async () => {
      const s = scoped();
      const older = job('job_1', new Date(1000));
      const newer = {
        ...job('job_2', new Date(2000)),
        batchId: 'b1',
        type: 'DELETE_EVENT_BATCH' as const,
      };
      await s.jobs.insert(older);
      await s.jobs.insert(newer);
      expect(await s.jobs.list()).toEqual([newer, older]);
      const done = {
        ...older,
        status: 'SUCCESS' as const,
        eventsDeleted: 4,
        updatedAt: new Date(3000),
      };
      await s.jobs.update(done);
      expect(await s.jobs.get('job_1')).toEqual(done);
      expect(await s.jobs.get('job_nope')).toBeUndefined();
      const pending = await store.pendingSystemJobs();
      expect(pending.filter((p) => p.sandbox === s.sandbox)).toEqual([
        { sandbox: s.sandbox, id: 'job_2' },
      ]);
    });

    it('keeps stale marks, summaries and counters, and clears marks when summaries are saved', async () => {
      const s = scoped();
      await s.status.markStale(['g1', 'g2', 'g1'], 5000);
      await s.status.markStale(['g3'], 4000); // an older time never moves lastIngestedAt back
      const ids = async (limit = 10) => (await s.status.staleGraphs(limit)).map((g) => g.graphId);
      expect((await ids()).sort()).toEqual(['g1', 'g2', 'g3']);
      expect(await s.status.staleGraphs(2)).toHaveLength(2);
      expect((await s.status.staleGraphs(10)).every((g) => g.known === null)).toBe(true);
      const g1: GraphSummary = {
        graphId: 'g1',
        datasets: { d1: { fragments: 1, events: 2 } },
        namespaces: { Email: 1 },
      };
      await s.status.saveSummaries(
        ['g1', 'g2'],
        [g1],
        [
          { kind: 'profiles', key: '', n: 1 },
          { kind: 'datasetFragments', key: 'd1', n: 1 },
          { kind: 'datasetFragments', key: 'd1', n: 2 },
        ],
      );
      expect(await ids()).toEqual(['g3']);
      expect(await s.status.summaries(['g1', 'g2'])).toEqual([g1]);
      await s.status.saveSummaries(['g1'], [], [{ kind: 'datasetFragments', key: 'd1', n: -1 }]);
      expect(await s.status.summaries(['g1'])).toEqual([]);
      const { counters, lastIngestedAt } = await s.status.counters();
      expect(counters.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
        { kind: 'datasetFragments', key: 'd1', n: 2 },
        { kind: 'profiles', key: '', n: 1 },
      ]);
      expect(lastIngestedAt).toEqual(new Date(5000));
      expect(await scoped().status.counters()).toEqual({ counters: [], lastIngestedAt: null });
    });

    it('keeps the summary a writer knew with its mark, until a mark without one', async () => {
      const s = scoped();
      const known: GraphSummary = {
        graphId: 'n1',
        datasets: { d1: { fragments: 1, events: 0 } },
        namespaces: { CRMID: 1, Email: 2 },
      };
      await s.status.markStale(['n1', 'n2', 'n1'], 5000, [known]);
      const marks = await s.status.staleGraphs(10);
      expect(marks.sort((a, b) => a.graphId.localeCompare(b.graphId))).toEqual([
        { graphId: 'n1', known },
        { graphId: 'n2', known: null },
      ]);
      await s.status.markStale(['n1']);
      expect(await s.status.staleGraphs(10)).toEqual(
        expect.arrayContaining([{ graphId: 'n1', known: null }]),
      );
    });

    it('adds the summaries of new graphs with their counters, marking nothing', async () => {
      const s = scoped();
      const fresh: GraphSummary = {
        graphId: 'new1',
        datasets: { d1: { fragments: 1, events: 0 } },
        namespaces: { CRMID: 1 },
      };
      await s.status.markStale(['old1'], 5000);
      await s.status.addSummaries(
        [fresh],
        [
          { kind: 'profiles', key: '', n: 1 },
          { kind: 'datasetFragments', key: 'd1', n: 1 },
        ],
      );
      await s.status.addSummaries([], [{ kind: 'profiles', key: '', n: 2 }]);
      expect(await s.status.summaries(['new1'])).toEqual([fresh]);
      expect(await s.status.staleGraphs(10)).toEqual([{ graphId: 'old1', known: null }]);
      const { counters } = await s.status.counters();
      expect(counters.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
        { kind: 'datasetFragments', key: 'd1', n: 1 },
        { kind: 'profiles', key: '', n: 3 },
      ]);
    });

    it('marks every summarised graph again, and only those, in one call', async () => {
      const s = scoped();
      const summary = (graphId: string): GraphSummary => ({
        graphId,
        datasets: {},
        namespaces: { Email: 1 },
      });
      await s.status.markStale(['a1', 'a2']);
      await s.status.saveSummaries(['a1', 'a2'], [summary('a1'), summary('a2')], []);
      await s.status.markStale(['a3'], undefined, [summary('a3')]);
      expect(await s.status.staleGraphs(10)).toEqual([{ graphId: 'a3', known: summary('a3') }]);
      await s.status.markAllStale();
      const marks = await s.status.staleGraphs(10);
      expect(marks.sort((x, y) => x.graphId.localeCompare(y.graphId))).toEqual([
        { graphId: 'a1', known: null },
        { graphId: 'a2', known: null },
        { graphId: 'a3', known: summary('a3') },
      ]);
      await scoped().status.markAllStale(); // another sandbox: nothing of this one
      expect(await scoped().status.staleGraphs(10)).toEqual([]);
    });
  });
}

const fragment = (datasetId: string, identityKey: string): Fragment => ({
  datasetId,
  identityKey,
  attributes: { k: identityKey },
  sourceUpdatedAt: null,
  updatedAt: 1,
});

const event = (datasetId: string, eventId: string, identityKey: string): StoredEvent => ({
  datasetId,
  eventId,
  identityKey,
  timestamp: 100,
  data: { _id: eventId },
  batchId: null,
  ingestedAt: 1,
});

const job = (id: string, at: Date): SystemJob => ({
  id,
  type: 'TRUNCATE_DATASET',
  status: 'NEW',
  datasetId: 'd1',
  batchId: null,
  fragmentsDeleted: 0,
  eventsDeleted: 0,
  error: null,
  createdAt: at,
  updatedAt: at,
});

const sortData = <T extends { identityKey: string; datasetId: string }>(rows: T[]): T[] =>
  [...rows].sort((a, b) =>
    (a.identityKey + a.datasetId).localeCompare(b.identityKey + b.datasetId),
  );
