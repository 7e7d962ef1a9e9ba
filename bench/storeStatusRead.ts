import type { GraphQLClient } from './graphqlClient';
import { percentile } from './percentiles';

const STATUS = `{ profileStoreStatus {
  profileCount fragmentCount eventCount identityCount
  byDataset { dataset { id } profileCount percentage }
  byNamespace { namespace identityCount profileCount }
  datasetOverlap { keys profileCount }
  namespaceOverlap { keys profileCount }
} }`;

interface Status {
  profileStoreStatus: { profileCount: number; fragmentCount: number; identityCount: number };
}

export interface StatusRead {
  /** The first read also brings the counters up to date with recent writes. */
  firstMs: number;
  p50: number;
  p99: number;
  profileCount: number;
  fragmentCount: number;
  identityCount: number;
}

/** Reads `profileStoreStatus` over HTTP: once, then `repeats` more times for the spread. */
export async function storeStatusRead(client: GraphQLClient, repeats = 20): Promise<StatusRead> {
  const read = async () => {
    const t = process.hrtime.bigint();
    const { profileStoreStatus } = await client.request<Status>(STATUS);
    return { ms: Number(process.hrtime.bigint() - t) / 1e6, status: profileStoreStatus };
  };
  const first = await read();
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) samples.push((await read()).ms);
  return {
    firstMs: first.ms,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    ...first.status,
  };
}
