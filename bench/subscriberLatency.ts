import { createSandbox } from './createSandbox';
import { type Deliveries, DeliveryTracker } from './DeliveryTracker';
import type { GraphQLClient } from './graphqlClient';
import { ingest, type IngestInput } from './ingestCalls';
import { log } from './log';
import { percentile } from './percentiles';
import { ProfileSubscribers } from './ProfileSubscribers';
import { changedRecord, RECORD_BASES } from './records';
import { setupDataset } from './setupDataset';
import type { StageResult } from './StageResult';
import { type SteadyRun, steadyIngest } from './steadyIngest';
import { fillProfiles } from './streamingIngest';
import { rate, secondsSince, sleep } from './timing';

export interface SubscriberOptions {
  /** Profiles, one subscription each. */
  subscribers: number;
  /** WebSockets the subscriptions are spread over. */
  connections: number;
  /** Ingest calls per second while measuring. */
  rate: number;
  /** Records per call, each changing a different subscribed profile. */
  perCall: number;
  seconds: number;
}

export const SUBSCRIBER_STAGE = 'subscriber latency (graphql-ws)';
/** The p99 the real-time API aims for, from `ingest` returning to the subscriber. */
const TARGET_P99_MS = 100;
const REGISTER_TIMEOUT_MS = 60_000;
/** After registration: lets late warm-up updates arrive before measuring starts. */
const QUIET_MS = 1_000;
const DRAIN_TIMEOUT_MS = 10_000;

const BASE = RECORD_BASES.subscribers;
const identityOf = (n: number) => ({ namespace: 'CRMID', id: `CRM${BASE + n}` });

/**
 * In a fresh sandbox: `subscribers` profiles, a `profileUpdated(identity)` subscription on
 * each, then `rate` ingest calls a second for `seconds`, each record changing one subscribed
 * profile (round-robin, skipping one whose previous update has not arrived). Measures, per
 * update, the time from its ingest call's answer to its arrival.
 */
export async function subscriberLatency(
  client: GraphQLClient,
  options: SubscriberOptions,
): Promise<StageResult> {
  const { name, client: sandbox } = await createSandbox(client, 'bench-subscribers');
  const datasetId = await setupDataset(sandbox);
  await fillProfiles(sandbox, datasetId, options.subscribers, BASE);
  const tracker = new DeliveryTracker(options.subscribers);
  const wsUrl = sandbox.url.replace(/^http/, 'ws');
  const subscribers = new ProfileSubscribers(wsUrl, name, options.connections, tracker.onUpdate);
  try {
    for (let n = 0; n < options.subscribers; n++) subscribers.subscribe(n, identityOf(n));
    const registerSeconds = await register(sandbox, datasetId, tracker, subscribers);
    log(`${options.subscribers} subscriptions registered in ${registerSeconds.toFixed(1)} s`);
    await sleep(QUIET_MS);
    tracker.startMeasuring();
    const calls = Math.max(1, Math.round(options.rate * options.seconds));
    const nextCall = (call: number): IngestInput | undefined => {
      const touched = tracker.nextSubscribers(call, options.perCall);
      return touched.length === 0 ? undefined : input(datasetId, touched, call + 1);
    };
    const run = await steadyIngest(sandbox, { rate: options.rate, calls }, nextCall, (call, at) => {
      tracker.returned(call, at);
    });
    await tracker.drained(DRAIN_TIMEOUT_MS);
    return result(options, calls, run, tracker.results(), registerSeconds, subscribers.errors);
  } finally {
    await subscribers.close();
  }
}

/** One change for each of these subscribers' profiles, its points set to `points`. */
const input = (datasetId: string, subscribers: readonly number[], points: number): IngestInput => ({
  datasetId,
  operation: 'CREATE',
  records: subscribers.map((n) => changedRecord(BASE + n, points)),
});

/**
 * The server registers a subscription some time after receiving it, and a change made before
 * is not delivered: so every subscriber not yet reached gets a change, again and again, until
 * each has seen one. Returns how long that took.
 */
