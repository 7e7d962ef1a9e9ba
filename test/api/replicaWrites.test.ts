import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MainProcess, readyPort, startMain, waitFor } from '../support/mainProcess';

/**
 * Server processes on one embedded store, writing at the same time: each call waits for the
 * other's transaction instead of failing, and what both wrote adds up exactly. (The bus stays
 * in-process here: this is about the store, see twoReplicas.test.ts for Redis.)
 */
const dirs: string[] = [];
const running: MainProcess[] = [];
afterAll(() => {
  for (const main of running) main.child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-replica-writes-'));
  dirs.push(dir);
  return dir;
}

async function replica(dir: string): Promise<number> {
  const main = startMain({ PORT: '0', TESSERA_DATA: dir, LOG_LEVEL: 'info' });
  running.push(main);
  return readyPort(main);
}

interface Answer {
  data?: Record<string, Record<string, unknown>> | null;
  errors?: unknown[];
}

async function gql(port: number, query: string, variables = {}): Promise<Answer> {
  const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as Answer;
}

async function data(port: number, query: string, variables = {}) {
  const answer = await gql(port, query, variables);
  if (answer.errors !== undefined) throw new Error(JSON.stringify(answer.errors));
  return answer.data ?? {};
}

/** A profile dataset whose records link an email (primary) to a phone number. */
async function peopleDataset(port: number): Promise<string> {
  const { createSchema } = await data(
    port,
    `mutation { createSchema(input: { name: "People", class: PROFILE,
      fields: [{ path: "email", type: STRING }, { path: "phone", type: STRING }],
      identityDescriptors: [{ path: "email", namespace: "Email", primary: true },
                            { path: "phone", namespace: "Phone" }] }) { id } }`,
  );
  const schemaId = createSchema?.['id'];
  await data(port, 'mutation($id: ID!) { enableSchemaForProfile(schemaId: $id) { id } }', {
    id: schemaId,
  });
  const { createDataset } = await data(
    port,
    `mutation($s: ID!) { createDataset(input: { name: "CRM", schemaId: $s,
      profileEnabled: true, identityEnabled: true }) { id } }`,
    { s: schemaId },
  );
  return createDataset?.['id'] as string;
}

const INGEST =
  'mutation($d: ID!, $r: [JSON!]!) { ingest(input: { datasetId: $d, records: $r }) { accepted rejected } }';
const STATUS = '{ profileStoreStatus { profileCount identityCount fragmentCount } }';

const CALLS = 40;
const PER_CALL = 100;
const PHONES = 700;

test('two replicas ingesting into one store at once lose nothing and count exactly', async () => {
  const dir = dataDir();
  const ports = [await replica(dir), await replica(dir)];
  const datasetId = await peopleDataset(ports[0]!);
  // Every phone number is shared by records of several calls, on both replicas: the calls link
  // into graphs the other replica has just written.
  const answers = await Promise.all(
    Array.from({ length: CALLS }, (_, call) => {
      const records = Array.from({ length: PER_CALL }, (_, i) => ({
        email: `p${call}-${i}@example.com`,
        phone: `+1555${(call * PER_CALL + i) % PHONES}`,
      }));
      return gql(ports[call % 2]!, INGEST, { d: datasetId, r: records });
    }),
  );
  expect(answers.filter((a) => a.errors !== undefined)).toEqual([]);
  expect(answers.map((a) => a.data?.['ingest'])).toEqual(
    Array.from({ length: CALLS }, () => ({ accepted: PER_CALL, rejected: 0 })),
  );
  // One profile per phone number, holding it and every email given with it.
  const expected = {
    profileCount: PHONES,
    identityCount: PHONES + CALLS * PER_CALL,
    fragmentCount: CALLS * PER_CALL,
  };
  for (const port of ports) {
    expect((await data(port, STATUS))['profileStoreStatus']).toEqual(expected);
  }
}, 60_000);

const BATCH_RECORDS = 60_000;
/** 30 records a phone number: graphs stay under the size limit (50 identities). */
const BATCH_PHONES = 2_000;
const BATCH = 'query($id: ID!) { batch(id: $id) { status recordsAccepted recordsRejected } }';

test('a batch resumed by a second server while the first processes it is counted once', async () => {
  const dir = dataDir();
  const first = await replica(dir);
  const datasetId = await peopleDataset(first);
  const { createBatch } = await data(
    first,
    'mutation($d: ID!) { createBatch(input: { datasetId: $d, format: NDJSON }) { id } }',
    { d: datasetId },
  );
  const id = createBatch?.['id'] as string;
  const lines = Array.from({ length: BATCH_RECORDS }, (_, i) =>
    JSON.stringify({ email: `b${i}@example.com`, phone: `+1666${i % BATCH_PHONES}` }),
  );
  const put = await fetch(`http://127.0.0.1:${first}/batches/${id}/files/people.ndjson`, {
    method: 'PUT',
    body: lines.join('\n'),
  });
  expect(put.status).toBe(201);
  await data(first, 'mutation($id: ID!) { completeBatch(id: $id) { status } }', { id });
  const batch = async (port: number) =>
    (await data(port, BATCH, { id }))['batch'] as { status: string; recordsAccepted: number };
  await waitFor(async () => (await batch(first)).recordsAccepted > 0, 30_000, 'progress');
  // The second server resumes every PROCESSING batch at start-up, this one included.
  const second = await replica(dir);
  expect((await batch(second)).status).toBe('PROCESSING');
  await waitFor(async () => (await batch(second)).status !== 'PROCESSING', 60_000, 'the end');
  expect(await batch(first)).toEqual({
    status: 'SUCCESS',
    recordsAccepted: BATCH_RECORDS,
    recordsRejected: 0,
  });
  expect((await data(second, STATUS))['profileStoreStatus']).toEqual({
    profileCount: BATCH_PHONES,
    identityCount: BATCH_PHONES + BATCH_RECORDS,
    fragmentCount: BATCH_RECORDS,
  });
}, 120_000);
