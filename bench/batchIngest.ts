import { join } from 'node:path';
import { GraphQLRequestError, type GraphQLClient } from './graphqlClient';
import { RECORD_BASES } from './records';
import type { StageResult } from './StageResult';
import { rate, secondsSince, sleep } from './timing';
import { uploadFile } from './uploadFile';
import { writeNdjson } from './writeNdjson';

/** The batch API is missing from the server (not built yet): the stage is skipped. */
export class BatchApiUnavailable extends Error {
  override readonly name = 'BatchApiUnavailable';
}

export interface BatchOptions {
  client: GraphQLClient;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  tempDir: string;
  datasetId: string;
  records: number;
  timeoutSeconds: number;
}

interface BatchState {
  status: string;
  recordsTotal: number | null;
  recordsAccepted: number;
  recordsRejected: number;
}

const FILE_NAME = 'records.ndjson';
const POLL_INTERVAL_MS = 500;
const FINAL = new Set(['SUCCESS', 'PARTIAL', 'FAILED', 'ABORTED']);

/**
 * Stage 3: an NDJSON file of `records` records goes through the batch API end to end —
 * createBatch, PUT of the file, completeBatch, then polling until the batch is finished. The
 * rate counts from completeBatch to the final status seen (so within one poll interval).
 */
export async function batchIngest(options: BatchOptions): Promise<StageResult> {
  const filePath = join(options.tempDir, FILE_NAME);
  const generated = process.hrtime.bigint();
  const sizeBytes = await writeNdjson(filePath, RECORD_BASES.batch, options.records);
  const generateSeconds = secondsSince(generated);

  const batchId = await createBatch(options.client, options.datasetId);
  const uploaded = process.hrtime.bigint();
  await upload(options, batchId, filePath);
  const uploadSeconds = secondsSince(uploaded);

  const started = process.hrtime.bigint();
  await options.client.request(
    `mutation { completeBatch(id: ${JSON.stringify(batchId)}) { id status } }`,
  );
  const final = await pollUntilFinished(options.client, batchId, options.timeoutSeconds);
  const seconds = secondsSince(started);
  const megabytes = sizeBytes / 1024 / 1024;
  return {
    stage: 'batch ingest (NDJSON)',
    status: final.status === 'SUCCESS' || final.status === 'PARTIAL' ? 'ok' : 'failed',
    records: options.records,
    seconds,
    recordsPerSecond: rate(options.records, seconds),
    notes: [
      `status ${final.status}: ${final.recordsAccepted} accepted, ${final.recordsRejected} rejected`,
      `file ${megabytes.toFixed(0)} MB, upload ${uploadSeconds.toFixed(1)} s`,
    ],
    details: {
      batchId,
      batchStatus: final.status,
      recordsTotal: final.recordsTotal,
      recordsAccepted: final.recordsAccepted,
      recordsRejected: final.recordsRejected,
      fileBytes: sizeBytes,
      generateSeconds,
      uploadSeconds,
    },
  };
}

async function createBatch(client: GraphQLClient, datasetId: string): Promise<string> {
  try {
    const { createBatch } = await client.request<{ createBatch: { id: string; status: string } }>(
      `mutation {
        createBatch(input: { datasetId: ${JSON.stringify(datasetId)}, format: NDJSON, operation: CREATE }) {
          id
          status
        }
      }`,
    );
    return createBatch.id;
  } catch (error) {
    // A schema without the batch mutation fails validation: the API is not there (yet).
    if (error instanceof GraphQLRequestError && error.codes.includes('GRAPHQL_VALIDATION_FAILED')) {
      throw new BatchApiUnavailable(`createBatch: ${error.message}`);
    }
    throw error;
  }
}

async function upload(options: BatchOptions, batchId: string, filePath: string): Promise<void> {
  const path = `/batches/${encodeURIComponent(batchId)}/files/${FILE_NAME}`;
  // Generous: even a slow disk moves a 1M-record file in well under this.
  const timeoutMs = Math.max(60_000, options.timeoutSeconds * 1000);
  const answer = await uploadFile(
    new URL(path, options.baseUrl),
    filePath,
    'application/x-ndjson',
    timeoutMs,
  );
  if (answer.status === 404 && !answer.body.trimStart().startsWith('{')) {
    // Express's own 404 (HTML): no such route, as opposed to the API's JSON "no such batch".
    throw new BatchApiUnavailable(`PUT ${path} answered 404 (no upload route)`);
  }
  if (answer.status !== 201) {
    throw new Error(`PUT ${path} answered ${answer.status}: ${answer.body.slice(0, 300)}`);
  }
}

async function pollUntilFinished(
  client: GraphQLClient,
  batchId: string,
  timeoutSeconds: number,
): Promise<BatchState> {
  const deadline = Date.now() + timeoutSeconds * 1000;
  const query = `query {
    batch(id: ${JSON.stringify(batchId)}) { status recordsTotal recordsAccepted recordsRejected }
  }`;
  let last: BatchState | null = null;
  while (Date.now() < deadline) {
    await sleep(POLL_INTERVAL_MS);
    const { batch } = await client.request<{ batch: BatchState | null }>(query);
    if (batch === null) throw new Error(`batch ${batchId} not found while polling`);
    last = batch;
    if (FINAL.has(batch.status)) return batch;
  }
  const seen = last === null ? 'no answer' : `${last.status}, ${last.recordsAccepted} accepted`;
  throw new Error(`batch ${batchId} not finished after ${timeoutSeconds} s (last: ${seen})`);
}
