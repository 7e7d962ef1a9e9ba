import { GraphWorkspace } from '../../../../src/domain/identity/GraphWorkspace';
import { repairGraph } from '../../../../src/domain/identity/observe';
import { graphsOf, key, see, settings, workspace } from './graphFixtures';

describe('observe: identities and links (SEMANTICS §3)', () => {
  it('records every identity with first and last seen, alone when the record does not link', () => {
    const ws = workspace();
    see(ws, ['CRMID:1', 'Email:a@x'], 100, settings(), { link: false });
    see(ws, ['CRMID:1'], 300, settings(), { link: false });
    expect(ws.node(key('CRMID:1'))).toMatchObject({
      firstSeen: 100,
      lastSeen: 300,
      type: 'PERSON',
    });
    expect(ws.node(key('Email:a@x'))).toMatchObject({
      firstSeen: 100,
      lastSeen: 100,
      type: 'EMAIL',
    });
    expect(graphsOf(ws, ['CRMID:1', 'Email:a@x'])).toEqual([['CRMID:1'], ['Email:a@x']]);
    expect(ws.changes().links).toEqual([]);
  });

  it('links the primary to each other identity, once per pair, with datasets and times', () => {
    const ws = workspace();
    see(ws, ['CRMID:1', 'Email:a@x', 'ECID:e1'], 100);
    see(ws, ['Email:a@x', 'CRMID:1'], 200, settings(), { dataset: 'ds2' });
    expect(graphsOf(ws, ['CRMID:1', 'Email:a@x', 'ECID:e1'])).toEqual([
      ['CRMID:1', 'ECID:e1', 'Email:a@x'],
    ]);
    const links = ws.changes().links;
    expect(links).toHaveLength(2);
    const crmEmail = links.find(
      (l) => [l.a, l.b].includes(key('Email:a@x')) && [l.a, l.b].includes(key('CRMID:1')),
    );
    expect(crmEmail).toMatchObject({ datasets: ['ds1', 'ds2'], firstSeen: 100, lastSeen: 200 });
  });

  it('joins two graphs by relabelling only the smaller one', () => {
    const ws = workspace();
    see(ws, ['CRMID:1', 'Email:a@x', 'Phone:1', 'ECID:e1'], 100); // g1: 4 identities
    see(ws, ['ECID:e2', 'GAID:d2'], 100); // a 2-identity graph
    const bigGraph = ws.node(key('CRMID:1'))!.graphId;
    const smallGraph = ws.node(key('ECID:e2'))!.graphId;
    const before = new GraphWorkspace(
      { nodes: ws.changes().nodes, links: ws.changes().links },
      () => 'x',
    );
    see(before, ['Email:a@x', 'ECID:e2'], 200);
    const moved = before
      .changes()
      .nodes.filter(
        (n) =>
          n.graphId !==
          (n.key === key('ECID:e2') || n.key === key('GAID:d2') ? smallGraph : bigGraph),
      );
    expect(moved.map((n) => n.key).sort()).toEqual([key('ECID:e2'), key('GAID:d2')].sort());
    expect(before.members(bigGraph)).toHaveLength(6);
    expect(before.members(smallGraph)).toHaveLength(0);
    // The emptied graph is still reported, so its summary can be dropped.
    expect(before.graphIds().sort()).toEqual([bigGraph, smallGraph].sort());
    // A new identity's own graph, emptied at once by its link, never reached the store.
    see(before, ['Email:a@x', 'Phone:new'], 300);
    expect(before.graphIds().sort()).toEqual([bigGraph, smallGraph].sort());
  });

  it('keeps a shared device with its last authenticated user (newest link wins)', () => {
    const ws = workspace();
    see(ws, ['CRMID:alice', 'IDFA:shared'], 100);
    see(ws, ['CRMID:alice', 'Email:alice@x'], 110);
    see(ws, ['CRMID:bob', 'IDFA:shared'], 200);
    expect(graphsOf(ws, ['CRMID:alice', 'Email:alice@x', 'CRMID:bob', 'IDFA:shared'])).toEqual([
      ['CRMID:alice', 'Email:alice@x'],
      ['CRMID:bob', 'IDFA:shared'],
    ]);
    expect(ws.changes().removedLinks).toHaveLength(1);
    see(ws, ['CRMID:alice', 'IDFA:shared'], 300);
    expect(graphsOf(ws, ['CRMID:alice', 'CRMID:bob', 'IDFA:shared'])).toEqual([
      ['CRMID:alice', 'IDFA:shared'],
      ['CRMID:bob'],
    ]);
  });

  it('treats any namespace listed as unique the same way, and others not at all', () => {
    const rules = settings({ uniqueNamespaces: ['CRMID', 'Email'] });
    const ws = workspace();
    see(ws, ['Email:a@x', 'ECID:e1'], 100, rules);
    see(ws, ['Email:b@x', 'ECID:e1'], 200, rules);
    expect(graphsOf(ws, ['Email:a@x', 'Email:b@x', 'ECID:e1'])).toEqual([
      ['ECID:e1', 'Email:b@x'],
      ['Email:a@x'],
    ]);
    const open = workspace();
    see(open, ['Email:a@x', 'ECID:e1'], 100);
    see(open, ['Email:b@x', 'ECID:e1'], 200);
    expect(graphsOf(open, ['Email:a@x', 'Email:b@x', 'ECID:e1'])).toHaveLength(1);
  });

  it.each([
    [
      'cookies before devices before people, oldest first',
      ['ECID:old', 'ECID:new', 'GAID:d'],
      ['ECID:old'],
    ],
    ['partners before cookies', ['Partner:p', 'ECID:c'], ['Partner:p']],
  ])('evicts over the size limit: %s', (_name, extras, evicted) => {
    const rules = settings({ maxGraphSize: 3 });
    const ws = workspace();
    see(ws, ['CRMID:1', 'Email:a@x'], 50, rules);
    extras.forEach((extra, i) => {
      see(ws, ['CRMID:1', extra], 100 + i * 10, rules);
    });
    const all = ['CRMID:1', 'Email:a@x', ...extras];
    const graphs = graphsOf(ws, all);
    const main = graphs.find((g) => g.includes('CRMID:1'))!;
    expect(main).toHaveLength(3);
    for (const e of evicted) expect(graphs).toContainEqual([e]);
    expect(main).not.toEqual(expect.arrayContaining(evicted));
  });

  it('evicts on a join that exceeds the limit, cookies first, and keeps the rest connected', () => {
    const rules = settings({ maxGraphSize: 4 });
    const ws = workspace();
    see(ws, ['CRMID:1', 'Email:a@x', 'ECID:c1'], 100, rules);
    see(ws, ['Phone:9', 'ECID:c2', 'GAID:d'], 110, rules);
    see(ws, ['CRMID:1', 'Phone:9'], 200, rules);
    const graphs = graphsOf(ws, [
      'CRMID:1',
      'Email:a@x',
      'ECID:c1',
      'Phone:9',
      'ECID:c2',
      'GAID:d',
    ]);
    // Two over the limit: both cookies go (oldest first) before the device.
    expect(graphs).toEqual([
      ['CRMID:1', 'Email:a@x', 'GAID:d', 'Phone:9'],
      ['ECID:c1'],
      ['ECID:c2'],
    ]);
  });
});

