import type { ExportJob } from '../../src/domain/exports/ExportJob';
import type { GraphNode } from '../../src/domain/identity/GraphNode';
import type { Fragment } from '../../src/domain/profile/Fragment';
import type { SandboxStore, Store } from '../../src/storage/ports';

const node = (id: string, graphId: string): GraphNode => ({
  namespace: 'CRMID',
  id,
  key: `CRMID\u001f${id}`,
  type: 'PERSON',
  firstSeen: 1,
  lastSeen: 1,
  graphId,
});
const save = (store: SandboxStore, nodes: GraphNode[]) =>
  store.identities.save({ nodes, links: [], removedLinks: [] });

const fragment = (id: string, name: string): Fragment => ({
  datasetId: 'd1',
  identityKey: `CRMID\u001f${id}`,
  attributes: { name },
  sourceUpdatedAt: null,
  updatedAt: 1,
});

const job = (id: string, createdAt: number): ExportJob => ({
  id,
  status: 'NEW',
  format: 'CSV',
  fields: ['person.age', 'email'],
  mergePolicy: {
    id: 'mp1',
    name: 'Default',
    schemaClass: 'PROFILE',
    identityStitching: 'PRIVATE_GRAPH',
    attributeMerge: 'DATASET_PRECEDENCE',
    datasetOrder: ['d2', 'd1'],
    isDefault: true,
    activeOnEdge: false,
    version: 3,
    updatedAt: new Date(Date.UTC(2026, 1, 2, 3, 4, 5, 6)),
  },
  audienceId: 'aud1',
  includeEvents: false,
  eventsSince: new Date(Date.UTC(2026, 0, 1)),
  profilesExported: 0,
  error: null,
  createdAt: new Date(createdAt),
  updatedAt: new Date(createdAt),
  finishedAt: null,
});

/**
 * The contract of the ports behind exports (SEMANTICS §7) — jobs, the walk over every graph,
 * and snapshots — run against every adapter, each test in sandboxes of its own.
 */
export function describeExportStoreContract(adapter: string, open: () => Promise<Store>): void {
  describe(`Export store contract: ${adapter}`, () => {
    let store: Store;
    let n = 0;
    const sandbox = () => `x${process.pid.toString(36)}-${Date.now().toString(36)}-${n++}`;

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    it('round-trips export jobs, newest first, and finds the unfinished ones', async () => {
      const name = sandbox();
      const { exports } = store.scoped(name);
      const [older, newer] = [job('e1', 1000), { ...job('e2', 2000), fields: null }];
      await exports.insert(older);
      await exports.insert({ ...newer, audienceId: null, eventsSince: null });
      expect(await exports.get('e1')).toStrictEqual(older);
      expect((await exports.list()).map((j) => j.id)).toEqual(['e2', 'e1']);
      const done = {
        ...older,
        status: 'SUCCESS' as const,
        profilesExported: 12,
        finishedAt: new Date(3000),
      };
      await exports.update(done);
      expect(await exports.get('e1')).toStrictEqual(done);
      expect(await store.scoped(sandbox()).exports.get('e1')).toBeUndefined();
      const unfinished = (await store.unfinishedExportJobs()).filter((j) => j.sandbox === name);
      expect(unfinished).toEqual([{ sandbox: name, id: 'e2' }]);
    });

    it('walks every graph id in order, in pages, each once', async () => {
      const scoped = store.scoped(sandbox());
      await save(scoped, [node('a', 'g3'), node('b', 'g1'), node('c', 'g3'), node('d', 'g2')]);
      expect(await scoped.identities.graphIdsAfter(null, 2)).toEqual(['g1', 'g2']);
      expect(await scoped.identities.graphIdsAfter('g2', 2)).toEqual(['g3']);
      expect(await scoped.identities.graphIdsAfter('g3', 2)).toEqual([]);
      expect(await scoped.identities.graphIdsAfter('g15', 10)).toEqual(['g2', 'g3']);
      // A graph whose last identity moves to another is no longer walked.
      await save(scoped, [node('b', 'g3')]);
      expect(await scoped.identities.graphIdsAfter(null, 10)).toEqual(['g2', 'g3']);
      expect(await store.scoped(sandbox()).identities.graphIdsAfter(null, 10)).toEqual([]);
    });

    it('a snapshot reads profile data and jobs as they were when it opened, while writers go on', async () => {
      const scoped = store.scoped(sandbox());
      await save(scoped, [node('a', 'g1')]);
      await scoped.profiles.putFragments([fragment('a', 'before')]);
      const seen = await scoped.snapshot(async (view) => {
        // Written after the view opened: a new fragment value, a new graph, a new job.
        await scoped.profiles.putFragments([fragment('a', 'after')]);
        await save(scoped, [node('b', 'g2')]);
        await scoped.exports.insert(job('e1', 1));
        return {
          fragments: await view.profiles.fragmentsOfIdentities(['CRMID\u001fa']),
          jobs: await view.exports.list(),
        };
      });
      expect(seen.fragments.map((f) => f.attributes)).toEqual([{ name: 'before' }]);
      expect(seen.jobs).toEqual([]);
      expect(
        (await scoped.profiles.fragmentsOfIdentities(['CRMID\u001fa']))[0]?.attributes,
      ).toEqual({ name: 'after' });
      expect(await scoped.identities.graphIdsAfter(null, 10)).toEqual(['g1', 'g2']);
    });

    it('a snapshot ends with its work, even when the work fails', async () => {
      const scoped = store.scoped(sandbox());
      await expect(scoped.snapshot(() => Promise.reject(new Error('work failed')))).rejects.toThrow(
        'work failed',
      );
      await save(scoped, [node('a', 'g1')]);
      expect(await scoped.snapshot((view) => view.identities.graphIdsAfter(null, 10))).toEqual([
        'g1',
      ]);
    });
  });
}
