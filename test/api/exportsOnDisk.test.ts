import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ExportJob, INTERRUPTED } from '../../src/domain/exports/ExportJob';
import type { MergePolicy } from '../../src/domain/policies/MergePolicy';
import { CreateExportJobDocument, ExportJobDocument } from '../generated/graphql';
import { pollUntil } from '../support/pollUntil';
import { startTestServer, type TestServer } from '../support/testServer';
import { expectConsistentSnapshot } from './exportClient';
import { ingestAnnAndBo, ingestInto, setupDatasets } from './ingestSetup';

const job = (
  id: string,
  status: ExportJob['status'],
  mergePolicy: MergePolicy,
  updatedAt = new Date(),
): ExportJob => ({
  id,
  status,
  format: 'NDJSON',
  fields: null,
  mergePolicy,
  audienceId: null,
  includeEvents: false,
  eventsSince: null,
  profilesExported: status === 'NEW' ? 0 : 1234,
  error: null,
  createdAt: updatedAt,
  updatedAt,
  finishedAt: null,
});

const readJob = (server: TestServer, sandbox: string, id: string) =>
  pollUntil(
    () => server.data(ExportJobDocument, { id }, { sandbox }),
    (r) => r.exportJob?.status === 'SUCCESS' || r.exportJob?.status === 'FAILED',
    (r) => JSON.stringify(r.exportJob),
  ).then((r) => r.exportJob);

describe('exports on a store on disk (SEMANTICS §7)', () => {
  let dir = '';
  beforeEach(async () => {
    // A dot folder, as ~/.tessera would be: downloads must still be served from it.
    dir = await mkdtemp(join(tmpdir(), '.tessera-export-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('fails a job a crash cut off, runs one never started, leaves one another server runs', async () => {
    const first = await startTestServer(dir);
    const ds = await setupDatasets(first, 'exp-crash');
    await ingestAnnAndBo(first, ds);
    // What a server leaves behind when it dies: one export half written, one not started.
    const scoped = first.store.scoped(ds.sandbox);
    const [policy] = await scoped.policies.list('PROFILE');
    if (policy === undefined) throw new Error('no default policy');
    const lastProgress = new Date(Date.now() - 60_000);
    await scoped.exports.insert(job('exp_crashed', 'IN_PROGRESS', policy, lastProgress));
    await scoped.exports.insert(job('exp_queued', 'NEW', policy));
    // Progress a moment ago: another server sharing the store may be running this one.
    await scoped.exports.insert(job('exp_elsewhere', 'IN_PROGRESS', policy));
    await mkdir(join(dir, 'exports', ds.sandbox), { recursive: true });
    await writeFile(join(dir, 'exports', ds.sandbox, 'exp_crashed.ndjson.partial'), '{"half":');
    await first.stop();

    // A job whose progress stands still for a second has no process left running it.
    const second = await startTestServer(dir, { exportTuning: { abandonedAfterMs: 1000 } });
    try {
      expect(await readJob(second, ds.sandbox, 'exp_crashed')).toMatchObject({
        status: 'FAILED',
        error: INTERRUPTED,
        downloadPath: null,
      });
      expect(await readJob(second, ds.sandbox, 'exp_queued')).toMatchObject({
        status: 'SUCCESS',
        profilesExported: 2,
      });
      expect(await readdir(join(dir, 'exports', ds.sandbox))).toEqual(['exp_queued.ndjson']);
      const elsewhere = await second.data(
        ExportJobDocument,
        { id: 'exp_elsewhere' },
        { sandbox: ds.sandbox },
      );
      expect(elsewhere.exportJob?.status).toBe('IN_PROGRESS');
      // Its progress never moves again: once that has lasted long enough, it fails too.
      expect(await readJob(second, ds.sandbox, 'exp_elsewhere')).toMatchObject({
        status: 'FAILED',
        error: INTERRUPTED,
      });
    } finally {
      await second.stop();
    }
  });

  it('fails a running export as interrupted when the server stops, leaving no file', async () => {
    const server = await startTestServer(dir, { exportTuning: { pageSize: 1 } });
    const ds = await setupDatasets(server, 'exp-stop');
    await ingestInto(
      server,
      ds,
      ds.crm,
      Array.from({ length: 300 }, (_, i) => ({ crmId: `c${i}` })),
    );
    const { createExportJob } = await server.data(
      CreateExportJobDocument,
      { input: {} },
      { sandbox: ds.sandbox },
    );
    await pollUntil(
      () => server.data(ExportJobDocument, { id: createExportJob.id }, { sandbox: ds.sandbox }),
      (r) => r.exportJob?.status === 'IN_PROGRESS',
      (r) => JSON.stringify(r.exportJob),
      { everyMs: 1 },
    );
    await server.stop();
    const again = await startTestServer(dir);
    try {
      expect(await readJob(again, ds.sandbox, createExportJob.id)).toMatchObject({
        status: 'FAILED',
        error: INTERRUPTED,
      });
      expect(await readdir(join(dir, 'exports', ds.sandbox))).toEqual([]);
    } finally {
      await again.stop();
    }
  });

  it('exports a consistent snapshot read through a second connection to the file', async () => {
    const server = await startTestServer(dir, { exportTuning: { pageSize: 2 } });
    try {
      await expectConsistentSnapshot(server);
    } finally {
      await server.stop();
    }
  });
});