describe('repairGraph: settings changes apply to existing graphs', () => {
  it('splits a graph that now breaks a unique namespace, newest links first', () => {
    const ws = workspace();
    see(ws, ['Email:a@x', 'ECID:e1'], 100);
    see(ws, ['Email:b@x', 'ECID:e1'], 200);
    const graphId = ws.node(key('ECID:e1'))!.graphId;
    repairGraph(ws, graphId, settings({ uniqueNamespaces: ['Email'] }));
    expect(graphsOf(ws, ['Email:a@x', 'Email:b@x', 'ECID:e1'])).toEqual([
      ['ECID:e1', 'Email:b@x'],
      ['Email:a@x'],
    ]);
    expect(ws.node(key('ECID:e1'))!.graphId).toBe(graphId);
  });

  it('evicts from a graph over a lowered size limit', () => {
    const ws = workspace();
    see(ws, ['CRMID:1', 'Email:a@x', 'ECID:c1', 'GAID:d'], 100);
    repairGraph(ws, ws.node(key('CRMID:1'))!.graphId, settings({ maxGraphSize: 2 }));
    expect(graphsOf(ws, ['CRMID:1', 'Email:a@x', 'ECID:c1', 'GAID:d'])).toEqual([
      ['CRMID:1', 'Email:a@x'],
      ['ECID:c1'],
      ['GAID:d'],
    ]);
  });
});
