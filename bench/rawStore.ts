import { linkKey, type GraphLink, type GraphNode } from '../src/domain/identity/GraphNode';
import { identityKey } from '../src/domain/identity/Identity';
import type { GraphChanges } from '../src/domain/identity/GraphWorkspace';
import type { IdentityType } from '../src/domain/enumValues';
import type { Fragment } from '../src/domain/profile/Fragment';
import { openBenchStore } from './graphBackend';
import { type ProfileRecord, profileRecords, RECORD_BASES } from './records';
import type { StageResult } from './StageResult';
import { rate, secondsSince } from './timing';

const SANDBOX = 'prod';

interface Writes {
  changes: GraphChanges;
  fragments: Fragment[];
}

/**
 * Stage 2: the same records written straight through the store ports of a fresh SQLite store
 * (the graph in Neo4j under --graph neo4j) in this process — identities, links and fragments,
 * one transaction per `perTransaction` records — with no validation, no graph reads and no
 * graph rules. It is the ceiling the streaming path could reach on this machine; the time
 * includes building the rows (small next to SQLite's work).
 */
export async function rawStore(
  dataDir: string,
  datasetId: string,
  records: number,
  perTransaction: number,
): Promise<StageResult> {
  const store = await openBenchStore(dataDir);
  try {
    const sandbox = store.scoped(SANDBOX);
    const now = Date.now();
    const start = process.hrtime.bigint();
    for (let from = 0; from < records; from += perTransaction) {
      const chunk = profileRecords(
        RECORD_BASES.streaming,
        from,
        Math.min(records, from + perTransaction),
      );
      const writes = toWrites(chunk, datasetId, now);
      await sandbox.transaction(async (tx) => {
        await tx.identities.save(writes.changes);
        await tx.profiles.putFragments(writes.fragments);
      });
    }
    const seconds = secondsSince(start);
    return {
      stage: 'raw store (ports)',
      status: 'ok',
      records,
      seconds,
      recordsPerSecond: rate(records, seconds),
      notes: [`${perTransaction} records/transaction`],
      details: { recordsPerTransaction: perTransaction },
    };
  } finally {
    await store.close();
  }
}

/** What the ingestion path would store for new records: 3 nodes, 2 links, 1 fragment each. */
function toWrites(records: readonly ProfileRecord[], datasetId: string, now: number): Writes {
  const writes: Writes = { changes: { nodes: [], links: [], removedLinks: [] }, fragments: [] };
  for (const record of records) {
    // A new record forms a graph of its own; the id only has to be unique.
    const graphId = `graw.${record.crmId}`;
    const node = (namespace: string, id: string, type: IdentityType): GraphNode => {
      const identity = { namespace, id };
      return {
        ...identity,
        key: identityKey(identity),
        type,
        firstSeen: now,
        lastSeen: now,
        graphId,
      };
    };
    const primary = node('CRMID', record.crmId, 'PERSON');
    const others = [node('Email', record.email, 'EMAIL'), node('Phone', record.phone, 'PHONE')];
    writes.changes.nodes.push(primary, ...others);
    for (const other of others) writes.changes.links.push(link(primary, other, datasetId, now));
    writes.fragments.push({
      datasetId,
      identityKey: primary.key,
      attributes: { ...record },
      sourceUpdatedAt: null,
      updatedAt: now,
    });
  }
  return writes;
}

function link(x: GraphNode, y: GraphNode, datasetId: string, now: number): GraphLink {
  // Stored once, ends ordered by key (as GraphLink documents).
  const [a, b] = x.key < y.key ? [x.key, y.key] : [y.key, x.key];
  return {
    key: linkKey(a, b),
    a,
    b,
    datasets: [datasetId],
    firstSeen: now,
    lastSeen: now,
    graphId: x.graphId,
  };
}
