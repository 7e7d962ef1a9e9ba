import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import {
  AudienceDocument,
  CancelExportJobDocument,
  CreateAudienceDocument,
  CreateExportJobDocument,
  CreateMergePolicyDocument,
  type CreateExportJobInput,
  ExportJobChangedDocument,
  ExportJobDocument,
  ExportJobsDocument,
} from '../generated/graphql';
import { pollUntil } from '../support/pollUntil';
import { subscribe } from '../support/subscription';
import { useTestServer } from '../support/testServer';
import { crmOf, expectConsistentSnapshot, exportClient, idsOf, people } from './exportClient';
import type { Exported } from './exportClient';
import { ingestAnnAndBo, ingestInto, setupDatasets } from './ingestSetup';

// Small pages, so an export of a few hundred profiles runs long enough to be caught running.
const server = useTestServer({ exportTuning: { pageSize: 2, progressEveryMs: 0 } });

const { createExport, jobOnceIn, finished, download, exportNdjson } = exportClient(server);

describe('profile exports (SEMANTICS §7)', () => {
  it('writes every profile, merged, to NDJSON, and serves it as a download', async () => {
    const ds = await setupDatasets(server, 'exp');
    await ingestAnnAndBo(server, ds);
    const job = await createExport(ds, {});
    expect(job).toMatchObject({
      status: 'NEW',
      format: 'NDJSON',
      fields: null,
      downloadPath: null,
    });
    const done = await finished(ds, job.id);
    expect(done).toMatchObject({ status: 'SUCCESS', profilesExported: 2, error: null });
    expect(done.downloadPath).toBe(`/exports/${job.id}/file`);
    expect(done.finishedAt).not.toBeNull();

    const res = await download(ds.sandbox, done.downloadPath ?? '');
    expect(res.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename=${job.id}.ndjson`);
    const rows = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Exported);
    const ann = rows.find((r) => crmOf(r) === 'c1');
    expect(idsOf(ann ?? { identities: [], attributes: {} })).toEqual(
      [`ECID:${'1'.repeat(38)}`, 'Email:ann@example.com', 'CRMID:c1'].sort(),
    );
    // CRM and Plain fragments merged into one profile; no events unless asked.
    expect(ann?.attributes).toMatchObject({
      crmId: 'c1',
      email: 'ann@example.com',
      person: { age: 41 },
    });
    expect(ann).not.toHaveProperty('events');
    expect(rows.map(crmOf).sort()).toEqual(['c1', 'c2']);
  });

  it('keeps only the fields asked, and includes events since a time, oldest first', async () => {
    const ds = await setupDatasets(server, 'expf');
    await ingestAnnAndBo(server, ds);
    await ingestInto(server, ds, ds.web, [
      {
        _id: 'e0',
        timestamp: '2026-01-01T00:00:00Z',
        eventType: 'old',
        identityMap: { Email: [{ id: 'ann@example.com' }] },
      },
      {
        _id: 'e3',
        timestamp: '2026-03-02T00:00:00Z',
        eventType: 'buy',
        identityMap: { Email: [{ id: 'ann@example.com' }] },
      },
    ]);
    const rows = await exportNdjson(ds, {
      fields: ['person.age'],
      includeEvents: true,
      eventsSince: '2026-02-01T00:00:00Z',
    });
    const ann = rows.find((r) => crmOf(r) === 'c1');
    expect(ann?.attributes).toEqual({ person: { age: 41 } });
    expect(ann?.events?.map((e) => [e.id, e.timestamp])).toEqual([
      ['e1', '2026-03-01T10:00:00.000Z'],
      ['e3', '2026-03-02T00:00:00.000Z'],
    ]);
    expect(rows.find((r) => crmOf(r) === 'c2')?.attributes).toEqual({});
  });

  it('writes CSV with a header of identities and the fields, quoting what needs it', async () => {
    const ds = await setupDatasets(server, 'expc');
    await ingestInto(server, ds, ds.crm, [
      {
        crmId: 'c1',
        email: 'ann@example.com',
        person: { name: { firstName: 'Ann, "A"' }, age: 41 },
      },
      { crmId: 'c2', tags: ['a', 'b'] },
    ]);
    const job = await finished(
      ds,
      (
        await createExport(ds, {
          format: 'CSV',
          fields: ['person.name.firstName', 'person.age', 'tags'],
        })
      ).id,
    );
    const res = await download(ds.sandbox, job.downloadPath ?? '');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename=${job.id}.csv`);
    const table: string[][] = parse(await res.text());
    const [header, ...rows] = table;
    expect(header).toEqual(['identities', 'person.name.firstName', 'person.age', 'tags']);
    const byCrm = new Map(rows.map((r) => [JSON.stringify(JSON.parse(r[0] ?? '')), r.slice(1)]));
    const annIds = [...byCrm.keys()].find((k) => k.includes('"c1"')) ?? '';
    expect(JSON.parse(annIds)).toEqual(
      expect.arrayContaining([
        { namespace: 'CRMID', id: 'c1' },
        { namespace: 'Email', id: 'ann@example.com' },
      ]),
    );
    expect(byCrm.get(annIds)).toEqual(['Ann, "A"', '41', '']);
    const boIds = [...byCrm.keys()].find((k) => k.includes('"c2"')) ?? '';
    expect(byCrm.get(boIds)).toEqual(['', '', '["a","b"]']);
  });

  it('exports only the current members of an audience', async () => {
    const ds = await setupDatasets(server, 'expa');
    await ingestInto(server, ds, ds.crm, [
      { crmId: 'c1', person: { age: 41 } },
      { crmId: 'c2', person: { age: 30 } },
      { crmId: 'c3', person: { age: 50 } },
    ]);
    const { createAudience } = await server.data(
      CreateAudienceDocument,
      {
        input: {
          name: 'Over 40',
          condition: { attribute: { path: 'person.age', op: 'GTE', value: 40 } },
        },
      },
      { sandbox: ds.sandbox },
    );
    await pollUntil(
      () =>
        server.data(
          AudienceDocument,
          { id: createAudience.id, first: 10 },
          { sandbox: ds.sandbox },
        ),
      (r) => r.audience?.evaluation.done === true,
      (r) => JSON.stringify(r.audience?.evaluation),
    );
    const rows = await exportNdjson(ds, { audienceId: createAudience.id, fields: ['person.age'] });
    expect(rows.map(crmOf).sort()).toEqual(['c1', 'c3']);
    const [job] = (await server.data(ExportJobsDocument, {}, { sandbox: ds.sandbox })).exportJobs;
    expect(job?.id).toBeDefined();

    // Under a policy that stitches otherwise, a member would not be one profile: refused.
    const { createMergePolicy } = await server.data(
      CreateMergePolicyDocument,
      { input: { name: 'Per identity', identityStitching: 'NONE' } },
      { sandbox: ds.sandbox },
    );
    const refused = await server.request(
      CreateExportJobDocument,
      { input: { audienceId: createAudience.id, mergePolicyId: createMergePolicy.id } },
      { sandbox: ds.sandbox },
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.mergePolicyId',
    });
  });

  it('refuses what it cannot export, with codes and paths', async () => {
    const ds = await setupDatasets(server, 'expr');
    const refused = async (input: CreateExportJobInput) => {
      const res = await server.request(CreateExportJobDocument, { input }, { sandbox: ds.sandbox });
      return res.errors?.[0]?.extensions;
    };
    expect(await refused({ format: 'CSV' })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.fields',
    });
    expect(await refused({ fields: ['person.age', 'person.nope'] })).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.fields[1]',
    });
    expect(await refused({ eventsSince: '2026-01-01T00:00:00Z' })).toMatchObject({
      field: 'input.eventsSince',
    });
    expect(await refused({ audienceId: 'aud-missing' })).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.audienceId',
    });
    expect(await refused({ mergePolicyId: 'mp-missing' })).toMatchObject({
      field: 'input.mergePolicyId',
    });
    expect((await server.data(ExportJobsDocument, {}, { sandbox: ds.sandbox })).exportJobs).toEqual(
      [],
    );
  });

  it('serves a file only within its sandbox, and only once finished', async () => {
    const ds = await setupDatasets(server, 'exps');
    await ingestAnnAndBo(server, ds);
    const job = await finished(ds, (await createExport(ds, {})).id);
    const other = await server.newSandbox('other');
    const elsewhere = await download(other, job.downloadPath ?? '');
    expect(elsewhere.status).toBe(404);
    expect(await elsewhere.json()).toMatchObject({
      errors: [{ extensions: { code: 'NOT_FOUND' } }],
    });
    expect((await download(ds.sandbox, '/exports/exp-missing/file')).status).toBe(404);
    expect((await download(ds.sandbox, job.downloadPath ?? '')).status).toBe(200);
  });

  it('announces progress and the end through exportJobChanged', async () => {
    const ds = await setupDatasets(server, 'expp');
    await ingestInto(server, ds, ds.crm, people(0, 300));
    const changes = subscribe(
      server.wsClient({ 'x-sandbox-name': ds.sandbox }),
      ExportJobChangedDocument,
      {},
    );
    // The server registers a subscription asynchronously: small exports until one is heard.
    await changes.until(
      (r) => r.data !== undefined,
      () => createExport(ds, { fields: ['email'] }),
    );
    const { id } = await createExport(ds, {});
    const end = await changes.until(
      (r) => r.data?.exportJobChanged.id === id && r.data.exportJobChanged.status === 'SUCCESS',
    );
    changes.stop();
    expect(end.data?.exportJobChanged).toMatchObject({ profilesExported: 300 });
    expect(end.data?.exportJobChanged.downloadPath).toBe(`/exports/${id}/file`);
    const statuses = changes.received
      .filter((r) => r.data?.exportJobChanged.id === id)
      .map((r) => r.data?.exportJobChanged.status);
    expect(statuses.slice(0, 2)).toEqual(['NEW', 'IN_PROGRESS']);
    expect(statuses.at(-1)).toBe('SUCCESS');
    // Progress on the way (this server reports after every page of 2).
    const counts = changes.received
      .filter((r) => r.data?.exportJobChanged.id === id)
      .map((r) => r.data?.exportJobChanged.profilesExported ?? 0);
    expect(counts.some((n) => n > 0 && n < 300)).toBe(true);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
  });

  it('cancels a running export: it fails as cancelled and leaves no file', async () => {
    const ds = await setupDatasets(server, 'expx');
    await ingestInto(server, ds, ds.crm, people(0, 500));
    const job = await createExport(ds, {});
    await jobOnceIn(ds, job.id, ['IN_PROGRESS']);
    const { cancelExportJob } = await server.data(
      CancelExportJobDocument,
      { id: job.id },
      { sandbox: ds.sandbox },
    );
    expect(cancelExportJob).toMatchObject({
      status: 'FAILED',
      error: 'cancelled',
      downloadPath: null,
    });
    expect(await readdir(join(server.files, 'exports', ds.sandbox)).catch(() => [])).toEqual([]);
    // It stays cancelled, a second cancel is refused, and there is nothing to download.
    const again = await server.request(
      CancelExportJobDocument,
      { id: job.id },
      { sandbox: ds.sandbox },
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect((await download(ds.sandbox, `/exports/${job.id}/file`)).status).toBe(409);
    const later = await server.data(ExportJobDocument, { id: job.id }, { sandbox: ds.sandbox });
    expect(later.exportJob).toMatchObject({ status: 'FAILED', error: 'cancelled' });
  });

  it('exports a consistent snapshot: profiles changed meanwhile appear once, as they were', () =>
    expectConsistentSnapshot(server));
});
