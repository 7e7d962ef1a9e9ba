import {
  BatchDocument,
  CompleteBatchDocument,
  CreateBatchDocument,
  type BatchFormat,
} from '../generated/graphql';
import { isFinished } from '../../src/domain/batch/Batch';
import { pollUntil } from '../support/pollUntil';
import type { TestServer } from '../support/testServer';

/** Uploads one file to a batch over HTTP, as a client would (raw body, PUT). */
export async function upload(
  server: TestServer,
  sandbox: string,
  batchId: string,
  name: string,
  body: string,
) {
  const base = server.url.replace('/graphql', '');
  const res = await fetch(`${base}/batches/${batchId}/files/${name}`, {
    method: 'PUT',
    headers: { 'x-sandbox-name': sandbox, 'content-type': 'application/octet-stream' },
    body,
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

/** Polls a batch until it is finished (or fails the test after 20 s). */
export async function waitForBatch(server: TestServer, sandbox: string, id: string, first = 50) {
  const batch = await pollUntil(
    async () => (await server.data(BatchDocument, { id, first }, { sandbox })).batch,
    (b) => b !== null && isFinished(b.status),
    (b) => `batch ${id} still ${b?.status ?? 'missing'}`,
    { everyMs: 50 },
  );
  if (batch === null) throw new Error(`batch ${id} is missing`);
  return batch;
}

/** createBatch → upload each file → completeBatch → wait: the whole batch flow. */
export async function runBatch(
  server: TestServer,
  sandbox: string,
  datasetId: string,
  format: BatchFormat,
  files: Record<string, string>,
) {
  const { createBatch } = await server.data(
    CreateBatchDocument,
    { input: { datasetId, format } },
    { sandbox },
  );
  for (const [name, body] of Object.entries(files)) {
    const res = await upload(server, sandbox, createBatch.id, name, body);
    if (res.status !== 201) throw new Error(`upload failed: ${JSON.stringify(res)}`);
  }
  await server.data(CompleteBatchDocument, { id: createBatch.id }, { sandbox });
  return waitForBatch(server, sandbox, createBatch.id);
}
