import {
  BatchStatusChangedDocument,
  CreateBatchDocument,
  CompleteBatchDocument,
  DeleteProfileDocument,
  IdentityGraphChangedDocument,
  ProfileUpdatedDocument,
} from '../generated/graphql';
import { subscribe } from '../support/subscription';
import { useTestServer } from '../support/testServer';
import { upload, waitForBatch } from './batchClient';
import { type Datasets, ingestInto, setupDatasets } from './ingestSetup';

const server = useTestServer();

const ws = (ds: Datasets) => server.wsClient({ 'x-sandbox-name': ds.sandbox });
const ANN = { namespace: 'CRMID', id: 'c1' };
const DEVICE = '7'.repeat(38);

const annRecord = (extra: Record<string, unknown> = {}) => ({
  crmId: 'c1',
  email: 'ann@example.com',
  ...extra,
});
const annViewsOn = (device: string, id: string) => ({
  _id: id,
  timestamp: '2026-03-01T10:00:00Z',
  eventType: 'view',
  identityMap: { Email: [{ id: 'ann@example.com' }], ECID: [{ id: device }] },
});

describe('profileUpdated (SEMANTICS §6)', () => {
  it('announces committed changes to any identity of the graph, with the profile as it is now', async () => {
    const ds = await setupDatasets(server, 'pu');
    await ingestInto(server, ds, ds.crm, [annRecord()]);
    const sub = subscribe(ws(ds), ProfileUpdatedDocument, { identity: ANN });
    const first = await sub.until(
      (r) => r.data?.profileUpdated.kind === 'RECORD',
      () => ingestInto(server, ds, ds.crm, [annRecord({ person: { name: { firstName: 'Ann' } } })]),
    );
    expect(first.data?.profileUpdated).toMatchObject({
      identity: ANN,
      dataset: { id: ds.crm, name: 'CRM' },
      profile: { attributes: { crmId: 'c1', person: { name: { firstName: 'Ann' } } } },
    });
    // Bo's change is not Ann's; her email's event is (same graph).
    await ingestInto(server, ds, ds.crm, [{ crmId: 'c2', email: 'bo@example.com' }]);
    const event = await sub.until(
      (r) => r.data?.profileUpdated.kind === 'EVENT',
      () => ingestInto(server, ds, ds.web, [annViewsOn(DEVICE, 'e1')]),
    );
    expect(event.data?.profileUpdated).toMatchObject({
      identity: { namespace: 'Email', id: 'ann@example.com' },
      dataset: { id: ds.web },
    });
    const ids = sub.received.map((r) => r.data?.profileUpdated.identity.id);
    expect(ids).not.toContain('c2');
    expect(ids).not.toContain('bo@example.com');
    sub.stop();
  });

  it('follows identities linked after the subscription started', async () => {
    const ds = await setupDatasets(server, 'pu-link');
    await ingestInto(server, ds, ds.crm, [annRecord()]);
    // The device is unknown when the subscription starts.
    const sub = subscribe(ws(ds), ProfileUpdatedDocument, {
      identity: { namespace: 'ECID', id: DEVICE },
    });
    let n = 0;
    await sub.until(
      (r) => r.data?.profileUpdated.kind === 'EVENT',
      () => ingestInto(server, ds, ds.web, [annViewsOn(DEVICE, `e${n++}`)]),
    );
    // Now in Ann's graph: a change to her CRM record reaches the device's subscriber.
    const record = await sub.until(
      (r) => r.data?.profileUpdated.kind === 'RECORD',
      () => ingestInto(server, ds, ds.crm, [annRecord({ person: { age: n++ } })]),
    );
    expect(record.data?.profileUpdated.identity).toEqual(ANN);
    sub.stop();
  });

  it('announces a delete with no profile, and every sandbox change without a filter', async () => {
    const ds = await setupDatasets(server, 'pu-del');
    await ingestInto(server, ds, ds.crm, [annRecord()]);
    const all = subscribe(ws(ds), ProfileUpdatedDocument, {});
    await all.until(
      (r) => r.data?.profileUpdated.identity.id === 'c9',
      () => ingestInto(server, ds, ds.crm, [{ crmId: 'c9', email: 'c9@example.com' }]),
    );
    const deleted = await all.until(
      (r) => r.data?.profileUpdated.kind === 'DELETE',
      () => server.data(DeleteProfileDocument, { identity: ANN }, { sandbox: ds.sandbox }),
    );
    expect(deleted.data?.profileUpdated).toMatchObject({
      identity: ANN,
      dataset: null,
      profile: null,
    });
    all.stop();
  });

  it('keeps sandboxes apart', async () => {
    const [a, b] = [await setupDatasets(server, 'pu-a'), await setupDatasets(server, 'pu-b')];
    const inA = subscribe(ws(a), ProfileUpdatedDocument, {});
    await inA.until(
      (r) => r.data?.profileUpdated.identity.id === 'a1',
      async () => {
        await ingestInto(server, b, b.crm, [{ crmId: 'b1', email: 'b1@example.com' }]);
        await ingestInto(server, a, a.crm, [{ crmId: 'a1', email: 'a1@example.com' }]);
      },
    );
    expect(sub(inA)).not.toContain('b1');
    inA.stop();
  });
});