async function register(
  client: GraphQLClient,
  datasetId: string,
  tracker: DeliveryTracker,
  subscribers: ProfileSubscribers,
): Promise<number> {
  const start = process.hrtime.bigint();
  const deadline = Date.now() + REGISTER_TIMEOUT_MS;
  for (let round = 0; tracker.registered < tracker.subscribers; round++) {
    if (subscribers.errors.length > 0) throw new Error(subscribers.errors[0]);
    if (Date.now() > deadline) {
      const seen = `${tracker.registered} of ${tracker.subscribers}`;
      throw new Error(`only ${seen} subscriptions saw a change within ${REGISTER_TIMEOUT_MS} ms`);
    }
    const unseen = tracker.unseen();
    for (let i = 0; i < unseen.length; i += 1000) {
      // Negative points: no measured change looks like a warm-up one.
      await ingest(client, input(datasetId, unseen.slice(i, i + 1000), -1 - round));
    }
    await sleep(250);
  }
  return secondsSince(start);
}

const ms = (value: number): string => `${value.toFixed(Math.abs(value) < 10 ? 1 : 0)} ms`;
const spread = (label: string, samples: readonly number[]): string =>
  `${label} p50 ${ms(percentile(samples, 50))}, p99 ${ms(percentile(samples, 99))}`;

function result(
  options: SubscriberOptions,
  calls: number,
  run: SteadyRun,
  deliveries: Deliveries,
  registerSeconds: number,
  errors: readonly string[],
): StageResult {
  const { latenciesMs, sinceSendMs, sinceCommitMs } = deliveries;
  const p50 = percentile(latenciesMs, 50);
  const p99 = percentile(latenciesMs, 99);
  const max = percentile(latenciesMs, 100);
  const early = latenciesMs.filter((l) => l < 0).length;
  const callsPerSecond = run.sent / run.seconds;
  const perConnection = Math.ceil(options.subscribers / options.connections);
  const notes = [
    `${options.subscribers} subscriptions: ${options.connections} WebSockets x ${perConnection}`,
    `ingest return -> receipt p50 ${ms(p50)}, p99 ${ms(p99)}, max ${ms(max)}`,
    `p99 target ${TARGET_P99_MS} ms ${p99 < TARGET_P99_MS ? 'met' : 'MISSED'}`,
    `delivered ${deliveries.delivered}/${deliveries.expected}`,
    `${callsPerSecond.toFixed(1)} calls/s x ${options.perCall} (offered ${options.rate}/s)`,
    spread('ingest sent -> receipt', sinceSendMs),
    spread('commit -> receipt', sinceCommitMs),
    spread('ingest call', run.callLatenciesMs),
    'fields: kind identity { namespace id } at',
  ];
  if (early > 0) notes.push(`${early} arrived before their call returned`);
  if (deliveries.unexpected > 0) notes.push(`${deliveries.unexpected} unexpected`);
  if (deliveries.skipped > 0) {
    notes.push(`${deliveries.skipped} changes not sent: previous update still due`);
  }
  if (run.failed > 0) notes.push(`${run.failed} calls failed: ${run.firstError ?? ''}`);
  if (errors.length > 0) notes.push(`${errors.length} subscription errors: ${errors[0] ?? ''}`);
  return {
    stage: SUBSCRIBER_STAGE,
    status: run.failed > 0 || errors.length > 0 ? 'failed' : 'ok',
    records: deliveries.expected,
    seconds: run.seconds,
    recordsPerSecond: rate(run.accepted, run.seconds),
    notes,
    details: {
      subscriptions: options.subscribers,
      connections: options.connections,
      offeredCallsPerSecond: options.rate,
      achievedCallsPerSecond: callsPerSecond,
      recordsPerCall: options.perCall,
      calls,
      sentCalls: run.sent,
      expected: deliveries.expected,
      skipped: deliveries.skipped,
      delivered: deliveries.delivered,
      unexpected: deliveries.unexpected,
      latencyP50Ms: p50,
      latencyP99Ms: p99,
      latencyMaxMs: max,
      arrivedBeforeReturn: early,
      sinceSendP50Ms: percentile(sinceSendMs, 50),
      sinceSendP99Ms: percentile(sinceSendMs, 99),
      sinceCommitP50Ms: percentile(sinceCommitMs, 50),
      sinceCommitP99Ms: percentile(sinceCommitMs, 99),
      callLatencyP50Ms: percentile(run.callLatenciesMs, 50),
      callLatencyP99Ms: percentile(run.callLatenciesMs, 99),
      registerSeconds,
      failedCalls: run.failed,
      subscriptionErrors: errors.length,
    },
  };
}
