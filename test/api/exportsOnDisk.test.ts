import { mkdtemp, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ExportJob, INTERRUPTED } from '../../src/domain/exports/ExportJob';
import { ABANDONED_AFTER_MS } from '../../src/services/exports/ExportRunner';
import { CreateExportJobDocument, ExportJobDocument } from '../generated/graphql';
import { pollUntil } from '../support/pollUntil';
import { startTestServer, type TestServer } from '../support/testServer';
import { ingestAnnAndBo, ingestInto, setupDatasets } from './ingestSetup';

const job = (
  id: string,
  status: ExportJob['status'],
  mergePolicyId: string,
  updatedAt = new Date(),
): ExportJob => ({
  id,
  status,
  format: 'NDJSON',
  fields: null,
  mergePolicyId,
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

describe('exports across restarts (SEMANTICS §7)', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-export-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('fails a job a crash cut off, runs one never started, leaves one another server runs', async () => {
    const first = await startTestServer(dir);
    const ds = await setupDatasets(first, 'exp-crash');
    await ingestAnnAndBo(first, ds);
    // What a server leaves behind when it dies: one export half written, one not started.
    const scoped = first.store.scoped(ds.sandbox);
    const policyId = (await scoped.policies.list('PROFILE'))[0]?.id ?? '';
    const lastProgress = new Date(Date.now() - ABANDONED_AFTER_MS - 1000);
    await scoped.exports.insert(job('exp_crashed', 'IN_PROGRESS', policyId, lastProgress));
    await scoped.exports.insert(job('exp_queued', 'NEW', policyId));
    // Progress a moment ago: another server sharing the store may be running this one.
    await scoped.exports.insert(job('exp_elsewhere', 'IN_PROGRESS', policyId));
    await mkdir(join(dir, 'exports', ds.sandbox), { recursive: true });
    await writeFile(join(dir, 'exports', ds.sandbox, 'exp_crashed.ndjson.partial'), '{"half":');
    await first.stop();

    const second = await startTestServer(dir);
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
    } finally {
      await second.stop();
    }
  });

  it('fails a running export as interrupted when the server stops, leaving no file', async () => {
    const server = await startTestServer(dir, { exportPageSize: 1 });
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
});
