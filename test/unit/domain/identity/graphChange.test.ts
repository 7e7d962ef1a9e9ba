import { GraphWorkspace } from '../../../../src/domain/identity/GraphWorkspace';
import { key, see, settings, workspace } from './graphFixtures';

/** A new workspace over what `ws` would have stored (as the next request sees it). */
function reload(ws: GraphWorkspace): GraphWorkspace {
  const { nodes, links } = ws.changes();
  let n = 100;
  return new GraphWorkspace({ nodes, links }, () => `g${++n}`);
}

const keysOf = (ws: GraphWorkspace) =>
  ws
    .graphChange()
    .identities.map((i) => i.key)
    .sort();

describe('GraphWorkspace.graphChange (SEMANTICS §6 identityGraphChanged)', () => {
  it('lists new identities with the graph they are in', () => {
    const ws = workspace();
    see(ws, ['CRMID:1', 'Email:a@x'], 100);
    const change = ws.graphChange();
    const graphId = ws.node(key('CRMID:1'))?.graphId;
    expect(change.identities).toEqual(
      expect.arrayContaining([
        { key: key('CRMID:1'), graphId },
        { key: key('Email:a@x'), graphId },
      ]),
    );
    expect(change.identities).toHaveLength(2);
    expect(change.goneGraphIds).toEqual([]);
  });

  it('lists nothing when a record only sees known identities and links again', () => {
    const first = workspace();
    see(first, ['CRMID:1', 'Email:a@x'], 100);
    const ws = reload(first);
    see(ws, ['CRMID:1', 'Email:a@x'], 200);
    expect(ws.graphChange()).toEqual({ identities: [], goneGraphIds: [] });
  });

  it('lists every identity of the graph that was merged away, and the graph gone', () => {
    const first = workspace();
    see(first, ['CRMID:1', 'Email:a@x', 'ECID:e1'], 100);
    see(first, ['CRMID:2'], 100);
    const ws = reload(first);
    const small = ws.node(key('CRMID:2'))?.graphId;
    see(ws, ['CRMID:1', 'CRMID:2'], 200, settings({ uniqueNamespaces: [] }));
    const big = ws.node(key('CRMID:1'))?.graphId;
    // The new link's ends, and the moved identity.
    expect(keysOf(ws)).toEqual([key('CRMID:1'), key('CRMID:2')].sort());
    expect(ws.graphChange().identities.every((i) => i.graphId === big)).toBe(true);
    expect(ws.graphChange().goneGraphIds).toEqual([small]);
  });

  it('lists the ends of a removed link (a shared device following its newest user)', () => {
    const first = workspace();
    see(first, ['CRMID:1', 'GAID:d1'], 100);
    const ws = reload(first);
    see(ws, ['CRMID:2', 'GAID:d1'], 200);
    expect(keysOf(ws)).toEqual([key('CRMID:1'), key('CRMID:2'), key('GAID:d1')].sort());
    expect(ws.node(key('GAID:d1'))?.graphId).toBe(ws.node(key('CRMID:2'))?.graphId);
  });
});
