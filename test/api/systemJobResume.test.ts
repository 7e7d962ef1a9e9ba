import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SystemJob } from '../../src/domain/jobs/SystemJob';
import { StoreStatusDocument } from '../generated/graphql';
import { startTestServer } from '../support/testServer';
import { ingestInto, setupDatasets } from './ingestSetup';
import { waitForJob } from './jobsClient';

describe('system jobs survive a restart (SEMANTICS §4)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-jobs-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('resumes an interrupted job where its last chunk left off, counting each row once', async () => {
    const first = await startTestServer(dir);
    const ds = await setupDatasets(first, 'resume');
    const events = Array.from({ length: 7 }, (_, i) => ({
      _id: `e${i}`,
      timestamp: '2026-03-01T10:00:00Z',
      eventType: 'view',
      identityMap: { Email: [{ id: `p${i % 3}@example.com` }] },
    }));
    await ingestInto(first, ds, ds.web, events);
    // What the server leaves behind when it dies after committing the job's first chunk.
    const at = new Date();
    const job: SystemJob = {
      id: 'job_interrupted',
      type: 'TRUNCATE_DATASET',
      status: 'IN_PROGRESS',
      datasetId: ds.web,
      batchId: null,
      fragmentsDeleted: 0,
      eventsDeleted: 0,
      error: null,
      createdAt: at,
      updatedAt: at,
    };
    await first.store.scoped(ds.sandbox).transaction(async (tx) => {
      const deleted = await tx.profiles.deleteChunk(ds.web, null, 3);
      const { nodes } = await tx.identities.loadGraphsOf(deleted.identityKeys);
      await tx.status.markStale(nodes.map((n) => n.graphId));
      await tx.jobs.insert({ ...job, eventsDeleted: deleted.events });
    });
    await first.stop();

    const second = await startTestServer(dir);
    try {
      const done = await waitForJob(second, ds.sandbox, job.id);
      expect(done).toMatchObject({ status: 'SUCCESS', eventsDeleted: 7, fragmentsDeleted: 0 });
      const { profileStoreStatus } = await second.data(
        StoreStatusDocument,
        {},
        { sandbox: ds.sandbox },
      );
      expect(profileStoreStatus).toMatchObject({
        profileCount: 0,
        eventCount: 0,
        identityCount: 3,
      });
    } finally {
      await second.stop();
    }
  });
});
