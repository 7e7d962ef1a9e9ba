import type { IdentityType } from '../../src/domain/enumValues';
import { type GraphLink, type GraphNode, linkKey } from '../../src/domain/identity/GraphNode';
import { GraphWorkspace } from '../../src/domain/identity/GraphWorkspace';
import { identityKey } from '../../src/domain/identity/Identity';
import {
  DEFAULT_IDENTITY_SETTINGS,
  type IdentitySettings,
} from '../../src/domain/identity/IdentitySettings';
import { observe } from '../../src/domain/identity/observe';
import type { IdentityGraphRepository, Store } from '../../src/storage/ports';

type Graph = { nodes: GraphNode[]; links: GraphLink[] };

const TYPES: Record<string, IdentityType> = { CRMID: 'PERSON', Email: 'EMAIL', ECID: 'COOKIE' };
/** `Email:a@x` → the identity, typed by its namespace. */
const identity = (text: string) => {
  const [namespace = '', id = ''] = text.split(':');
  return { namespace, id, type: TYPES[namespace] ?? 'PERSON' };
};
const key = (text: string) => identityKey(identity(text));

/** No rule gets in the way: the graphs are built as the records say. */
const LOOSE: IdentitySettings = {
  ...DEFAULT_IDENTITY_SETTINGS,
  maxGraphSize: 1000,
  uniqueNamespaces: [],
};
const AT = Date.UTC(2026, 2, 4, 5, 6, 7, 891);

/** Nodes and links by key, so adapters may return them in any order. */
const sorted = (graph: Graph): Graph => ({
  nodes: [...graph.nodes].sort((x, y) => (x.key < y.key ? -1 : 1)),
  links: [...graph.links]
    .map((l) => ({ ...l, datasets: [...l.datasets].sort() }))
    .sort((x, y) => (x.key < y.key ? -1 : 1)),
});

/**
 * The IdentityGraphRepository port's contract (SEMANTICS §3), written once and run against
 * every adapter. The domain decides (a GraphWorkspace and `observe` make the changes); the
 * repository must persist them and give whole graphs back. Each test uses sandboxes of its
 * own, so it also runs against a shared, long-lived database (nothing is ever wiped).
 */
