import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Audience } from '../../src/domain/audiences/Audience';
import { AudienceDocument, StoreStatusDocument } from '../generated/graphql';
import { pollUntil } from '../support/pollUntil';
import { startTestServer } from '../support/testServer';
import { ingestInto, setupDatasets } from './ingestSetup';

describe('an audience evaluation survives a restart (SEMANTICS §5)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tessera-audience-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('evaluates, after a restart, the existing profiles a new audience had not reached', async () => {
    const first = await startTestServer(dir);
    const ds = await setupDatasets(first, 'aud-resume');
    await ingestInto(
      first,
      ds,
      ds.crm,
      [41, 52, 30].map((age, i) => ({ crmId: `c${i}`, person: { age } })),
    );
    // A status read finishes the pass over the changed graphs: the audience below misses it.
    await first.data(StoreStatusDocument, {}, { sandbox: ds.sandbox });
    // What a server leaves behind when it dies right after creating an audience.
    const at = new Date();
    const audience: Audience = {
      id: 'aud_interrupted',
      name: 'Over 40',
      description: null,
      condition: { attribute: { path: 'person.age', op: 'GTE', value: 40 } },
      mergePolicyId: (await first.store.scoped(ds.sandbox).policies.list('PROFILE'))[0]?.id ?? '',
      backfill: { done: false, cursor: null, evaluated: 0 },
      createdAt: at,
      updatedAt: at,
    };
    await first.store.scoped(ds.sandbox).audiences.insert(audience);
    await first.stop();

    const second = await startTestServer(dir);
    try {
      const read = () =>
        second.data(AudienceDocument, { id: audience.id }, { sandbox: ds.sandbox });
      const { audience: done } = await pollUntil(
        read,
        (r) => r.audience?.evaluation.done === true,
        (r) => `evaluation: ${JSON.stringify(r.audience?.evaluation)}`,
      );
      expect(done?.memberCount).toBe(2);
      expect(done?.evaluation.evaluated).toBe(3);
    } finally {
      await second.stop();
    }
  });
});
