import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BatchApiUnavailable, batchIngest } from './batchIngest';
import { type BenchReport, newReport } from './BenchReport';
import { GraphQLClient } from './graphqlClient';
import { log } from './log';
import { type BenchOptions, parseOptions, type StageName, USAGE, UsageError } from './parseOptions';
import { printTable } from './printTable';
import { rawStore } from './rawStore';
import { formatMegabytes, readPeakRss } from './readPeakRss';
import { setupDataset } from './setupDataset';
import type { StageResult } from './StageResult';
import { type ServerProcess, startServer } from './startServer';
import { fillProfiles, streamingIngest } from './streamingIngest';
import { type LookupOptions, lookupStages } from './lookupStages';
import { seedLookupTargets } from './lookupTargets';
import { errorMessage } from './timing';
import { exportStage } from './exportStage';
import { GRAPH_USAGE, takeGraphOption } from './graphBackend';
import { realtimeCost } from './realtimeCost';
import { SUBSCRIBER_STAGE, subscriberLatency } from './subscriberLatency';
import { ACCOUNTS_STAGE, accountPeople } from './accountPeople';

// Compiled to dist/bench/run.js: the repository is two levels up.
const REPO_ROOT = resolve(__dirname, '..', '..');

/** Stages run in the `prod` sandbox, on one growing store; real-time ones make sandboxes. */
const PROD_STAGES: readonly StageName[] = ['lookups', 'streaming', 'raw', 'batch', 'export'];

/** What must be undone however the run ends. */
interface Running {
  tempDir: string;
  server: ServerProcess | undefined;
}

async function main(): Promise<number> {
  const options = readOptions(process.argv.slice(2));
  if (typeof options === 'number') return options;
  const running: Running = {
    tempDir: mkdtempSync(join(tmpdir(), 'tessera-bench-')),
    server: undefined,
  };
  guardExit(running);
  log(`temp dir ${running.tempDir}`);
  const report = newReport(options);
  try {
    await runStages(options, running, report);
  } catch (error) {
    // The stages done so far are still worth printing, with what stopped the run.
    console.error('bench failed:', error);
    report.error = errorMessage(error);
  } finally {
    await running.server?.stop();
    rmSync(running.tempDir, { recursive: true, force: true });
  }
  printTable(report.stages);
  const json = JSON.stringify(report);
  if (options.json !== undefined)
    writeFileSync(options.json, `${JSON.stringify(report, null, 2)}\n`);
  console.log(json);
  return report.error !== null || report.stages.some((s) => s.status === 'failed') ? 1 : 0;
}

async function runStages(options: BenchOptions, running: Running, report: BenchReport) {
  const server = await startServer(REPO_ROOT, join(running.tempDir, 'server'));
  running.server = server;
  log(`server pid ${server.pid} listening on ${server.baseUrl}`);
  const client = new GraphQLClient(`${server.baseUrl}/graphql`);
  const wants = (stage: StageName) => options.stages.includes(stage);
  if (PROD_STAGES.some(wants)) {
    await storeStages(options, running, report, server, client);
  }
  if (wants('subscribers')) {
    log(`subscriber latency: ${options.subscribers} subscriptions`);
    report.stages.push(await subscriberStage(options, client));
  }
  if (wants('realtime-cost')) {
    const { stages, cost } = await realtimeCostStage(options, client);
    report.realtimeCost = cost;
    report.stages.push(...stages);
  }
  if (wants('accounts')) {
    log(`accounts: one account with ${options.accountPeople} people`);
    report.stages.push(await accountsStage(options, client));
  }
  report.serverPeakRssBytes = readPeakRss(server.pid) ?? null;
}

/** The PROD_STAGES wanted: lookups, streaming, raw store, batch, lookups again, export. */
async function storeStages(
  options: BenchOptions,
  running: Running,
  report: BenchReport,
  server: ServerProcess,
  client: GraphQLClient,
) {
  const wants = (stage: StageName) => options.stages.includes(stage);
  const datasetId = await setupDataset(client);
  const dataDir = join(running.tempDir, 'server');
  const lookups = wants('lookups')
    ? await prepareLookups(options, client, datasetId, dataDir)
    : undefined;
  if (lookups !== undefined) report.stages.push(...(await lookupStages(lookups)));

  let streaming: StageResult | undefined;
  if (wants('streaming')) {
    log(`stage 1: streaming ${options.records} records (${options.clients} clients)`);
    streaming = await streamingIngest(client, datasetId, options);
    streaming.notes.push(peakRssNote(server.pid, 'server peak RSS'));
    report.stages.push(streaming);
  }

  if (wants('raw')) {
    log(`stage 2: raw store, ${options.records} records`);
    const rawDir = join(running.tempDir, 'raw');
    const raw = await rawStore(rawDir, datasetId, options.records, options.perCall);
    const streamingRate = streaming?.recordsPerSecond ?? null;
    if (streamingRate !== null && raw.recordsPerSecond !== null) {
      report.streamingToRawRatio = streamingRate / raw.recordsPerSecond;
      raw.notes.push(`streaming/raw = ${report.streamingToRawRatio.toFixed(3)}`);
    }
    report.stages.push(raw);
  }

  if (wants('batch')) {
    log(`stage 3: batch of ${options.batchRecords} records`);
    const batch = await batchStage(options, client, server, running.tempDir, datasetId);
    if (batch.status !== 'skipped') batch.notes.push(peakRssNote(server.pid, 'server peak RSS'));
    report.stages.push(batch);
  }

  if (lookups !== undefined) {
    log('lookups again, on the grown store');
    report.stages.push(...(await lookupStages(lookups)));
  }

  if (wants('export')) {
    log('stage 4: export of every profile to NDJSON');
    report.stages.push(await exportStage(client, server.baseUrl, server.pid));
  }
}

