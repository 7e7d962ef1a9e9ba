import type { GraphQLClient } from './graphqlClient';
import { log } from './log';
import { formatMs } from './percentiles';
import { floorOverHttp, lookupInProcess, lookupOverHttp, profilesOverHttp } from './profileLookup';
import type { StageResult } from './StageResult';
import { storeStatusRead } from './storeStatusRead';

export interface LookupOptions {
  client: GraphQLClient;
  /** The server's data directory, opened again in this process for in-process lookups. */
  dataDir: string;
  /** Profiles seeded by seedLookupTargets. */
  targets: number;
  httpClients: number;
  httpSeconds: number;
}

const stage = (
  name: string,
  count: number,
  seconds: number,
  notes: string[],
  details: StageResult['details'],
): StageResult => ({
  stage: name,
  status: 'ok',
  records: count,
  seconds,
  recordsPerSecond: seconds > 0 ? count / seconds : null,
  notes,
  details,
});

/**
 * Profile-access measurements at the store's current size: the store status (whose profile count
 * labels the rows), one-profile lookups in-process and over HTTP, the HTTP floor (a request
 * that reads nothing, by the same clients), and `profiles` for 1000.
 */
export async function lookupStages(options: LookupOptions): Promise<StageResult[]> {
  const { client, targets } = options;
  const status = await storeStatusRead(client);
  const size = `${status.profileCount.toLocaleString('en-US')} profiles`;
  log(`lookups at ${size}`);
  const inProcess = await lookupInProcess(options.dataDir, targets, 5000);
  const http = await lookupOverHttp(client, targets, options.httpClients, options.httpSeconds);
  const floor = await floorOverHttp(client, options.httpClients, options.httpSeconds / 2);
  const batch = await profilesOverHttp(client, Math.min(1000, targets), 10);
  const at = (name: string) => `${name} @ ${size}`;
  return [
    stage(
      at('store status read'),
      21,
      0,
      [
        `first ${formatMs(status.firstMs)}`,
        `then p50 ${formatMs(status.p50)}`,
        `p99 ${formatMs(status.p99)}`,
        `${status.identityCount.toLocaleString('en-US')} identities`,
      ],
      {
        profiles: status.profileCount,
        firstMs: status.firstMs,
        p50Ms: status.p50,
        p99Ms: status.p99,
      },
    ),
    stage(
      at('lookup in-process'),
      inProcess.count,
      inProcess.seconds,
      [`p50 ${formatMs(inProcess.p50)}`, `p99 ${formatMs(inProcess.p99)}`, 'sequential'],
      { profiles: status.profileCount, p50Ms: inProcess.p50, p99Ms: inProcess.p99 },
    ),
    stage(
      at('lookup over HTTP'),
      http.count,
      http.seconds,
      [`p50 ${formatMs(http.p50)}`, `p99 ${formatMs(http.p99)}`, `${options.httpClients} clients`],
      { profiles: status.profileCount, p50Ms: http.p50, p99Ms: http.p99 },
    ),
    stage(
      at('HTTP floor: { __typename }'),
      floor.count,
      floor.seconds,
      [
        `p50 ${formatMs(floor.p50)}`,
        `p99 ${formatMs(floor.p99)}`,
        `${options.httpClients} clients`,
      ],
      { profiles: status.profileCount, p50Ms: floor.p50, p99Ms: floor.p99 },
    ),
    stage(
      at(`profiles(${Math.min(1000, targets)} identities)`),
      batch.count,
      batch.seconds,
      [`p50 ${formatMs(batch.p50)}`, `p99 ${formatMs(batch.p99)}`],
      { profiles: status.profileCount, p50Ms: batch.p50, p99Ms: batch.p99 },
    ),
  ];
}
