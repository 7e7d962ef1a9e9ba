import type { GraphQLClient } from './graphqlClient';
import { secondsSince } from './timing';

/** What one `ingest` call sends. */
export interface IngestInput {
  datasetId: string;
  operation: 'CREATE';
  records: readonly unknown[];
}

export interface IngestCounts {
  accepted: number;
  rejected: number;
}

/** What `runIngestCalls` measured. */
export interface IngestRun {
  /** From the first request to the last answer. */
  seconds: number;
  totals: IngestCounts;
  latenciesMs: number[];
}

interface RecordResult {
  index: number;
  status: string;
  errors: { code: string; message: string }[];
}

// Only the counts: per-record results would make the answer as large as the request.
const INGEST = `mutation Ingest($input: IngestInput!) {
  ingest(input: $input) { accepted rejected }
}`;

const INGEST_DETAILED = `mutation IngestDetailed($input: IngestInput!) {
  ingest(input: $input) { accepted rejected results { index status errors { code message } } }
}`;

/** One `ingest` call; its counts. */
export async function ingest(client: GraphQLClient, input: IngestInput): Promise<IngestCounts> {
  const { ingest: counts } = await client.request<{ ingest: IngestCounts }>(INGEST, { input });
  return counts;
}

/**
 * One call whose records must all be accepted, asking for per-record results: a setup mistake
 * shows as the first rejection's errors instead of a run of rejections.
 */
export async function ingestAllAccepted(
  client: GraphQLClient,
  input: IngestInput,
  what: string,
): Promise<void> {
  const { ingest: answer } = await client.request<{ ingest: { results: RecordResult[] } }>(
    INGEST_DETAILED,
    { input },
  );
  const rejected = answer.results.find((r) => r.status === 'REJECTED');
  if (rejected !== undefined) {
    throw new Error(`${what} record rejected: ${JSON.stringify(rejected.errors)}`);
  }
}

/**
 * `clients` concurrent clients send calls 0 to `calls - 1`, each taking the next call number
 * until all are sent; `inputFor` says what a call sends. The first error stops the others at
 * their next call and is thrown.
 */
export async function runIngestCalls(
  client: GraphQLClient,
  calls: number,
  clients: number,
  inputFor: (call: number) => IngestInput,
): Promise<IngestRun> {
  const latenciesMs: number[] = [];
  const totals = { accepted: 0, rejected: 0 };
  let next = 0;
  let failed = false;
  const worker = async () => {
    // Bounded: each iteration takes a distinct call number below `calls`.
    for (let call = next++; call < calls && !failed; call = next++) {
      const input = inputFor(call);
      const sent = process.hrtime.bigint();
      try {
        const counts = await ingest(client, input);
        totals.accepted += counts.accepted;
        totals.rejected += counts.rejected;
      } catch (error) {
        failed = true;
        throw error;
      }
      latenciesMs.push(secondsSince(sent) * 1000);
    }
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: clients }, worker));
  return { seconds: secondsSince(start), totals, latenciesMs };
}
