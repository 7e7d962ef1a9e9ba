import { identityKey } from '../../src/domain/identity/Identity';
import {
  AbortBatchDocument,
  BatchDocument,
  BatchesDocument,
  CompleteBatchDocument,
  CreateBatchDocument,
} from '../generated/graphql';
import { useTestServer } from '../support/testServer';
import { runBatch, upload } from './batchClient';
import { setupDatasets } from './ingestSetup';

const server = useTestServer();

const ndjson = (records: unknown[]) =>
  records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n');

describe('batches (SEMANTICS §2)', () => {
  it('processes files in the background, keeping every failed record with file, line and reason', async () => {
    const ds = await setupDatasets(server, 'batch');
    const batch = await runBatch(server, ds.sandbox, ds.crm, 'NDJSON', {
      'a.ndjson': ndjson([
        { crmId: 'c1', email: 'a@x.com' },
        '{not json',
        { crmId: 'c2', person: { age: 'x' } },
      ]),
      'b.ndjson': ndjson([{ crmId: 'c3' }, '', { crmId: 'c4', shoeSize: 1 }]),
    });
    expect(batch).toMatchObject({
      status: 'PARTIAL',
      recordsTotal: 5,
      recordsAccepted: 2,
      recordsRejected: 3,
      error: null,
    });
    expect(batch.files).toEqual([
      { name: 'a.ndjson', sizeBytes: expect.any(Number) as number },
      { name: 'b.ndjson', sizeBytes: expect.any(Number) as number },
    ]);
    const failed = batch.failedRecords.edges.map((e) => e.node);
    expect(
      failed.map((f) => [f.file, f.line, f.errors.map((e) => `${e.code}:${e.path ?? ''}`)]),
    ).toEqual([
      ['a.ndjson', 2, ['MALFORMED:']],
      ['a.ndjson', 3, ['SCHEMA_VALIDATION:person.age']],
      ['b.ndjson', 3, ['SCHEMA_VALIDATION:shoeSize']],
    ]);
    expect(failed[0]?.record).toBe('{not json');
    expect(failed[1]?.record).toEqual({ crmId: 'c2', person: { age: 'x' } });
    const profiles = server.store.scoped(ds.sandbox).profiles;
    const stored = await profiles.fragmentsOf(
      ds.crm,
      ['c1', 'c2', 'c3'].map((id) => identityKey({ namespace: 'CRMID', id })),
    );
    expect(stored.size).toBe(2);
  });

  it('pages failed records with opaque cursors', async () => {
    const ds = await setupDatasets(server, 'pages');
    const bad = Array.from({ length: 5 }, (_, i) => ({ crmId: `c${i}`, nope: i }));
    const batch = await runBatch(server, ds.sandbox, ds.crm, 'NDJSON', { 'f.ndjson': ndjson(bad) });
    const page = async (after?: string | null) =>
      (await server.data(BatchDocument, { id: batch.id, first: 2, after }, { sandbox: ds.sandbox }))
        .batch!.failedRecords;
    const one = await page();
    expect(one.totalCount).toBe(5);
    expect(one.edges.map((e) => e.node.line)).toEqual([1, 2]);
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = await page(one.pageInfo.endCursor);
    const three = await page(two.pageInfo.endCursor);
    expect([...two.edges, ...three.edges].map((e) => e.node.line)).toEqual([3, 4, 5]);
    expect(three.pageInfo.hasNextPage).toBe(false);
    const bogus = await server.request(
      BatchDocument,
      { id: batch.id, first: 2, after: 'bogus' },
      { sandbox: ds.sandbox },
    );
    expect(bogus.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('reads CSV with a header of dot paths, coercing values to the field types', async () => {
    const ds = await setupDatasets(server, 'csv');
    const csv =
      'crmId,email,person.age,tags,identityMap.ECID\nc1,a@x.com,41,"[""vip""]",' +
      '1'.repeat(38) +
      '\nc2,b@x.com,forty,,\n';
    const batch = await runBatch(server, ds.sandbox, ds.crm, 'CSV', { 'people.csv': csv });
    expect(batch).toMatchObject({ status: 'PARTIAL', recordsAccepted: 1, recordsRejected: 1 });
    expect(batch.failedRecords.edges[0]?.node).toMatchObject({
      line: 3,
      errors: [{ code: 'SCHEMA_VALIDATION', path: 'person.age' }],
    });
    const key = identityKey({ namespace: 'CRMID', id: 'c1' });
    const stored = await server.store.scoped(ds.sandbox).profiles.fragmentsOf(ds.crm, [key]);
    expect(stored.get(key)?.attributes).toEqual({
      crmId: 'c1',
      email: 'a@x.com',
      person: { age: 41 },
      tags: ['vip'],
    });
  });

  it('fails a batch whose file is unreadable as a whole', async () => {
    const ds = await setupDatasets(server, 'unreadable');
    const batch = await runBatch(server, ds.sandbox, ds.crm, 'JSON', {
      'x.json': '{"crmId": "c1"}',
    });
    expect(batch.status).toBe('FAILED');
    expect(batch.error).toMatch(/array/i);
  });

  it('guards the upload route: unknown batch 404, bad name 400, finished batch 409, other sandbox 404', async () => {
    const ds = await setupDatasets(server, 'guard');
    expect((await upload(server, ds.sandbox, 'b_nope', 'f.ndjson', '{}')).status).toBe(404);
    const { createBatch } = await server.data(
      CreateBatchDocument,
      { input: { datasetId: ds.crm, format: 'NDJSON' } },
      { sandbox: ds.sandbox },
    );
    const badName = await upload(server, ds.sandbox, createBatch.id, '..hidden', '{}');
    expect(badName).toMatchObject({
      status: 400,
      body: { errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'fileName' } }] },
    });
    const other = await server.newSandbox('guard-other');
    expect((await upload(server, other, createBatch.id, 'f.ndjson', '{}')).status).toBe(404);
    const empty = await server.request(
      CompleteBatchDocument,
      { id: createBatch.id },
      { sandbox: ds.sandbox },
    );
    expect(empty.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(
      (await upload(server, ds.sandbox, createBatch.id, 'f.ndjson', '{"crmId":"c1"}')).status,
    ).toBe(201);
    await server.data(CompleteBatchDocument, { id: createBatch.id }, { sandbox: ds.sandbox });
    expect((await upload(server, ds.sandbox, createBatch.id, 'g.ndjson', '{}')).status).toBe(409);
  });

  it('refuses a MERGE batch on a dataset without upserts, and aborts a loading batch', async () => {
    const ds = await setupDatasets(server, 'abort');
    const merge = await server.request(
      CreateBatchDocument,
      { input: { datasetId: ds.plain, format: 'CSV', operation: 'MERGE' } },
      { sandbox: ds.sandbox },
    );
    expect(merge.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.operation',
    });
    const { createBatch } = await server.data(
      CreateBatchDocument,
      { input: { datasetId: ds.crm, format: 'CSV' } },
      { sandbox: ds.sandbox },
    );
    const { abortBatch } = await server.data(
      AbortBatchDocument,
      { id: createBatch.id },
      { sandbox: ds.sandbox },
    );
    expect(abortBatch.status).toBe('ABORTED');
    const again = await server.request(
      AbortBatchDocument,
      { id: createBatch.id },
      { sandbox: ds.sandbox },
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    const { batches } = await server.data(
      BatchesDocument,
      { datasetId: ds.crm },
      { sandbox: ds.sandbox },
    );
    expect(batches.map((b) => b.status)).toEqual(['ABORTED']);
  });
});

describe('POST /collection/{datasetId} (streaming over HTTP)', () => {
  const post = (sandbox: string, datasetId: string, body: string, type = 'application/x-ndjson') =>
    fetch(`${server.url.replace('/graphql', '')}/collection/${datasetId}`, {
      method: 'POST',
      headers: { 'content-type': type, 'x-sandbox-name': sandbox },
      body,
    });

  it('answers per record like ingest, a line that is not JSON included', async () => {
    const ds = await setupDatasets(server, 'collect');
    const res = await post(
      ds.sandbox,
      ds.crm,
      '{"crmId":"c1"}\n\n{oops\n{"crmId":"c2","nope":1}\n',
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      accepted: number;
      rejected: number;
      results: { index: number; status: string; errors: { code: string; message: string }[] }[];
    };
    expect(body).toMatchObject({ accepted: 1, rejected: 2 });
    expect(body.results.map((r) => [r.index, r.status, r.errors.map((e) => e.code)])).toEqual([
      [0, 'ACCEPTED', []],
      [1, 'REJECTED', ['MALFORMED']],
      [2, 'REJECTED', ['SCHEMA_VALIDATION']],
    ]);
    expect(body.results[1]?.errors[0]?.message).toMatch(/^line 3 is not valid JSON/);
  });

  it('refuses a wrong content type and an unknown dataset with coded errors', async () => {
    const ds = await setupDatasets(server, 'collect-bad');
    const wrongType = await post(ds.sandbox, ds.crm, '{"crmId":"c1"}', 'application/json');
    expect(wrongType.status).toBe(400);
    expect(await wrongType.json()).toMatchObject({
      errors: [{ extensions: { code: 'BAD_USER_INPUT', field: 'content-type' } }],
    });
    const unknown = await post(ds.sandbox, 'ds_nope', '{"crmId":"c1"}');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({
      errors: [{ extensions: { code: 'NOT_FOUND', field: 'input.datasetId' } }],
    });
  });
});