const sub = (s: {
  received: { data?: { profileUpdated: { identity: { id: string } } } | null }[];
}) => s.received.map((r) => r.data?.profileUpdated.identity.id);

describe('identityGraphChanged (SEMANTICS §6)', () => {
  it('announces identities joining the graph, with the graph as it is now', async () => {
    const ds = await setupDatasets(server, 'gc');
    await ingestInto(server, ds, ds.crm, [annRecord()]);
    const sub = subscribe(ws(ds), IdentityGraphChangedDocument, { identity: ANN });
    let n = 0;
    const joined = await sub.until(
      (r) => r.data?.identityGraphChanged.identities.some((i) => i.namespace === 'ECID') === true,
      () => ingestInto(server, ds, ds.web, [annViewsOn(`${n++}`.padStart(38, '5'), `e${n}`)]),
    );
    expect(joined.data?.identityGraphChanged.graph?.size).toBeGreaterThanOrEqual(3);
    // Seeing known identities and links again changes no graph.
    const before = sub.received.length;
    await ingestInto(server, ds, ds.crm, [annRecord()]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sub.received).toHaveLength(before);
    sub.stop();
  });
});

describe('batchStatusChanged (SEMANTICS §6)', () => {
  it('follows one batch from processing to its end, with its counts', async () => {
    const ds = await setupDatasets(server, 'bs');
    const opts = { sandbox: ds.sandbox };
    const { createBatch } = await server.data(
      CreateBatchDocument,
      { input: { datasetId: ds.crm, format: 'NDJSON' } },
      opts,
    );
    const lines = ['{"crmId":"c1"}', '{"crmId":"c2"}', '{"email":"no-crm-id@example.com"}'];
    await upload(server, ds.sandbox, createBatch.id, 'people.ndjson', lines.join('\n'));
    const sub = subscribe(ws(ds), BatchStatusChangedDocument, { batchId: createBatch.id });
    // A heartbeat announces the batch at least every second while it runs; wait for one.
    await sub.until(
      (r) => r.data?.batchStatusChanged.status === 'LOADING',
      () => upload(server, ds.sandbox, createBatch.id, 'people.ndjson', lines.join('\n')),
    );
    await server.data(CompleteBatchDocument, { id: createBatch.id }, opts);
    const done = await sub.until((r) => r.data?.batchStatusChanged.status === 'PARTIAL');
    expect(done.data?.batchStatusChanged).toMatchObject({
      id: createBatch.id,
      recordsAccepted: 2,
      recordsRejected: 1,
    });
    expect(sub.received.map((r) => r.data?.batchStatusChanged.id)).not.toContain(undefined);
    await waitForBatch(server, ds.sandbox, createBatch.id);
    sub.stop();
  });
});
