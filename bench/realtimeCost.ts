import { createSandbox } from './createSandbox';
import { eventRecords } from './eventRecords';
import type { GraphQLClient } from './graphqlClient';
import { ingestAllAccepted, type IngestInput, type IngestRun, runIngestCalls } from './ingestCalls';
import { log } from './log';
import { percentile } from './percentiles';
import {
  COMPUTED_ATTRIBUTES,
  AUDIENCE_DEFINITIONS,
  defineRealtimeRules,
  totalMembers,
} from './realtimeRules';
import { RECORD_BASES } from './records';
import { setupDataset } from './setupDataset';
import { setupEventDataset } from './setupEventDataset';
import type { StageResult } from './StageResult';
import { type StreamingOptions, streamingCall, warmUp } from './streamingIngest';
import { rate, secondsSince } from './timing';

export interface CostOptions {
  /** Profile records plus events per measured run (half each). */
  records: number;
  clients: number;
  perCall: number;
  /** Rounds of (without, with), alternating, each in fresh sandboxes: the medians are kept. */
  rounds: number;
}

/** One measured run: its ingest, and how long the background work took to catch up after. */
interface MixedRun {
  records: number;
  run: IngestRun;
  catchUpMs: number;
  /** Audience memberships once caught up; null without audiences. */
  members: number | null;
}

const RULES = `${COMPUTED_ATTRIBUTES.length} computed + ${AUDIENCE_DEFINITIONS.length} audiences`;

/** The cost the real-time machinery may add to ingest throughput. */
const TARGET_COST = 0.3;

const STATUS = '{ profileStoreStatus { profileCount } }';

/**
 * The streaming stage's calls, clients and call size, in two fresh sandboxes: one with no
 * computed attributes or audiences, one with ten of each. Calls alternate between a call of
 * profile records (those of the streaming stage) and a call of events for the same profiles,
 * since audiences and computed attributes depend on both. Returns a row per sandbox and the
 * cost, 1 - (records/s with) / (records/s without).
 */
export async function realtimeCost(
  client: GraphQLClient,
  options: CostOptions,
): Promise<{ stages: StageResult[]; cost: number | null }> {
  const withouts: MixedRun[] = [];
  const withs: MixedRun[] = [];
  // Alternating rounds, the order swapped each round: a store that grows, or a noisy
  // neighbour, weighs on both sides alike.
  for (let round = 1; round <= options.rounds; round++) {
    for (const withRules of round % 2 === 1 ? [false, true] : [true, false]) {
      log(`real-time cost, round ${round}: ${withRules ? `with ${RULES}` : 'no rules'}`);
      const run = await mixedRun(client, options, withRules);
      (withRules ? withs : withouts).push(run);
    }
  }
  const costs = withs.map((w, i) => 1 - runRate(w) / runRate(withouts[i] as MixedRun));
  const result = rows(options, median(withouts), median(withs));
  result.stages[1]?.notes.push(
    `median of ${options.rounds} rounds; costs per round ${costs.map(pct).join(', ')}`,
  );
  return result;
}

const runRate = (m: MixedRun): number => m.records / m.run.seconds;

/** The run with the median rate (the lower middle one of an even number). */
function median(runs: readonly MixedRun[]): MixedRun {
  const sorted = [...runs].sort((a, b) => runRate(a) - runRate(b));
  return sorted[Math.floor((sorted.length - 1) / 2)] as MixedRun;
}

