import type { GraphQLClient } from './graphqlClient';
import { percentile } from './percentiles';
import { profileRecords, RECORD_BASES } from './records';
import type { StageResult } from './StageResult';
import { rate, secondsSince } from './timing';

export interface StreamingOptions {
  records: number;
  clients: number;
  perCall: number;
}

interface IngestCounts {
  ingest: { accepted: number; rejected: number };
}

interface DetailedIngest {
  ingest: {
    accepted: number;
    rejected: number;
    results: { index: number; status: string; errors: { code: string; message: string }[] }[];
  };
}

// Only the counts: per-record results would make the answer as large as the request.
const INGEST = `mutation Ingest($input: IngestInput!) {
  ingest(input: $input) { accepted rejected }
}`;

const INGEST_DETAILED = `mutation IngestDetailed($input: IngestInput!) {
  ingest(input: $input) { accepted rejected results { index status errors { code message } } }
}`;

const WARM_UP_CALLS = 2;

/**
 * Stage 1: `clients` concurrent clients stream the records through the `ingest` mutation,
 * `perCall` per call, each taking the next call number until all are sent. Wall time runs from
 * the first request to the last answer.
 */
export async function streamingIngest(
  client: GraphQLClient,
  datasetId: string,
  options: StreamingOptions,
): Promise<StageResult> {
  await warmUp(client, datasetId, options.perCall);
  const calls = Math.ceil(options.records / options.perCall);
  const latenciesMs: number[] = [];
  const totals = { accepted: 0, rejected: 0 };
  let next = 0;
  let failed = false;
  const worker = async () => {
    // Bounded: each iteration takes a distinct call number below `calls`.
    for (let call = next++; call < calls && !failed; call = next++) {
      const from = call * options.perCall;
      const to = Math.min(options.records, from + options.perCall);
      const records = profileRecords(RECORD_BASES.streaming, from, to);
      const sent = process.hrtime.bigint();
      try {
        const { ingest } = await client.request<IngestCounts>(INGEST, {
          input: { datasetId, operation: 'CREATE', records },
        });
        totals.accepted += ingest.accepted;
        totals.rejected += ingest.rejected;
      } catch (error) {
        failed = true; // the other clients stop at their next call
        throw error;
      }
      latenciesMs.push(secondsSince(sent) * 1000);
    }
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: options.clients }, worker));
  const seconds = secondsSince(start);
  return result(options, calls, seconds, totals, latenciesMs);
}

/** Untimed: `count` more one-record profiles, so lookups run on a store of a known size. */
export async function fillProfiles(
  client: GraphQLClient,
  datasetId: string,
  count: number,
): Promise<void> {
  for (let from = 0; from < count; from += 1000) {
    const records = profileRecords(RECORD_BASES.lookupFill, from, Math.min(count, from + 1000));
    const { ingest } = await client.request<IngestCounts>(INGEST, {
      input: { datasetId, operation: 'CREATE', records },
    });
    if (ingest.rejected > 0) throw new Error(`${ingest.rejected} fill records rejected`);
  }
}

/**
 * Untimed calls first (records of their own): the server compiles its validators and warms up
 * its JIT, and a setup mistake shows as a clear error instead of a run of rejections.
 */
async function warmUp(client: GraphQLClient, datasetId: string, perCall: number): Promise<void> {
  for (let call = 0; call < WARM_UP_CALLS; call++) {
    const records = profileRecords(RECORD_BASES.warmUp, call * perCall, (call + 1) * perCall);
    const { ingest } = await client.request<DetailedIngest>(INGEST_DETAILED, {
      input: { datasetId, operation: 'CREATE', records },
    });
    const rejected = ingest.results.find((r) => r.status === 'REJECTED');
    if (rejected !== undefined) {
      throw new Error(`warm-up record rejected: ${JSON.stringify(rejected.errors)}`);
    }
  }
}

function result(
  options: StreamingOptions,
  calls: number,
  seconds: number,
  totals: { accepted: number; rejected: number },
  latenciesMs: number[],
): StageResult {
  const p50 = percentile(latenciesMs, 50);
  const p99 = percentile(latenciesMs, 99);
  const notes = [
    `${options.clients} clients x ${options.perCall}/call`,
    `call latency p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms`,
  ];
  if (totals.rejected > 0) notes.push(`${totals.rejected} rejected`);
  return {
    stage: 'streaming ingest (GraphQL)',
    status: 'ok',
    records: options.records,
    seconds,
    recordsPerSecond: rate(options.records, seconds),
    notes,
    details: {
      clients: options.clients,
      recordsPerCall: options.perCall,
      calls,
      accepted: totals.accepted,
      rejected: totals.rejected,
      callLatencyP50Ms: p50,
      callLatencyP99Ms: p99,
    },
  };
}
