import { parseArgs } from 'node:util';

export interface BenchOptions {
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
      json: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help === true) return 'help';
  return {
    records: positiveInt('--records', values.records, 100_000),
    batchRecords: positiveInt('--batch-records', values['batch-records'], 1_000_000),
    clients: positiveInt('--clients', values.clients, 4, 64),
    perCall: positiveInt('--per-call', values['per-call'], 500, 1000),
    batchTimeoutSeconds: positiveInt('--batch-timeout', values['batch-timeout'], 900),
    lookupFill: positiveInt('--lookup-fill', values['lookup-fill'], 10_000),
    lookupTargets: positiveInt('--lookup-targets', values['lookup-targets'], 1000, 100_000),
    lookupSeconds: positiveInt('--lookup-seconds', values['lookup-seconds'], 10, 600),
    json: values.json,
  };
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
