import { parseArgs } from 'node:util';

/** The stages `--only` and `--skip` name; `lookups` are both lookup rounds. */
export const STAGE_NAMES = [
  'lookups',
  'streaming',
  'raw',
  'batch',
  'export',
  'subscribers',
  'realtime-cost',
  'accounts',
] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** Names that stand for several stages. */
const STAGE_GROUPS: Readonly<Record<string, readonly StageName[]>> = {
  realtime: ['subscribers', 'realtime-cost'],
};

export interface BenchOptions {
  /** The stages to run, in STAGE_NAMES order. */
  stages: StageName[];
  /** Records streamed through the `ingest` mutation (and written to the raw store). */
  records: number;
  /** Records in the NDJSON batch file. */
  batchRecords: number;
  /** Concurrent streaming clients. */
  clients: number;
  /** Records per `ingest` call (the API takes at most 1000). */
  perCall: number;
  /** Longest wait for a batch to finish, in seconds. */
  batchTimeoutSeconds: number;
  /** Profiles in the store (with the lookup targets) when lookups are first measured. */
  lookupFill: number;
  /** Profiles of 10 identities and 5 fragments that lookups read. */
  lookupTargets: number;
  /** Seconds of HTTP lookups per measurement. */
  lookupSeconds: number;
  /** Profiles watched by one `profileUpdated` subscription each. */
  subscribers: number;
  /** WebSockets the subscriptions are spread over. */
  wsConnections: number;
  /** Ingest calls per second while subscriber latency is measured. */
  subscriberRate: number;
  /** Records per such call, each changing a different subscribed profile. */
  subscriberPerCall: number;
  /** Seconds subscriber latency is measured for. */
  subscriberSeconds: number;
  /** Profile records plus events per real-time cost run. */
  costRecords: number;
  costRounds: number;
  /** People related to the one account whose first page of people is read. */
  accountPeople: number;
  /** Reads of that first page measured. */
  accountRuns: number;
  /** Where to write the JSON results, besides stdout's last line. */
  json: string | undefined;
}

export const USAGE = `usage: npm run bench -- [options]
  --records N          records streamed through GraphQL ingest (default 100000)
  --batch-records N    records in the NDJSON batch file (default 1000000)
  --clients N          concurrent streaming clients (default 4)
  --per-call N         records per ingest call, at most 1000 (default 500)
  --batch-timeout S    longest wait for the batch to finish, seconds (default 900)
  --lookup-fill N       profiles in the store at the first lookup measurement (default 10000)
  --lookup-targets N   profiles of 10 identities / 5 fragments to look up (default 1000)
  --lookup-seconds S   seconds of HTTP lookups per measurement (default 10)
  --subscribers N      profiles with a profileUpdated subscription each (default 1000)
  --ws-connections N   WebSockets those subscriptions share (default 10)
  --sub-rate N         ingest calls per second while measuring their latency (default 20)
  --sub-per-call N     records per such call, at most --subscribers (default 25)
  --sub-seconds S      seconds of that steady ingest (default 10)
  --cost-records N     records and events (half each) per real-time cost run (default 20000)
  --cost-rounds N      alternating rounds without and with rules; medians kept (default 3)
  --account-people N   people related to one account, for its first page (default 10000)
  --account-runs N     reads of that first page measured (default 200)
  --only LIST          run only these stages, comma-separated: lookups, streaming, raw,
                       batch, export, subscribers, realtime-cost, accounts;
                       realtime = subscribers and realtime-cost
  --skip LIST          run all stages but these (same names)
  --json PATH          also write the results as JSON to PATH
  --help               show this`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Reads the command line; a bad value is a UsageError naming the flag. */
export function parseOptions(argv: readonly string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      records: { type: 'string' },
      'batch-records': { type: 'string' },
      clients: { type: 'string' },
      'per-call': { type: 'string' },
      'batch-timeout': { type: 'string' },
      'lookup-fill': { type: 'string' },
      'lookup-targets': { type: 'string' },
      'lookup-seconds': { type: 'string' },
      subscribers: { type: 'string' },
      'ws-connections': { type: 'string' },
      'sub-rate': { type: 'string' },
      'sub-per-call': { type: 'string' },
      'sub-seconds': { type: 'string' },
      'cost-records': { type: 'string' },
      'cost-rounds': { type: 'string' },
      'account-people': { type: 'string' },
      'account-runs': { type: 'string' },
      only: { type: 'string' },
      skip: { type: 'string' },
      json: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help === true) return 'help';
  const subscribers = positiveInt('--subscribers', values.subscribers, 1000, 100_000);
  const subscriberPerCall = positiveInt('--sub-per-call', values['sub-per-call'], 25, 1000);
  // A call changes each profile at most once: more records than profiles could never be sent.
  if (subscriberPerCall > subscribers) {
    throw new UsageError(`--sub-per-call (${subscriberPerCall}) must not exceed --subscribers`);
  }
  return {
    stages: chooseStages(values.only, values.skip),
    records: positiveInt('--records', values.records, 100_000),
    batchRecords: positiveInt('--batch-records', values['batch-records'], 1_000_000),
    clients: positiveInt('--clients', values.clients, 4, 64),
    perCall: positiveInt('--per-call', values['per-call'], 500, 1000),
    batchTimeoutSeconds: positiveInt('--batch-timeout', values['batch-timeout'], 900),
    lookupFill: positiveInt('--lookup-fill', values['lookup-fill'], 10_000),
    lookupTargets: positiveInt('--lookup-targets', values['lookup-targets'], 1000, 100_000),
    lookupSeconds: positiveInt('--lookup-seconds', values['lookup-seconds'], 10, 600),
    subscribers,
    wsConnections: positiveInt('--ws-connections', values['ws-connections'], 10, subscribers),
    subscriberRate: positiveInt('--sub-rate', values['sub-rate'], 20, 1000),
    subscriberPerCall,
    subscriberSeconds: positiveInt('--sub-seconds', values['sub-seconds'], 10, 600),
    costRecords: positiveInt('--cost-records', values['cost-records'], 20_000),
    costRounds: positiveInt('--cost-rounds', values['cost-rounds'], 3),
    accountPeople: positiveInt('--account-people', values['account-people'], 10_000, 1_000_000),
    accountRuns: positiveInt('--account-runs', values['account-runs'], 200, 100_000),
    json: values.json,
  };
}

/** Every stage, or those `--only` names, less those `--skip` names. */
function chooseStages(only: string | undefined, skip: string | undefined): StageName[] {
  const chosen = only === undefined ? [...STAGE_NAMES] : stageList('--only', only);
  const skipped = skip === undefined ? [] : stageList('--skip', skip);
  return chosen.filter((stage) => !skipped.includes(stage));
}

function stageList(flag: string, raw: string): StageName[] {
  const named = new Set<StageName>();
  for (const name of raw.split(',').map((n) => n.trim())) {
    const stages =
      STAGE_GROUPS[name] ?? STAGE_NAMES.filter((stage) => stage === (name as StageName));
    if (stages.length === 0) {
      const known = [...STAGE_NAMES, ...Object.keys(STAGE_GROUPS)].join(', ');
      throw new UsageError(`${flag}: unknown stage "${name}"; stages are ${known}`);
    }
    for (const stage of stages) named.add(stage);
  }
  return STAGE_NAMES.filter((stage) => named.has(stage));
}

function positiveInt(
  flag: string,
  raw: string | undefined,
  fallback: number,
  max = 100_000_000,
): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new UsageError(`${flag} must be a whole number from 1 to ${max}; got "${raw}"`);
  }
  return value;
}
