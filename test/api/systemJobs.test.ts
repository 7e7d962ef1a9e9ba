import {
  CreateSystemJobDocument,
  ProfileDocument,
  ProfileEventsDocument,
  StoreStatusDocument,
  SystemJobsDocument,
} from '../generated/graphql';
import { useTestServer } from '../support/testServer';
import { runBatch } from './batchClient';
import { ingestInto, setupDatasets } from './ingestSetup';
import { waitForJob } from './jobsClient';

const server = useTestServer();

const event = (id: string, email: string) => ({
  _id: id,
  timestamp: '2026-03-01T10:00:00Z',
  eventType: 'view',
  identityMap: { Email: [{ id: email }] },
});

describe('system jobs (SEMANTICS §4, deletes)', () => {
  it('TRUNCATE_DATASET removes all of one dataset’s fragments and events, nothing else', async () => {
    const ds = await setupDatasets(server, 'trunc');
    const opts = { sandbox: ds.sandbox };
    await ingestInto(server, ds, ds.crm, [
      { crmId: 'c1', email: 'ann@example.com' },
      { crmId: 'c2', email: 'bo@example.com' },
    ]);
    await ingestInto(server, ds, ds.plain, [{ crmId: 'c1', person: { age: 41 } }]);
    await ingestInto(server, ds, ds.web, [event('e1', 'ann@example.com')]);

    const { createSystemJob } = await server.data(
      CreateSystemJobDocument,
      { input: { datasetId: ds.crm } },
      opts,
    );
    expect(createSystemJob).toMatchObject({
      type: 'TRUNCATE_DATASET',
      status: 'NEW',
      dataset: { id: ds.crm },
      batch: null,
      fragmentsDeleted: 0,
    });
    const done = await waitForJob(server, ds.sandbox, createSystemJob.id);
    expect(done).toMatchObject({ status: 'SUCCESS', fragmentsDeleted: 2, eventsDeleted: 0 });

    const ann = await server.data(
      ProfileDocument,
      { identity: { namespace: 'CRMID', id: 'c1' } },
      opts,
    );
    expect(ann.profile?.attributes).toEqual({ crmId: 'c1', person: { age: 41 } });
    const { profileStoreStatus: status } = await server.data(StoreStatusDocument, {}, opts);
    expect(status).toMatchObject({ profileCount: 1, fragmentCount: 1, eventCount: 1 });
    expect(status.byDataset.map((d) => d.dataset.id).sort()).toEqual([ds.plain, ds.web].sort());

    const web = await server.data(CreateSystemJobDocument, { input: { datasetId: ds.web } }, opts);
    expect(await waitForJob(server, ds.sandbox, web.createSystemJob.id)).toMatchObject({
      status: 'SUCCESS',
      fragmentsDeleted: 0,
      eventsDeleted: 1,
    });
    const { systemJobs } = await server.data(SystemJobsDocument, {}, opts);
    expect(systemJobs.map((j) => j.id)).toEqual([web.createSystemJob.id, createSystemJob.id]);
  });

  it('DELETE_EVENT_BATCH removes exactly the events one batch wrote', async () => {
    const ds = await setupDatasets(server, 'evbatch');
    const opts = { sandbox: ds.sandbox };
    const lines = ['b1', 'b2', 'b3'].map((id) => JSON.stringify(event(id, 'ann@example.com')));
    const batch = await runBatch(server, ds.sandbox, ds.web, 'NDJSON', {
      'events.ndjson': lines.join('\n'),
    });
    expect(batch.status).toBe('SUCCESS');
    await ingestInto(server, ds, ds.web, [event('s1', 'ann@example.com')]);

    const { createSystemJob } = await server.data(
      CreateSystemJobDocument,
      { input: { datasetId: ds.web, batchId: batch.id } },
      opts,
    );
    expect(createSystemJob).toMatchObject({ type: 'DELETE_EVENT_BATCH', batch: { id: batch.id } });
    expect(await waitForJob(server, ds.sandbox, createSystemJob.id)).toMatchObject({
      status: 'SUCCESS',
      eventsDeleted: 3,
      fragmentsDeleted: 0,
    });
    const { profile } = await server.data(
      ProfileEventsDocument,
      { identity: { namespace: 'Email', id: 'ann@example.com' } },
      opts,
    );
    expect(profile?.events.edges.map((e) => e.node.id)).toEqual(['s1']);
  });

  it('refuses a record batch, unknown datasets and batches, with codes and paths', async () => {
    const ds = await setupDatasets(server, 'jobbad');
    const opts = { sandbox: ds.sandbox };
    const records = await runBatch(server, ds.sandbox, ds.crm, 'NDJSON', {
      'people.ndjson': JSON.stringify({ crmId: 'c1' }),
    });
    const cases = [
      [{ datasetId: ds.crm, batchId: records.id }, 'NOT_EVENT_BATCH', 'input.batchId'],
      [{ datasetId: 'ds_nope' }, 'NOT_FOUND', 'input.datasetId'],
      [{ datasetId: ds.web, batchId: 'bat_nope' }, 'NOT_FOUND', 'input.batchId'],
      [{ datasetId: ds.web, batchId: records.id }, 'BAD_USER_INPUT', 'input.batchId'],
    ] as const;
    for (const [input, code, field] of cases) {
      const res = await server.request(CreateSystemJobDocument, { input }, opts);
      expect(res.errors?.[0]?.extensions).toMatchObject({ code, field });
    }
    expect((await server.data(SystemJobsDocument, {}, opts)).systemJobs).toEqual([]);
  });
});
