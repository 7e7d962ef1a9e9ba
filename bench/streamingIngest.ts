import type { GraphQLClient } from './graphqlClient';
import {
  ingest,
  ingestAllAccepted,
  type IngestInput,
  type IngestRun,
  runIngestCalls,
} from './ingestCalls';
import { percentile } from './percentiles';
import { profileRecords, RECORD_BASES } from './records';
import type { StageResult } from './StageResult';
import { rate } from './timing';

export interface StreamingOptions {
  records: number;
  clients: number;
  perCall: number;
}

const WARM_UP_CALLS = 2;

/** Call `call` of the streaming run: records `call * perCall` on, of the streaming base. */
export const streamingCall = (
  datasetId: string,
  options: StreamingOptions,
  call: number,
): IngestInput => {
  const from = call * options.perCall;
  const to = Math.min(options.records, from + options.perCall);
  return {
    datasetId,
    operation: 'CREATE',
    records: profileRecords(RECORD_BASES.streaming, from, to),
  };
};

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
  const run = await runIngestCalls(client, calls, options.clients, (call) =>
    streamingCall(datasetId, options, call),
  );
  return result(options, calls, run);
}

/** Untimed: `count` more one-record profiles, so a stage runs on a store of a known size. */
export async function fillProfiles(
  client: GraphQLClient,
  datasetId: string,
  count: number,
  base: number = RECORD_BASES.lookupFill,
): Promise<void> {
  for (let from = 0; from < count; from += 1000) {
    const records = profileRecords(base, from, Math.min(count, from + 1000));
    const counts = await ingest(client, { datasetId, operation: 'CREATE', records });
    if (counts.rejected > 0) throw new Error(`${counts.rejected} fill records rejected`);
  }
}

/**
 * Untimed calls first (records of their own): the server compiles its validators and warms up
 * its JIT, and a setup mistake shows as a clear error instead of a run of rejections.
 */
export async function warmUp(
  client: GraphQLClient,
  datasetId: string,
  perCall: number,
): Promise<void> {
  for (let call = 0; call < WARM_UP_CALLS; call++) {
    const records = profileRecords(RECORD_BASES.warmUp, call * perCall, (call + 1) * perCall);
    await ingestAllAccepted(client, { datasetId, operation: 'CREATE', records }, 'warm-up');
  }
}

function result(options: StreamingOptions, calls: number, run: IngestRun): StageResult {
  const { seconds, totals, latenciesMs } = run;
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
