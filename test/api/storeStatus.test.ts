import { DeleteProfileDocument, StoreStatusDocument } from '../generated/graphql';
import { useTestServer } from '../support/testServer';
import { ingestAnnAndBo, ingestInto, setupDatasets } from './ingestSetup';

const server = useTestServer();

describe('profileStoreStatus (SEMANTICS §4, store status)', () => {
  it('counts profiles, rows and identities exactly, with distributions and overlaps', async () => {
    const ds = await setupDatasets(server, 'status');
    const opts = { sandbox: ds.sandbox };
    const before = Date.now();
    await ingestAnnAndBo(server, ds);

    // Read at once: what was just ingested is counted, no waiting.
    const { profileStoreStatus: status } = await server.data(StoreStatusDocument, {}, opts);
    expect(status).toMatchObject({
      profileCount: 2,
      fragmentCount: 3,
      eventCount: 2,
      identityCount: 5,
    });
    expect(new Date(status.lastIngestedAt as string).getTime()).toBeGreaterThanOrEqual(before);
    const byDataset = status.byDataset.map((d) => ({ ...d, dataset: d.dataset.id }));
    expect(byDataset).toEqual(
      [
        { dataset: ds.crm, fragmentCount: 2, eventCount: 0, profileCount: 2, percentage: 100 },
        { dataset: ds.web, fragmentCount: 0, eventCount: 2, profileCount: 2, percentage: 100 },
        { dataset: ds.plain, fragmentCount: 1, eventCount: 0, profileCount: 1, percentage: 50 },
      ].sort((a, b) => b.profileCount - a.profileCount || (a.dataset < b.dataset ? -1 : 1)),
    );
    expect(status.byNamespace).toEqual([
      { namespace: 'CRMID', identityCount: 2, profileCount: 2, percentage: 100 },
      { namespace: 'Email', identityCount: 2, profileCount: 2, percentage: 100 },
      { namespace: 'ECID', identityCount: 1, profileCount: 1, percentage: 50 },
    ]);
    expect(status.datasetOverlap).toEqual(
      expect.arrayContaining([
        { keys: [ds.crm, ds.plain, ds.web].sort(), profileCount: 1 },
        { keys: [ds.crm, ds.web].sort(), profileCount: 1 },
      ]),
    );
    expect(status.datasetOverlap).toHaveLength(2);
    expect(status.namespaceOverlap).toEqual([
      { keys: ['CRMID', 'ECID', 'Email'], profileCount: 1 },
      { keys: ['CRMID', 'Email'], profileCount: 1 },
    ]);

    await server.data(DeleteProfileDocument, { identity: { namespace: 'CRMID', id: 'c2' } }, opts);
    const after = (await server.data(StoreStatusDocument, {}, opts)).profileStoreStatus;
    expect(after).toMatchObject({
      profileCount: 1,
      fragmentCount: 2,
      eventCount: 1,
      identityCount: 5,
      namespaceOverlap: [{ keys: ['CRMID', 'ECID', 'Email'], profileCount: 1 }],
    });
  });

  it('joins two profiles into one when a link merges their graphs', async () => {
    const ds = await setupDatasets(server, 'statusjoin');
    const opts = { sandbox: ds.sandbox };
    await ingestInto(server, ds, ds.plain, [
      { crmId: 'c1', person: { age: 41 } },
      { crmId: 'c2', person: { age: 42 } },
    ]);
    await ingestInto(server, ds, ds.web, [
      {
        _id: 'e1',
        timestamp: '2026-03-01T10:00:00Z',
        eventType: 'view',
        identityMap: { ECID: [{ id: '2'.repeat(38) }] },
      },
    ]);
    const two = (await server.data(StoreStatusDocument, {}, opts)).profileStoreStatus;
    expect(two.profileCount).toBe(3);
    // A CRM record links c1 with the device: two graphs become one.
    await ingestInto(server, ds, ds.crm, [
      { crmId: 'c1', identityMap: { ECID: [{ id: '2'.repeat(38) }] } },
    ]);
    const joined = (await server.data(StoreStatusDocument, {}, opts)).profileStoreStatus;
    expect(joined).toMatchObject({ profileCount: 2, identityCount: 3 });
    expect(joined.datasetOverlap).toEqual(
      expect.arrayContaining([
        { keys: [ds.crm, ds.plain, ds.web].sort(), profileCount: 1 },
        { keys: [ds.plain], profileCount: 1 },
      ]),
    );
  });

  it('counts graphs made of new identities as a recount of the whole store does', async () => {
    const ds = await setupDatasets(server, 'statusfresh');
    const opts = { sandbox: ds.sandbox };
    // New people (two records of one request share an email), fragments and events, a record
    // joining an existing graph, and a deleted profile.
    await ingestInto(server, ds, ds.crm, [
      { crmId: 'f1', email: 'f1@example.com' },
      { crmId: 'f2', email: 'f1@example.com' },
      { crmId: 'f3', email: 'f3@example.com' },
    ]);
    await ingestAnnAndBo(server, ds);
    await ingestInto(server, ds, ds.web, [
      {
        _id: 'f-e1',
        timestamp: '2026-03-01T10:00:00Z',
        eventType: 'view',
        identityMap: { ECID: [{ id: '3'.repeat(38) }] },
      },
    ]);
    await ingestInto(server, ds, ds.plain, [{ crmId: 'f3', person: { age: 30 } }]);
    await ingestInto(server, ds, ds.crm, [{ crmId: 'f4', email: 'ann@example.com' }]);
    await server.data(DeleteProfileDocument, { identity: { namespace: 'CRMID', id: 'f3' } }, opts);
    const known = (await server.data(StoreStatusDocument, {}, opts)).profileStoreStatus;
    // CRMID is unique: f2 takes f1's email, f4 takes Ann's (with her device and events).
    expect(known).toMatchObject({ profileCount: 6, identityCount: 12, eventCount: 3 });

    // Every graph recomputed from what the store holds: the counters must not move.
    const scoped = server.store.scoped(ds.sandbox);
    const graphIds = await scoped.identities.graphIdsAfter(null, 1000);
    await scoped.transaction((tx) => tx.status.markStale(graphIds));
    const recounted = (await server.data(StoreStatusDocument, {}, opts)).profileStoreStatus;
    expect(recounted).toEqual(known);
  });

  it('is empty for a new sandbox, whatever other sandboxes hold', async () => {
    const sandbox = await server.newSandbox('statusempty');
    const { profileStoreStatus } = await server.data(StoreStatusDocument, {}, { sandbox });
    expect(profileStoreStatus).toEqual({
      profileCount: 0,
      fragmentCount: 0,
      eventCount: 0,
      identityCount: 0,
      byDataset: [],
      byNamespace: [],
      datasetOverlap: [],
      namespaceOverlap: [],
      lastIngestedAt: null,
    });
  });
});
