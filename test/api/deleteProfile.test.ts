import {
  DeleteProfileDocument,
  IdentityGraphDocument,
  ProfileDocument,
} from '../generated/graphql';
import { useTestServer } from '../support/testServer';
import { ANN_DEVICE, ingestAnnAndBo, ingestInto, setupDatasets } from './ingestSetup';

const server = useTestServer();

describe('deleteProfile (SEMANTICS §4, deletes)', () => {
  it('removes the fragments and events of the whole graph, keeps the graph, and leaves others alone', async () => {
    const ds = await setupDatasets(server, 'del');
    const opts = { sandbox: ds.sandbox };
    await ingestAnnAndBo(server, ds);

    const { deleteProfile } = await server.data(
      DeleteProfileDocument,
      { identity: { namespace: 'ECID', id: ANN_DEVICE } },
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