/** Seeds the profiles lookups read, and fills the store to `lookupFill` profiles. */
async function prepareLookups(
  options: BenchOptions,
  client: GraphQLClient,
  datasetId: string,
  dataDir: string,
): Promise<LookupOptions> {
  log(`lookup setup: ${options.lookupTargets} targets, filling to ${options.lookupFill} profiles`);
  await seedLookupTargets(client, datasetId, options.lookupTargets);
  await fillProfiles(client, datasetId, Math.max(0, options.lookupFill - options.lookupTargets));
  const { lookupTargets: targets, lookupSeconds: httpSeconds, clients: httpClients } = options;
  return { client, dataDir, targets, httpClients, httpSeconds };
}

/** Stage 3, reported as skipped while the batch API is missing and as failed on any error. */
async function batchStage(
  options: BenchOptions,
  client: GraphQLClient,
  server: ServerProcess,
  tempDir: string,
  datasetId: string,
): Promise<StageResult> {
  const failed = (status: 'skipped' | 'failed', note: string): StageResult =>
    failedRow('batch ingest (NDJSON)', status, options.batchRecords, note);
  try {
    return await batchIngest({
      client,
      baseUrl: server.baseUrl,
      tempDir,
      datasetId,
      records: options.batchRecords,
      timeoutSeconds: options.batchTimeoutSeconds,
    });
  } catch (error) {
    if (error instanceof BatchApiUnavailable) {
      const note = `skipped: batch API not available (${error.message})`;
      log(note);
      return failed('skipped', note);
    }
    log(`batch stage failed: ${errorMessage(error)}`);
    return failed('failed', `failed: ${errorMessage(error)}`);
  }
}

/** A row for a stage that could not run to the end, and why. */
const failedRow = (
  stage: string,
  status: 'skipped' | 'failed',
  records: number,
  note: string,
): StageResult => ({
  stage,
  status,
  records,
  seconds: null,
  recordsPerSecond: null,
  notes: [note],
  details: {},
});

/** Subscriber latency, reported as failed on any error (its WebSockets are closed by then). */
async function subscriberStage(options: BenchOptions, client: GraphQLClient): Promise<StageResult> {
  try {
    return await subscriberLatency(client, {
      subscribers: options.subscribers,
      connections: options.wsConnections,
      rate: options.subscriberRate,
      perCall: options.subscriberPerCall,
      seconds: options.subscriberSeconds,
    });
  } catch (error) {
    log(`subscriber latency failed: ${errorMessage(error)}`);
    const expected = options.subscriberRate * options.subscriberSeconds * options.subscriberPerCall;
    return failedRow(SUBSCRIBER_STAGE, 'failed', expected, `failed: ${errorMessage(error)}`);
  }
}

/** Real-time cost, reported as failed on any error. */
async function realtimeCostStage(
  options: BenchOptions,
  client: GraphQLClient,
): Promise<{ stages: StageResult[]; cost: number | null }> {
  try {
    return await realtimeCost(client, {
      records: options.costRecords,
      rounds: options.costRounds,
      clients: options.clients,
      perCall: options.perCall,
    });
  } catch (error) {
    log(`real-time cost failed: ${errorMessage(error)}`);
    const note = `failed: ${errorMessage(error)}`;
    return {
      stages: [failedRow('real-time cost', 'failed', options.costRecords, note)],
      cost: null,
    };
  }
}

/** An account's first page of people, reported as failed on any error. */
async function accountsStage(options: BenchOptions, client: GraphQLClient): Promise<StageResult> {
  try {
    return await accountPeople(client, {
      people: options.accountPeople,
      runs: options.accountRuns,
    });
  } catch (error) {
    log(`accounts failed: ${errorMessage(error)}`);
    return failedRow(
      ACCOUNTS_STAGE,
      'failed',
      options.accountRuns,
      `failed: ${errorMessage(error)}`,
    );
  }
}

const peakRssNote = (pid: number, label: string): string => {
  const bytes = readPeakRss(pid);
  return bytes === undefined
    ? `${label} n/a (/proc unavailable)`
    : `${label} ${formatMegabytes(bytes)}`;
};

function readOptions(argv: readonly string[]): BenchOptions | number {
  try {
    const options = parseOptions(takeGraphOption(argv));
    if (options !== 'help') return options;
    console.log(`${USAGE}\n${GRAPH_USAGE}`);
    return 0;
  } catch (error) {
    // parseArgs throws TypeErrors for unknown flags; both are the user's to fix.
    if (error instanceof UsageError || error instanceof TypeError) {
      console.error(`${error.message}\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}

/**
 * However the process ends — an error, Ctrl-C, SIGTERM — the server child is killed and the
 * temp dir removed. On a signal the server is killed outright: its data is thrown away anyway.
 */
function guardExit(running: Running): void {
  const cleanUp = () => {
    running.server?.killNow();
    rmSync(running.tempDir, { recursive: true, force: true });
  };
  process.on('exit', cleanUp);
  const onSignal = (signal: NodeJS.Signals) => {
    log(`${signal}: stopping`);
    cleanUp();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error('bench failed:', error);
    process.exitCode = 1;
  },
);