async function mixedRun(
  client: GraphQLClient,
  options: CostOptions,
  withRules: boolean,
): Promise<MixedRun> {
  const prefix = withRules ? 'bench-rt-rules' : 'bench-rt-plain';
  const { client: sandbox } = await createSandbox(client, prefix);
  const profiles = await setupDataset(sandbox);
  const events = await setupEventDataset(sandbox);
  if (withRules) await defineRealtimeRules(sandbox);
  // Event timestamps are relative to now, the same way in both runs.
  const nowMs = Date.now();
  await warmUp(sandbox, profiles, options.perCall);
  const warmEvents = eventRecords(RECORD_BASES.warmUp, 0, options.perCall, nowMs);
  await ingestAllAccepted(sandbox, eventInput(events, warmEvents), 'warm-up event');
  // The warm-up's background work is done before the clock starts.
  await sandbox.request(STATUS);

  const streaming: StreamingOptions = { ...options, records: Math.ceil(options.records / 2) };
  const blocks = Math.ceil(streaming.records / options.perCall);
  const run = await runIngestCalls(sandbox, blocks * 2, options.clients, (call) => {
    const block = Math.floor(call / 2);
    const recordCall = streamingCall(profiles, streaming, block);
    if (call % 2 === 0) return recordCall;
    const from = block * options.perCall;
    const to = from + recordCall.records.length;
    return eventInput(events, eventRecords(RECORD_BASES.streaming, from, to, nowMs));
  });
  // Reading the store status first finishes the pending pass over the changed profiles, which
  // also evaluates their audiences: its answer comes once everything has caught up.
  const caughtUp = process.hrtime.bigint();
  await sandbox.request(STATUS);
  const catchUpMs = secondsSince(caughtUp) * 1000;
  const members = withRules ? await totalMembers(sandbox) : null;
  return { records: streaming.records * 2, run, catchUpMs, members };
}

const eventInput = (datasetId: string, records: readonly unknown[]): IngestInput => ({
  datasetId,
  operation: 'CREATE',
  records,
});

const pct = (ratio: number): string => `${(ratio * 100).toFixed(1)}%`;

function rows(
  options: CostOptions,
  without: MixedRun,
  withRules: MixedRun,
): { stages: StageResult[]; cost: number | null } {
  const plainRate = rate(without.records, without.run.seconds);
  const rulesRate = rate(withRules.records, withRules.run.seconds);
  const cost = plainRate !== null && rulesRate !== null ? 1 - rulesRate / plainRate : null;
  // Throughput counting the background catch-up too: work deferred past the last call.
  const settled = (m: MixedRun) => m.records / (m.run.seconds + m.catchUpMs / 1000);
  const settledCost = 1 - settled(withRules) / settled(without);
  const plainRow = row('real-time cost: ingest, no rules', options, without, [
    `caught up ${without.catchUpMs.toFixed(0)} ms after the last call`,
  ]);
  const verdict = (c: number) =>
    `target < ${pct(TARGET_COST)} ${c < TARGET_COST ? 'met' : 'MISSED'}`;
  const rulesRow = row(`real-time cost: ingest, ${RULES}`, options, withRules, [
    cost === null ? 'cost n/a' : `cost ${pct(cost)} (${verdict(cost)})`,
    `audiences caught up ${withRules.catchUpMs.toFixed(0)} ms after the last call`,
    `cost counting catch-up ${pct(settledCost)}`,
    `${withRules.members ?? 0} memberships`,
  ]);
  rulesRow.details['cost'] = cost;
  rulesRow.details['costWithCatchUp'] = settledCost;
  rulesRow.details['memberships'] = withRules.members;
  return { stages: [plainRow, rulesRow], cost };
}

function row(name: string, options: CostOptions, m: MixedRun, extra: string[]): StageResult {
  const { seconds, totals, latenciesMs } = m.run;
  const p50 = percentile(latenciesMs, 50);
  const p99 = percentile(latenciesMs, 99);
  const notes = [
    `${options.clients} clients x ${options.perCall}/call, record and event calls alternating`,
    ...extra,
    `call p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms`,
  ];
  if (totals.rejected > 0) notes.push(`${totals.rejected} rejected`);
  return {
    stage: name,
    status: 'ok',
    records: m.records,
    seconds,
    recordsPerSecond: rate(m.records, seconds),
    notes,
    details: {
      clients: options.clients,
      recordsPerCall: options.perCall,
      profileRecords: m.records / 2,
      events: m.records / 2,
      accepted: totals.accepted,
      rejected: totals.rejected,
      callLatencyP50Ms: p50,
      callLatencyP99Ms: p99,
      catchUpMs: m.catchUpMs,
    },
  };
}