export function describeIdentityGraphContract(adapter: string, open: () => Promise<Store>): void {
  describe(`IdentityGraphRepository contract: ${adapter}`, () => {
    let store: Store;
    let n = 0;
    const sandbox = () =>
      `ig${process.pid.toString(36)}-${Date.now().toString(36)}-${(n++).toString(36)}`;
    const repository = () => store.scoped(sandbox()).identities;

    /** Loads the graphs of `texts` into a workspace, applies linking records, saves. */
    const apply = async (repo: IdentityGraphRepository, records: string[][], at = AT) => {
      let next = 0;
      const prefix = sandbox();
      const keys = records.flat().map(key);
      const ws = new GraphWorkspace(await repo.loadGraphsOf(keys), () => `${prefix}.${next++}`);
      for (const record of records) {
        observe(ws, { identities: record.map(identity), dataset: 'd1', at, link: true }, LOOSE);
      }
      await repo.save(ws.changes());
      return ws;
    };
    const graphIdOf = async (repo: IdentityGraphRepository, text: string) =>
      (await repo.loadGraphsOf([key(text)])).nodes.find((x) => x.key === key(text))?.graphId;

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    it('returns nothing for unknown keys and graph ids, or none asked', async () => {
      const repo = repository();
      const empty = { nodes: [], links: [] };
      expect(await repo.loadGraphsOf(['Email\u001fnobody@example.com'])).toEqual(empty);
      expect(await repo.loadGraphs(['no-such-graph'])).toEqual(empty);
      expect(await repo.loadGraphsOf([])).toEqual(empty);
      expect(await repo.loadGraphs([])).toEqual(empty);
      expect(await repo.membersOf(['no-such-graph'])).toEqual([]);
      expect(await repo.membersOf([])).toEqual([]);
      await repo.save({ nodes: [], links: [], removedLinks: [] });
    });

    it('saves what a workspace changed and gives whole graphs back by any key or graph id', async () => {
      const repo = repository();
      const ws = await apply(repo, [
        ['CRMID:c1', 'Email:ann@example.com'],
        ['Email:ann@example.com', 'ECID:cookie-1'],
        ['CRMID:c2', 'Email:bob@example.com'],
      ]);
      const ann = ws.require(key('CRMID:c1')).graphId;
      const annGraph = sorted({ nodes: ws.members(ann), links: ws.changes().links });
      annGraph.links = annGraph.links.filter((l) => l.graphId === ann);
      expect(sorted(await repo.loadGraphsOf([key('ECID:cookie-1')]))).toEqual(annGraph);
      expect(sorted(await repo.loadGraphs([ann]))).toEqual(annGraph);
      const members = await repo.membersOf([ann, ann]);
      expect(sorted({ nodes: members, links: [] }).nodes).toEqual(annGraph.nodes);
      const both = await repo.loadGraphsOf([key('CRMID:c1'), key('CRMID:c2'), key('CRMID:c1')]);
      expect(both.nodes).toHaveLength(5);
      expect(both.links).toHaveLength(3);
    });

    it('round-trips every attribute, updates in place and deletes removed links', async () => {
      const repo = repository();
      const [a, b] = [key('CRMID:c1'), key('Email:ann@example.com')];
      const node = (text: string): GraphNode => ({
        ...identity(text),
        key: key(text),
        firstSeen: AT,
        lastSeen: AT + 1,
        graphId: 'g-one',
      });
      const link: GraphLink = {
        key: linkKey(a, b),
        a,
        b,
        datasets: ['d1', 'd2'],
        firstSeen: AT,
        lastSeen: AT + 2,
        graphId: 'g-one',
      };
      const nodes = [node('CRMID:c1'), node('Email:ann@example.com')];
      await repo.save({ nodes, links: [link], removedLinks: [] });
      expect(sorted(await repo.loadGraphs(['g-one']))).toEqual(sorted({ nodes, links: [link] }));

      const later = { ...link, datasets: ['d1', 'd2', 'd3'], lastSeen: AT + 9, graphId: 'g-two' };
      const moved = nodes.map((x) => ({ ...x, lastSeen: AT + 9, graphId: 'g-two' }));
      await repo.save({ nodes: moved, links: [later], removedLinks: [] });
      expect(await repo.loadGraphs(['g-one'])).toEqual({ nodes: [], links: [] });
      expect(await repo.membersOf(['g-one'])).toEqual([]);
      expect(sorted({ nodes: await repo.membersOf(['g-two']), links: [] }).nodes).toEqual(
        sorted({ nodes: moved, links: [] }).nodes,
      );
      expect(sorted(await repo.loadGraphs(['g-two']))).toEqual(
        sorted({ nodes: moved, links: [later] }),
      );

      await repo.save({ nodes: [], links: [], removedLinks: [link.key, linkKey(a, 'x')] });
      expect(sorted(await repo.loadGraphs(['g-two']))).toEqual({ nodes: moved, links: [] });
    });

    it('relabels the joined graph: moved identities and links answer under one id', async () => {
      const repo = repository();
      await apply(repo, [['CRMID:c1', 'Email:a@x.com', 'ECID:k1']]);
      await apply(repo, [['Email:b@x.com', 'ECID:k2']]);
      const [larger, smaller] = [
        await graphIdOf(repo, 'CRMID:c1'),
        await graphIdOf(repo, 'ECID:k2'),
      ];
      await apply(repo, [['Email:a@x.com', 'Email:b@x.com']], AT + 1000);
      const joined = await repo.loadGraphsOf([key('ECID:k2')]);
      expect(joined.nodes).toHaveLength(5);
      expect(joined.links).toHaveLength(4);
      expect(new Set([...joined.nodes, ...joined.links].map((x) => x.graphId))).toEqual(
        new Set([larger]),
      );
      expect(await repo.loadGraphs([smaller ?? ''])).toEqual({ nodes: [], links: [] });
    });

    it('saving the same changes again changes nothing (idempotent)', async () => {
      const repo = repository();
      const ws = await apply(repo, [['CRMID:c1', 'Email:a@x.com', 'ECID:k1']]);
      const before = sorted(await repo.loadGraphsOf([key('CRMID:c1')]));
      await repo.save(ws.changes());
      await repo.save(ws.changes());
      expect(sorted(await repo.loadGraphsOf([key('CRMID:c1')]))).toEqual(before);
    });

    it('loads the graphs of many keys in one call', async () => {
      const repo = repository();
      const records = Array.from({ length: 600 }, (_, i) => [`CRMID:c${i}`, `Email:${i}@x.com`]);
      await apply(repo, records);
      const graph = await repo.loadGraphsOf(records.flat().map(key));
      expect(graph.nodes).toHaveLength(1200);
      expect(graph.links).toHaveLength(600);
    });

    it('finds the graphs that break the size limit or a unique namespace, up to a limit', async () => {
      const repo = repository();
      await apply(repo, [['CRMID:c1', 'Email:a@x.com', 'ECID:k1', 'ECID:k2']]);
      await apply(repo, [['Email:b@x.com', 'CRMID:c2', 'CRMID:c3']]);
      await apply(repo, [['CRMID:c4', 'Email:c@x.com']]);
      const [large, twoCrm] = [
        await graphIdOf(repo, 'CRMID:c1'),
        await graphIdOf(repo, 'CRMID:c2'),
      ];
      const rules = (maxGraphSize: number, uniqueNamespaces: string[]) => ({
        ...DEFAULT_IDENTITY_SETTINGS,
        maxGraphSize,
        uniqueNamespaces,
      });
      expect(await repo.graphsBreaking(rules(3, []), 10)).toEqual([large]);
      expect(await repo.graphsBreaking(rules(50, ['CRMID']), 10)).toEqual([twoCrm]);
      expect(await repo.graphsBreaking(rules(50, ['ECID', 'Email']), 10)).toEqual([large]);
      expect((await repo.graphsBreaking(rules(3, ['CRMID']), 10)).sort()).toEqual(
        [large, twoCrm].sort(),
      );
      expect(await repo.graphsBreaking(rules(3, ['CRMID']), 1)).toHaveLength(1);
      expect(await repo.graphsBreaking(LOOSE, 10)).toEqual([]);
    });

    it('keeps no settings until saved, then the last saved', async () => {
      const repo = repository();
      expect(await repo.settings()).toBeUndefined();
      const first = { ...DEFAULT_IDENTITY_SETTINGS, maxGraphSize: 7, uniqueNamespaces: [] };
      await repo.saveSettings(first, new Date(AT));
      expect(await repo.settings()).toEqual(first);
      const second = { ...first, namespacePriority: ['Email'], blockedValues: ['x'] };
      await repo.saveSettings(second, new Date(AT + 1));
      expect(await repo.settings()).toEqual(second);
    });

    it('shows nothing of one sandbox to another, even under the same keys', async () => {
      const [a, b] = [repository(), repository()];
      await apply(a, [['CRMID:c1', 'Email:a@x.com', 'CRMID:c2']]);
      await a.saveSettings({ ...LOOSE, maxGraphSize: 2 }, new Date(AT));
      expect(await b.loadGraphsOf([key('CRMID:c1')])).toEqual({ nodes: [], links: [] });
      expect(await b.loadGraphs([(await graphIdOf(a, 'CRMID:c1')) ?? ''])).toEqual({
        nodes: [],
        links: [],
      });
      expect(await b.graphsBreaking({ ...LOOSE, maxGraphSize: 2 }, 10)).toEqual([]);
      expect(await b.settings()).toBeUndefined();
      // The same identities form a graph of their own in the other sandbox.
      await apply(b, [['CRMID:c1', 'Email:other@x.com']]);
      expect((await b.loadGraphsOf([key('CRMID:c1')])).nodes).toHaveLength(2);
      expect((await a.loadGraphsOf([key('CRMID:c1')])).nodes).toHaveLength(3);
    });

    it('is the same repository inside transactions', async () => {
      const name = sandbox();
      await store.transaction((tx) => apply(tx.scoped(name).identities, [['CRMID:c1', 'ECID:k']]));
      await store
        .scoped(name)
        .transaction((tx) => apply(tx.identities, [['CRMID:c2', 'Email:a@x.com']]));
      const graph = await store
        .scoped(name)
        .identities.loadGraphsOf([key('CRMID:c1'), key('CRMID:c2')]);
      expect(graph.nodes).toHaveLength(4);
    });
  });
}
