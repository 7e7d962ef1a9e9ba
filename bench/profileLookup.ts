import 'reflect-metadata';
import { execute, parse } from 'graphql';
import pino from 'pino';
import { buildGraphQLSchema } from '../src/graphql/buildGraphQLSchema';
import { filesDir } from '../src/server/filesDir';
import { ContextFactory } from '../src/server/ContextFactory';
import { createPlatform } from '../src/server/createPlatform';
import { systemClock } from '../src/services/Clock';
import { SandboxService } from '../src/services/SandboxService';
import { openBenchStore } from './graphBackend';
import type { GraphQLClient } from './graphqlClient';
import { targetIdentity } from './lookupTargets';
import { percentile } from './percentiles';
import { secondsSince } from './timing';

/** What a client of the profile API typically asks for one profile. */
export const LOOKUP = `query Lookup($identity: IdentityInput!) {
  profile(identity: $identity) {
    identities { namespace id }
    attributes
    sources { id }
    lastModifiedAt
  }
}`;

const PROFILES = `query Profiles($identities: [IdentityInput!]!) {
  profiles(identities: $identities) { attributes sources { id } }
}`;

export interface Latencies {
  count: number;
  seconds: number;
  p50: number;
  p99: number;
}

const summarise = (samplesMs: number[], seconds: number): Latencies => ({
  count: samplesMs.length,
  seconds,
  p50: percentile(samplesMs, 50),
  p99: percentile(samplesMs, 99),
});

/**
 * Lookups executed in this process against the server's data directory: the whole GraphQL
 * execution (context, DataLoaders, store reads, merge) without HTTP, one at a time.
 */
export async function lookupInProcess(
  dataDir: string,
  targets: number,
  samples: number,
): Promise<Latencies> {
  const store = await openBenchStore(dataDir);
  try {
    const logger = pino({ level: 'silent' });
    const platform = createPlatform({ store, logger, filesDir: filesDir(dataDir) });
    const contexts = new ContextFactory(platform, new SandboxService(store, systemClock));
    const schema = await buildGraphQLSchema();
    const document = parse(LOOKUP);
    const once = async (i: number) => {
      const variableValues = { identity: targetIdentity(i % targets) };
      const contextValue = await contexts.forHeaders({});
      const result = await execute({ schema, document, contextValue, variableValues });
      if (result.errors !== undefined || result.data?.['profile'] == null)
        throw new Error(`lookup failed: ${JSON.stringify(result.errors ?? result.data)}`);
    };
    for (let i = 0; i < 200; i++) await once(i); // warm caches and the JIT
    const samplesMs: number[] = [];
    const started = process.hrtime.bigint();
    for (let i = 0; i < samples; i++) {
      const t = process.hrtime.bigint();
      await once(i * 7919); // a prime stride: consecutive lookups hit different profiles
      samplesMs.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return summarise(samplesMs, secondsSince(started));
  } finally {
    await store.close();
  }
}

/** `clients` concurrent clients, each sending `send(n)` (n counts requests) for `seconds`. */
async function overHttp(
  clients: number,
  seconds: number,
  send: (n: number) => Promise<void>,
): Promise<Latencies> {
  const samplesMs: number[] = [];
  const started = process.hrtime.bigint();
  const deadline = Date.now() + seconds * 1000;
  let next = 0;
  const worker = async () => {
    while (Date.now() < deadline) {
      const t = process.hrtime.bigint();
      await send(next++);
      samplesMs.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: clients }, worker));
  return summarise(samplesMs, secondsSince(started));
}

/** `clients` concurrent clients looking profiles up over HTTP for `seconds`. */
export function lookupOverHttp(
  client: GraphQLClient,
  targets: number,
  clients: number,
  seconds: number,
): Promise<Latencies> {
  return overHttp(clients, seconds, async (n) => {
    const identity = targetIdentity((n * 7919) % targets);
    const { profile } = await client.request<{ profile: unknown }>(LOOKUP, { identity });
    if (profile === null) throw new Error(`no profile for ${JSON.stringify(identity)}`);
  });
}

/**
 * The same clients asking only `{ __typename }`: what a GraphQL request costs over HTTP before
 * it reads anything, the ceiling of any lookup rate on this machine.
 */
export function floorOverHttp(
  client: GraphQLClient,
  clients: number,
  seconds: number,
): Promise<Latencies> {
  return overHttp(clients, seconds, async () => {
    const answer = await client.request<{ __typename: string }>('{ __typename }');
    if (answer.__typename !== 'Query') throw new Error(`unexpected ${JSON.stringify(answer)}`);
  });
}

/** `profiles` for `size` identities at once, `repeats` times. */
export async function profilesOverHttp(
  client: GraphQLClient,
  size: number,
  repeats: number,
): Promise<Latencies> {
  const identities = Array.from({ length: size }, (_, t) => targetIdentity(t));
  const samplesMs: number[] = [];
  const started = process.hrtime.bigint();
  for (let i = 0; i < repeats; i++) {
    const t = process.hrtime.bigint();
    const { profiles } = await client.request<{ profiles: unknown[] }>(PROFILES, { identities });
    if (profiles.some((p) => p === null)) throw new Error('a profiles lookup came back null');
    samplesMs.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return summarise(samplesMs, secondsSince(started));
}
