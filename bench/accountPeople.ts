import { createSandbox } from './createSandbox';
import type { GraphQLClient } from './graphqlClient';
import { ingestAllAccepted } from './ingestCalls';
import { log } from './log';
import { formatMs, percentile } from './percentiles';
import { createEnabledDataset } from './setupDataset';
import type { StageResult } from './StageResult';
import { secondsSince, sleep } from './timing';

export const ACCOUNTS_STAGE = 'account people, first page';

/** Issue target: the first page of an account with 10,000 people, at p99. */
const TARGET_MS = 20;
const PER_CALL = 1000;
const WARM_UP_RUNS = 10;
const ACCOUNT = { namespace: 'B2BAccount', id: 'acme' };

const FIRST_PAGE = `query Account($identity: IdentityInput!) {
  account(identity: $identity) {
    peopleCount
    people(first: 100) {
      totalCount
      edges { cursor node { identities { namespace id } attributes } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

interface FirstPage {
  account: { peopleCount: number; people: { edges: unknown[] } } | null;
}

export interface AccountOptions {
  /** People related to the one account. */
  people: number;
  /** Measured reads of the first page. */
  runs: number;
}

/**
 * In a sandbox of its own: one account and `people` person profiles related to it, ingested
 * through the API; once the background pass has related them all, `runs` sequential reads of
 * the account with `peopleCount` and its first 100 people, over HTTP.
 */
export async function accountPeople(
  root: GraphQLClient,
  options: AccountOptions,
): Promise<StageResult> {
  const { client } = await createSandbox(root, 'bench-accounts');
  const { accounts, people } = await setupDatasets(client);
  await ingestAllAccepted(
    client,
    { datasetId: accounts, operation: 'CREATE', records: [{ accountId: ACCOUNT.id }] },
    'account',
  );
  for (let from = 0; from < options.people; from += PER_CALL) {
    const records = Array.from({ length: Math.min(PER_CALL, options.people - from) }, (_, i) => ({
      crmId: `person-${(from + i).toString().padStart(6, '0')}`,
      email: `person-${from + i}@acme.example`,
      b2b: { accountKey: ACCOUNT.id },
    }));
    await ingestAllAccepted(client, { datasetId: people, operation: 'CREATE', records }, 'person');
  }
  const related = await untilRelated(client, options.people);
  log(`accounts: ${options.people} people related ${related.toFixed(1)} s after the last ingest`);
  const samples = await firstPageLatencies(client, options.runs, Math.min(100, options.people));
  const seconds = samples.reduce((a, b) => a + b, 0) / 1000;
  const [p50, p99] = [percentile(samples, 50), percentile(samples, 99)];
  const again = await relatedAgain(client, options.people);
  log(`accounts: ${options.people} people related again ${again.toFixed(1)} s after a new default`);
  return {
    stage: `${ACCOUNTS_STAGE} (${options.people.toLocaleString('en-US')} people)`,
    status: 'ok',
    records: options.runs,
    seconds,
    recordsPerSecond: seconds > 0 ? options.runs / seconds : null,
    notes: [
      `p50 ${formatMs(p50)}`,
      `p99 ${formatMs(p99)}`,
      `target < ${TARGET_MS} ms: ${p99 < TARGET_MS ? 'met' : 'missed'}`,
      `related ${related.toFixed(1)} s after ingest`,
      `again ${again.toFixed(1)} s after a new default policy`,
    ],
    details: {
      people: options.people,
      p50Ms: p50,
      p99Ms: p99,
      relatedSeconds: related,
      relatedAgainSeconds: again,
    },
  };
}

/** An ACCOUNT dataset keyed by B2BAccount, and a person dataset relating to it. */
async function setupDatasets(client: GraphQLClient): Promise<{ accounts: string; people: string }> {
  const accountSchema = {
    name: 'Bench accounts',
    class: 'ACCOUNT',
    fields: [{ path: 'accountId', type: 'STRING', required: true }],
    identityDescriptors: [{ path: 'accountId', namespace: 'B2BAccount', primary: true }],
  };
  const personSchema = {
    name: 'Bench B2B people',
    class: 'PROFILE',
    fields: [
      { path: 'crmId', type: 'STRING', required: true },
      { path: 'email', type: 'STRING' },
      { path: 'b2b.accountKey', type: 'STRING' },
    ],
    identityDescriptors: [
      { path: 'crmId', namespace: 'CRMID', primary: true },
      { path: 'email', namespace: 'Email' },
    ],
    relationships: [{ path: 'b2b.accountKey', namespace: 'B2BAccount' }],
  };
  return {
    accounts: await createEnabledDataset(client, accountSchema, 'Bench accounts'),
    people: await createEnabledDataset(client, personSchema, 'Bench B2B people'),
  };
}

/** Waits for the background pass to relate every person; how many seconds that took. */
async function untilRelated(client: GraphQLClient, people: number): Promise<number> {
  const started = process.hrtime.bigint();
  const deadline = Date.now() + 120_000;
  for (;;) {
    const { account } = await client.request<FirstPage>(FIRST_PAGE, { identity: ACCOUNT });
    if (account?.peopleCount === people) return secondsSince(started);
    if (Date.now() > deadline) {
      throw new Error(`only ${account?.peopleCount ?? 0} of ${people} people related after 120 s`);
    }
    await sleep(100);
  }
}

/**
 * A new default PROFILE policy relates every person again (SEMANTICS §8): seconds from the
 * mutation until a store status read returns, which waits for the whole background pass.
 */
async function relatedAgain(client: GraphQLClient, people: number): Promise<number> {
  const started = process.hrtime.bigint();
  await client.request(NEW_DEFAULT, {
    input: { name: 'Bench default', schemaClass: 'PROFILE', isDefault: true },
  });
  await client.request('{ profileStoreStatus { profileCount } }', {});
  const seconds = secondsSince(started);
  const { account } = await client.request<FirstPage>(FIRST_PAGE, { identity: ACCOUNT });
  if (account?.peopleCount !== people) {
    throw new Error(`${account?.peopleCount ?? 0} of ${people} people related again`);
  }
  return seconds;
}

const NEW_DEFAULT = `mutation NewDefault($input: CreateMergePolicyInput!) {
  createMergePolicy(input: $input) { id }
}`;

/** Milliseconds per read of the first page, after a few unmeasured ones. */
async function firstPageLatencies(
  client: GraphQLClient,
  runs: number,
  pageSize: number,
): Promise<number[]> {
  const samples: number[] = [];
  for (let run = -WARM_UP_RUNS; run < runs; run++) {
    const sent = process.hrtime.bigint();
    const { account } = await client.request<FirstPage>(FIRST_PAGE, { identity: ACCOUNT });
    const ms = secondsSince(sent) * 1000;
    if (account?.people.edges.length !== pageSize) {
      throw new Error(`the first page has ${account?.people.edges.length ?? 0} people`);
    }
    if (run >= 0) samples.push(ms);
  }
  return samples;
}
