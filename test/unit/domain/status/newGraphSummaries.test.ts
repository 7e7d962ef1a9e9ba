import { GraphWorkspace } from '../../../../src/domain/identity/GraphWorkspace';
import type { IdentityData } from '../../../../src/domain/status/GraphSummary';
import { newGraphSummaries } from '../../../../src/domain/status/newGraphSummaries';
import { key, see, workspace } from '../identity/graphFixtures';

/** A new workspace over what `ws` would have stored (as the next request sees it). */
function reload(ws: GraphWorkspace): GraphWorkspace {
  const { nodes, links } = ws.changes();
  let n = 100;
  return new GraphWorkspace({ nodes, links }, () => `g${++n}`);
}

const row = (text: string, datasetId: string, fragments: number, events = 0): IdentityData => ({
  identityKey: key(text),
  datasetId,
  fragments,
  events,
});

const graphOf = (ws: GraphWorkspace, text: string): string => ws.require(key(text)).graphId;

describe('GraphWorkspace.newGraphIds and newGraphSummaries', () => {
  it('summarises graphs made of new identities from the rows written with them', () => {
    const ws = workspace();
    see(ws, ['CRMID:1', 'Email:a@x'], 100);
    see(ws, ['Phone:2', 'Email:a@x'], 100); // the same request joins the phone to 1's graph
    see(ws, ['CRMID:3'], 100);
    const one = graphOf(ws, 'CRMID:1');
    const three = graphOf(ws, 'CRMID:3');
    expect(ws.newGraphIds().sort()).toEqual([one, three].sort());
    const written = [
      row('CRMID:1', 'crm', 1),
      row('Phone:2', 'crm', 1),
      row('CRMID:1', 'web', 0, 1),
    ];
    expect(newGraphSummaries(ws, written)).toEqual(
      expect.arrayContaining([
        {
          graphId: one,
          datasets: { crm: { fragments: 2, events: 0 }, web: { fragments: 0, events: 1 } },
          namespaces: { CRMID: 1, Email: 1, Phone: 1 },
        },
        { graphId: three, datasets: {}, namespaces: { CRMID: 1 } },
      ]),
    );
    expect(newGraphSummaries(ws, written)).toHaveLength(2);
  });

  it('leaves out every graph that holds an identity the store had', () => {
    const first = workspace();
    see(first, ['CRMID:1', 'Email:a@x'], 100);
    const ws = reload(first);
    see(ws, ['CRMID:1'], 200); // seen again: its graph is the store's
    see(ws, ['Phone:2', 'Email:a@x'], 200); // new, but joins the stored graph
    see(ws, ['CRMID:3'], 200);
    const three = graphOf(ws, 'CRMID:3');
    expect(ws.newGraphIds()).toEqual([three]);
    const summaries = newGraphSummaries(ws, [row('Phone:2', 'crm', 1), row('CRMID:3', 'crm', 1)]);
    expect(summaries).toEqual([
      { graphId: three, datasets: { crm: { fragments: 1, events: 0 } }, namespaces: { CRMID: 1 } },
    ]);
  });
});
