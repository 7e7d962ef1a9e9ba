import { identityKey } from '../../src/domain/identity/Identity';
import { IdentityGraphDocument, IngestDocument, type IngestOperation } from '../generated/graphql';
import { useTestServer } from '../support/testServer';
import { type Datasets, ingestInto, setupDatasets } from './ingestSetup';

const server = useTestServer();

const ingest = (ds: Datasets, datasetId: string, records: unknown[], operation?: IngestOperation) =>
  ingestInto(server, ds, datasetId, records, operation);

const fragment = async (ds: Datasets, datasetId: string, namespace: string, id: string) =>
  (
    await server.store
      .scoped(ds.sandbox)
      .profiles.fragmentsOf(datasetId, [identityKey({ namespace, id })])
  ).get(identityKey({ namespace, id }));

describe('ingest (SEMANTICS §2)', () => {
  it('stores the good records of a request and reports the bad ones with codes and paths', async () => {
    const ds = await setupDatasets(server, 'mixed');
    const { ingest: result } = await ingest(ds, ds.crm, [
      { crmId: 'c1', email: 'Ann@Example.com', person: { name: { firstName: 'Ann' }, age: 41 } },
      { crmId: 'c2', person: { age: 'forty' } },
      { email: 'nobody-primary@example.com' },
      'not an object',
      { crmId: 'c3', shoeSize: 42 },
      { email: 'no-crm@example.com', person: { name: { firstName: 'Bo' } } },
    ]);
    expect(result.accepted).toBe(1);
    expect(result.rejected).toBe(5);
    const byIndex = result.results;
    expect(byIndex[0]).toMatchObject({
      status: 'ACCEPTED',
      identity: { namespace: 'CRMID', id: 'c1' },
      errors: [],
    });
    expect(byIndex[1]!.errors).toEqual([
      {
        code: 'SCHEMA_VALIDATION',
        message: expect.stringContaining('INTEGER') as string,
        path: 'person.age',
      },
    ]);
    expect(byIndex[2]!.errors.map((e) => [e.code, e.path])).toContainEqual([
      'SCHEMA_VALIDATION',
      'crmId',
    ]);
    expect(byIndex[3]!.errors).toEqual([
      { code: 'MALFORMED', message: 'a record must be a JSON object', path: null },
    ]);
    expect(byIndex[4]!.errors.map((e) => [e.code, e.path])).toEqual([
      ['SCHEMA_VALIDATION', 'shoeSize'],
    ]);
    expect(byIndex.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);

    expect((await fragment(ds, ds.crm, 'CRMID', 'c1'))?.attributes).toEqual({
      crmId: 'c1',
      email: 'Ann@Example.com',
      person: { name: { firstName: 'Ann' }, age: 41 },
    });
    expect(await fragment(ds, ds.crm, 'CRMID', 'c2')).toBeUndefined();
  });

  it('normalises identities and drops values that are not identities, with a warning', async () => {
    const ds = await setupDatasets(server, 'norm');
    const { ingest: result } = await ingest(ds, ds.crm, [
      { crmId: ' c1 ', email: 'unknown', identityMap: { ecid: [{ id: '123' }] } },
    ]);
    expect(result.results[0]).toMatchObject({
      status: 'ACCEPTED',
      identity: { namespace: 'CRMID', id: 'c1' },
    });
    expect(result.results[0]!.errors.map((e) => [e.code, e.path])).toEqual([
      ['INVALID_IDENTITY', 'email'],
      ['INVALID_IDENTITY', 'identityMap.ecid[0].id'],
    ]);
    const { identityGraph } = await server.data(
      IdentityGraphDocument,
      { identity: { namespace: 'crmid', id: 'c1' } },
      { sandbox: ds.sandbox },
    );
    expect(identityGraph?.identities.map((i) => `${i.namespace}:${i.id}`)).toEqual(['CRMID:c1']);
  });

  it('refuses a call naming an unknown dataset or over 1000 records', async () => {
    const ds = await setupDatasets(server, 'refuse');
    const unknown = await server.request(
      IngestDocument,
      { input: { datasetId: 'ds_nope', records: [{}] } },
      { sandbox: ds.sandbox },
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.datasetId',
    });
    const tooMany = await server.request(
      IngestDocument,
      {
        input: {
          datasetId: ds.crm,
          records: Array.from({ length: 1001 }, (_, i) => ({ crmId: `c${i}` })),
        },
      },
      { sandbox: ds.sandbox },
    );
    expect(tooMany.errors?.[0]).toMatchObject({
      message: 'input.records: at most 1000 records per call; got 1001',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.records' },
    });
  });

  it('merges upserts deep, null removing a field, only where upserts are enabled', async () => {
    const ds = await setupDatasets(server, 'merge');
    await ingest(ds, ds.crm, [
      {
        crmId: 'c1',
        email: 'a@x.com',
        person: { name: { firstName: 'Ann' }, age: 40 },
        tags: ['a'],
      },
    ]);
    const { ingest: merged } = await ingest(
      ds,
      ds.crm,
      [{ crmId: 'c1', person: { age: 41 }, email: null, tags: ['b', 'c'] }],
      'MERGE',
    );
    expect(merged.accepted).toBe(1);
    expect((await fragment(ds, ds.crm, 'CRMID', 'c1'))?.attributes).toEqual({
      crmId: 'c1',
      person: { name: { firstName: 'Ann' }, age: 41 },
      tags: ['b', 'c'],
    });
    const { ingest: refused } = await ingest(
      ds,
      ds.plain,
      [{ crmId: 'c1', person: { age: 1 } }],
      'MERGE',
    );
    expect(refused.results[0]!.errors[0]!.code).toBe('NOT_UPSERT_ENABLED');
  });

  it('replaces on CREATE, removes on DELETE, and ignores stale updates (STALE)', async () => {
    const ds = await setupDatasets(server, 'order');
    const at = (iso: string) => ({ lastUpdatedDate: iso });
    await ingest(ds, ds.crm, [
      { crmId: 'c1', person: { age: 1 }, extSourceSystemAudit: at('2026-01-02T00:00:00Z') },
    ]);
    const { ingest: stale } = await ingest(ds, ds.crm, [
      { crmId: 'c1', person: { age: 99 }, extSourceSystemAudit: at('2026-01-01T00:00:00Z') },
    ]);
    expect(stale.results[0]).toMatchObject({ status: 'ACCEPTED', errors: [{ code: 'STALE' }] });
    expect((await fragment(ds, ds.crm, 'CRMID', 'c1'))?.attributes['person']).toEqual({ age: 1 });
    await ingest(ds, ds.crm, [{ crmId: 'c1', person: { age: 2 } }]);
    expect((await fragment(ds, ds.crm, 'CRMID', 'c1'))?.attributes['person']).toEqual({ age: 2 });
    const { ingest: deleted } = await ingest(ds, ds.crm, [{ crmId: 'c1' }], 'DELETE');
    expect(deleted.accepted).toBe(1);
    expect(await fragment(ds, ds.crm, 'CRMID', 'c1')).toBeUndefined();
  });

  it('appends events once per _id (retries are safe)', async () => {
    const ds = await setupDatasets(server, 'events');
    const event = (id: string) => ({
      _id: id,
      timestamp: '2026-03-01T10:00:00Z',
      eventType: 'view',
      identityMap: { ECID: [{ id: '12345678901234567890123456789012345678' }] },
    });
    const first = await ingest(ds, ds.web, [event('e1'), event('e2'), event('e1')]);
    expect(first.ingest.results.map((r) => r.errors.map((e) => e.code))).toEqual([
      [],
      [],
      ['DUPLICATE_EVENT'],
    ]);
    const retry = await ingest(ds, ds.web, [event('e2')]);
    expect(retry.ingest.results[0]!.errors.map((e) => e.code)).toEqual(['DUPLICATE_EVENT']);
    const stored = await server.store
      .scoped(ds.sandbox)
      .profiles.existingEventIds(ds.web, ['e1', 'e2', 'e3']);
    expect([...stored].sort()).toEqual(['e1', 'e2']);
  });
});
