import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { type MainProcess, readyPort, startMain, waitFor } from '../support/mainProcess';

const RECORDS = 30_000;
const BAD_EVERY = 1_000; // every 1000th record is rejected: failures must be counted once too

let dir: string;
const running: MainProcess[] = [];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tessera-crash-'));
});
afterAll(() => {
  for (const main of running) main.child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<
  (query: string, variables?: Record<string, unknown>) => Promise<Record<string, unknown>>
> {
  const main = startMain({ PORT: '0', TESSERA_DATA: dir, LOG_LEVEL: 'info' });
  running.push(main);
  const port = await readyPort(main);
  return async (query, variables) => {
    const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown };
    if (body.errors !== undefined) throw new Error(JSON.stringify(body.errors));
    return body.data ?? {};
  };
}

const BATCH =
  'query($id: ID!) { batch(id: $id) { status recordsAccepted recordsRejected failedRecords { totalCount } } }';

describe('a batch interrupted by a crash (SEMANTICS §2)', () => {
  it('resumes at start-up and counts every record exactly once', async () => {
    let gql = await start();
    const schema = (await gql(
      `mutation { createSchema(input: { name: "People", class: PROFILE, fields: [{ path: "crmId", type: STRING }, { path: "n", type: INTEGER }],
        identityDescriptors: [{ path: "crmId", namespace: "CRMID", primary: true }] }) { id } }`,
    )) as { createSchema: { id: string } };
    await gql('mutation($id: ID!) { enableSchemaForProfile(schemaId: $id) { id } }', {
      id: schema.createSchema.id,
    });
    const dataset = (await gql(
      'mutation($s: ID!) { createDataset(input: { name: "CRM", schemaId: $s, profileEnabled: true, identityEnabled: true }) { id } }',
      {
        s: schema.createSchema.id,
      },
    )) as { createDataset: { id: string } };
    const created = (await gql(
      'mutation($d: ID!) { createBatch(input: { datasetId: $d, format: NDJSON }) { id } }',
      {
        d: dataset.createDataset.id,
      },
    )) as { createBatch: { id: string } };
    const id = created.createBatch.id;
    const lines = Array.from({ length: RECORDS }, (_, i) =>
      JSON.stringify(
        i % BAD_EVERY === BAD_EVERY - 1 ? { crmId: `c${i}`, n: 'bad' } : { crmId: `c${i}`, n: i },
      ),
    );
    const port = Number(/"port":(\d+)/.exec(running[0]!.output())?.[1]);
    const put = await fetch(`http://127.0.0.1:${port}/batches/${id}/files/people.ndjson`, {
      method: 'PUT',
      body: lines.join('\n'),
    });
    expect(put.status).toBe(201);
    await gql('mutation($id: ID!) { completeBatch(id: $id) { status } }', { id });

    // Kill it hard once some, but not all, chunks are committed.
    const progress = async () =>
      (await gql(BATCH, { id })).batch as {
        status: string;
        recordsAccepted: number;
        recordsRejected: number;
      };
    await waitFor(
      async () => (await progress()).recordsAccepted >= 2_000,
      30_000,
      'the batch to make progress',
    );
    running[0]!.child.kill('SIGKILL');
    await running[0]!.exited;
    const before = await new Promise<number>((resolve) => {
      const db = new Database(join(dir, 'tessera.db'), { readonly: true });
      const row = db.prepare('select records_accepted as n from batches where id = ?').get(id) as {
        n: number;
      };
      db.close();
      resolve(row.n);
    });
    expect(before).toBeLessThan(RECORDS);

    gql = await start();
    await waitFor(
      async () => (await progress()).status !== 'PROCESSING',
      60_000,
      'the resumed batch to finish',
    );
    const done = (await gql(BATCH, { id })).batch as {
      status: string;
      recordsAccepted: number;
      recordsRejected: number;
      failedRecords: { totalCount: number };
    };
    const bad = RECORDS / BAD_EVERY;
    expect(done).toEqual({
      status: 'PARTIAL',
      recordsAccepted: RECORDS - bad,
      recordsRejected: bad,
      failedRecords: { totalCount: bad },
    });

    const db = new Database(join(dir, 'tessera.db'), { readonly: true });
    const fragments = db.prepare('select count(*) as n from fragments').get() as { n: number };
    const identities = db.prepare('select count(*) as n from identities').get() as { n: number };
    db.close();
    expect(fragments.n).toBe(RECORDS - bad);
    expect(identities.n).toBe(RECORDS - bad);
  }, 120_000);
});
