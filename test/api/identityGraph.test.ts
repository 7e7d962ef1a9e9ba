import {
  IdentityGraphDocument,
  IdentityLinkPathDocument,
  IdentitySettingsDocument,
  UpdateIdentitySettingsDocument,
} from '../generated/graphql';
import { useTestServer } from '../support/testServer';
import { type Datasets, ingestInto, setupDatasets } from './ingestSetup';

const server = useTestServer();

const ingest = (ds: Datasets, datasetId: string, records: unknown[]) =>
  ingestInto(server, ds, datasetId, records);

const graph = async (ds: Datasets, namespace: string, id: string) =>
  (
    await server.data(
      IdentityGraphDocument,
      { identity: { namespace, id } },
      { sandbox: ds.sandbox },
    )
  ).identityGraph;

const members = async (ds: Datasets, namespace: string, id: string) =>
  (await graph(ds, namespace, id))?.identities.map((i) => `${i.namespace}:${i.id}`).sort();

describe('the identity graph through the API (SEMANTICS §3)', () => {
  it('links the identities of a record, with the dataset and times that asserted each link', async () => {
    const ds = await setupDatasets(server, 'link');
    await ingest(ds, ds.crm, [{ crmId: 'c1', email: 'ANN@example.com' }]);
    const g = await graph(ds, 'Email', 'ann@example.com');
    expect(g).toMatchObject({ size: 2 });
    expect(g?.identities.map((i) => [i.namespace, i.id, i.type])).toEqual(
      expect.arrayContaining([
        ['CRMID', 'c1', 'PERSON'],
        ['Email', 'ann@example.com', 'EMAIL'],
      ]),
    );
    expect(g?.links).toHaveLength(1);
    expect(g?.links[0]?.datasets.map((d) => d.name)).toEqual(['CRM']);
    expect(await graph(ds, 'Email', 'nobody@example.com')).toBeNull();
  });

  it('does not link what a dataset that is not identity-enabled says', async () => {
    const ds = await setupDatasets(server, 'nolink');
    await ingest(ds, ds.plain, [{ crmId: 'c1', email: 'ann@example.com' }]);
    expect(await members(ds, 'CRMID', 'c1')).toEqual(['CRMID:c1']);
  });

  it('explains how two identities are linked (shortest chain)', async () => {
    const ds = await setupDatasets(server, 'path');
    await ingest(ds, ds.crm, [{ crmId: 'c1', email: 'ann@example.com' }]);
    const ecid = '12345678901234567890123456789012345678';
    await ingest(ds, ds.web, [
      {
        _id: 'e1',
        timestamp: '2026-03-01T10:00:00Z',
        eventType: 'login',
        identityMap: { Email: [{ id: 'ann@example.com' }], ECID: [{ id: ecid }] },
      },
    ]);
    const { identityLinkPath } = await server.data(
      IdentityLinkPathDocument,
      { from: { namespace: 'CRMID', id: 'c1' }, to: { namespace: 'ECID', id: ecid } },
      { sandbox: ds.sandbox },
    );
    expect(
      identityLinkPath?.map((l) => [
        `${l.from.namespace}:${l.from.id}`,
        `${l.to.namespace}:${l.to.id}`,
        l.datasets.map((d) => d.name),
      ]),
    ).toEqual([
      ['CRMID:c1', 'Email:ann@example.com', ['CRM']],
      ['Email:ann@example.com', `ECID:${ecid}`, ['Web']],
    ]);
    const none = await server.data(
      IdentityLinkPathDocument,
      { from: { namespace: 'CRMID', id: 'c1' }, to: { namespace: 'CRMID', id: 'other' } },
      { sandbox: ds.sandbox },
    );
    expect(none.identityLinkPath).toBeNull();
  });

  it('rejects a record holding two values of a unique namespace (GRAPH_COLLAPSE)', async () => {
    const ds = await setupDatasets(server, 'collapse');
    const { ingest: result } = await ingest(ds, ds.crm, [
      { crmId: 'c1', identityMap: { CRMID: [{ id: 'c2' }] } },
    ]);
    expect(result.results[0]).toMatchObject({
      status: 'REJECTED',
      errors: [{ code: 'GRAPH_COLLAPSE' }],
    });
    expect(await graph(ds, 'CRMID', 'c1')).toBeNull();
  });

  it('moves a shared device to its last authenticated user', async () => {
    const ds = await setupDatasets(server, 'shared');
    await ingest(ds, ds.crm, [{ crmId: 'alice', identityMap: { IDFA: [{ id: 'device-1' }] } }]);
    await ingest(ds, ds.crm, [{ crmId: 'bob', identityMap: { IDFA: [{ id: 'device-1' }] } }]);
    expect(await members(ds, 'IDFA', 'device-1')).toEqual(['CRMID:bob', 'IDFA:device-1']);
    expect(await members(ds, 'CRMID', 'alice')).toEqual(['CRMID:alice']);
  });

  it('validates settings changes, naming the field', async () => {
    const ds = await setupDatasets(server, 'settings');
    const res = await server.request(
      UpdateIdentitySettingsDocument,
      { input: { maxGraphSize: 1, uniqueNamespaces: ['CRMID', 'Nope'] } },
      { sandbox: ds.sandbox },
    );
    expect(res.errors?.[0]?.extensions?.issues?.map((i) => i.field)).toEqual([
      'input.maxGraphSize',
      'input.uniqueNamespaces[1]',
    ]);
    const { identitySettings } = await server.data(IdentitySettingsDocument, undefined, {
      sandbox: ds.sandbox,
    });
    expect(identitySettings).toEqual({
      maxGraphSize: 50,
      uniqueNamespaces: ['CRMID'],
      namespacePriority: ['CRMID', 'Email', 'Phone', 'IDFA', 'GAID', 'ECID', 'AAID'],
      blockedValues: ['null', 'undefined', 'anonymous', 'invalid', '0', 'unknown'],
    });
  });

  it('repairs existing graphs after a settings change, in the background', async () => {
    const ds = await setupDatasets(server, 'repair');
    await ingest(ds, ds.crm, [
      {
        crmId: 'c1',
        email: 'ann@example.com',
        identityMap: { ECID: [{ id: '1'.repeat(38) }], GAID: [{ id: 'g1' }] },
      },
    ]);
    expect(await members(ds, 'CRMID', 'c1')).toHaveLength(4);
    const { updateIdentitySettings } = await server.data(
      UpdateIdentitySettingsDocument,
      { input: { maxGraphSize: 2, uniqueNamespaces: ['crmid', 'email'] } },
      { sandbox: ds.sandbox },
    );
    expect(updateIdentitySettings).toMatchObject({
      maxGraphSize: 2,
      uniqueNamespaces: ['CRMID', 'Email'],
    });
    const deadline = Date.now() + 10_000;
    let now = await members(ds, 'CRMID', 'c1');
    while ((now?.length ?? 0) > 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      now = await members(ds, 'CRMID', 'c1');
    }
    expect(now).toEqual(['CRMID:c1', 'Email:ann@example.com']);
    expect(await members(ds, 'GAID', 'g1')).toEqual(['GAID:g1']);
  });
});
