import {
  DeleteProfileDocument,
  IdentityGraphDocument,
  ProfileDocument,
} from '../generated/graphql';
import { useTestServer } from '../support/testServer';
import { ingestInto, setupDatasets } from './ingestSetup';

const server = useTestServer();

describe('deleteProfile (SEMANTICS §4, deletes)', () => {
  it('removes the fragments and events of the whole graph, keeps the graph, and leaves others alone', async () => {
    const ds = await setupDatasets(server, 'del');
    const opts = { sandbox: ds.sandbox };
    await ingestInto(server, ds, ds.crm, [
      { crmId: 'c1', email: 'ann@example.com' },
      { crmId: 'c2', email: 'bo@example.com' },
    ]);
    await ingestInto(server, ds, ds.plain, [{ crmId: 'c1', person: { age: 41 } }]);
    await ingestInto(server, ds, ds.web, [
      {
        _id: 'e1',
        timestamp: '2026-03-01T10:00:00Z',
        eventType: 'view',
        identityMap: { Email: [{ id: 'ann@example.com' }], ECID: [{ id: '1'.repeat(38) }] },
      },
      {
        _id: 'e2',
        timestamp: '2026-03-01T11:00:00Z',
        eventType: 'view',
        identityMap: { Email: [{ id: 'bo@example.com' }] },
      },
    ]);

    const { deleteProfile } = await server.data(
      DeleteProfileDocument,
      { identity: { namespace: 'ECID', id: '1'.repeat(38) } },
      opts,
    );
    expect(deleteProfile).toEqual({ fragmentsDeleted: 2, eventsDeleted: 1 });

    const ann = await server.data(
      ProfileDocument,
      { identity: { namespace: 'CRMID', id: 'c1' } },
      opts,
    );
    expect(ann.profile).toMatchObject({ attributes: {}, fragments: [], sources: [] });
    const graph = await server.data(
      IdentityGraphDocument,
      { identity: { namespace: 'CRMID', id: 'c1' } },
      opts,
    );
    expect(graph.identityGraph?.size).toBe(3);
    const bo = await server.data(
      ProfileDocument,
      { identity: { namespace: 'CRMID', id: 'c2' } },
      opts,
    );
    expect(bo.profile?.attributes).toEqual({ crmId: 'c2', email: 'bo@example.com' });

    await ingestInto(server, ds, ds.plain, [{ crmId: 'c1', person: { age: 42 } }]);
    const back = await server.data(
      ProfileDocument,
      { identity: { namespace: 'Email', id: 'ann@example.com' } },
      opts,
    );
    expect(back.profile?.attributes).toEqual({ crmId: 'c1', person: { age: 42 } });

    const again = await server.data(
      DeleteProfileDocument,
      { identity: { namespace: 'CRMID', id: 'nobody' } },
      opts,
    );
    expect(again.deleteProfile).toEqual({ fragmentsDeleted: 0, eventsDeleted: 0 });
  });
});
