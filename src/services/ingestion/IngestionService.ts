import { badInput, notFound } from '../../domain/AppError';
import type { Dataset, XdmSchema } from '../../domain/catalog/types';
import type { Identity } from '../../domain/identity/Identity';
import { identityKey } from '../../domain/identity/Identity';
import { GraphWorkspace } from '../../domain/identity/GraphWorkspace';
import { DEFAULT_IDENTITY_SETTINGS } from '../../domain/identity/IdentitySettings';
import { observe } from '../../domain/identity/observe';
import {
  isPrepared,
  type PreparedRecord,
  type RejectedRecord,
} from '../../domain/ingestion/PreparedRecord';
import {
  type IngestOperation,
  prepareRecord,
  type RecordContext,
} from '../../domain/ingestion/prepareRecord';
import { applyToFragments } from '../../domain/profile/applyToFragments';
import { newEvents } from '../../domain/profile/newEvents';
import {
  isEmpty,
  type ProfileChange,
  type ProfileChangeKind,
  type ProfileChanges,
} from '../../domain/profile/ProfileChanges';
import type { RecordError } from '../../domain/records/RecordError';
import type { IdentityData } from '../../domain/status/GraphSummary';
import { newGraphSummaries } from '../../domain/status/newGraphSummaries';
import type { RecordValidators } from '../../domain/records/RecordValidators';
import type { SandboxStore } from '../../storage/ports';
import { namespacesByKey } from '../catalog/namespacesByKey';
import { newGraphId } from '../newGraphId';
import type { ServiceDeps } from '../ServiceDeps';

/** SEMANTICS §2: at most this many records per streaming call. */
export const MAX_RECORDS_PER_CALL = 1000;

export interface RecordResult {
  index: number;
  status: 'ACCEPTED' | 'REJECTED';
  identity: Identity | null;
  errors: RecordError[];
}

export interface IngestResult {
  accepted: number;
  rejected: number;
  results: RecordResult[];
}

export interface IngestRequest {
  datasetId: string;
  operation: IngestOperation;
  records: readonly unknown[];
  /** Set when a batch writes the records (events remember it for DELETE_EVENT_BATCH). */
  batchId?: string;
  /** Records that could not even be read (e.g. a line that is not JSON), by index. */
  unreadable?: ReadonlyMap<number, RecordError>;
}

/**
 * SEMANTICS §2–3: checks every record, then stores the good ones — identities and links,
 * fragments or events — in one transaction, and answers per record. One bad record never
 * fails its neighbours; what is stored is visible when this returns.
 */
export class IngestionService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly validators: RecordValidators,
  ) {}

  async ingest(request: IngestRequest, limit = MAX_RECORDS_PER_CALL): Promise<IngestResult> {
    if (request.records.length > limit) {
      throw badInput(
        'input.records',
        `at most ${limit} records per call; got ${request.records.length}`,
      );
    }
    const ctx = await this.context(request.datasetId, request.operation);
    const outcomes = request.records.map((raw, i): PreparedRecord | RejectedRecord => {
      const unreadable = request.unreadable?.get(i);
      if (unreadable !== undefined) return { index: i, errors: [unreadable], primary: undefined };
      return prepareRecord(raw, i, ctx);
    });
    const prepared = outcomes.filter(isPrepared);
    if (prepared.length > 0) {
      const changes = await this.deps.store.transaction((store) =>
        this.commit(store, ctx, prepared, request.batchId ?? null),
      );
      if (!isEmpty(changes)) this.deps.events.publish('profilesChanged', changes);
    }
    return summarise(outcomes);
  }

  /** What the records of one request (or one batch) are checked against. */
  async context(datasetId: string, operation: IngestOperation): Promise<RecordContext> {
    const { store } = this.deps;
    const [dataset] = await store.datasets.getMany([datasetId]);
    if (dataset === undefined)
      throw notFound('input.datasetId', `there is no dataset "${datasetId}"`);
    const [schema] = (await store.schemas.getMany([dataset.schemaId])) as [XdmSchema];
    const namespaces = await namespacesByKey(store);
    const settings = (await store.identities.settings()) ?? DEFAULT_IDENTITY_SETTINGS;
    return {
      dataset,
      schema,
      operation,
      namespaces,
      settings,
      validate: this.validators.forSchema(schema),
      validatePatch: this.validators.forPatch(schema),
    };
  }

  /**
   * Stores checked records through `store` — the caller's transaction, so a batch commits a
   * chunk together with its progress: identities and links, then fragments or events. Returns
   * what changed, for the caller to publish once its transaction has committed.
   */
  async commit(
    store: SandboxStore,
    ctx: RecordContext,
    records: PreparedRecord[],
    batchId: string | null,
  ): Promise<ProfileChanges> {
    const now = this.deps.clock().getTime();
    const ws = await linkIdentities(store, records, ctx, now);
    const isEvent = ctx.schema.class === 'EXPERIENCE_EVENT';
    // SEMANTICS §1: a dataset not enabled for profiles is kept out of them.
    const written = !ctx.dataset.profileEnabled
      ? NOTHING_WRITTEN
      : isEvent
        ? await storeEvents(store, records, ctx.dataset, batchId, now)
        : await storeFragments(store, records, ctx, now);
    // Every graph the records touched, before and after linking, for the store status.
    await this.deps.status.written(store, ws.graphIds(), now, newGraphSummaries(ws, written.data));
    this.deps.status.refresh();
    const graph = ws.graphChange();
    const kind = isEvent ? 'EVENT' : 'RECORD';
    return {
      at: now,
      graph: graph.identities.length > 0 ? graph : null,
      changes: profileChanges(written.keys, kind, ctx.dataset.id, ws),
    };
  }
}

async function linkIdentities(
  store: SandboxStore,
  records: PreparedRecord[],
  ctx: RecordContext,
  now: number,
): Promise<GraphWorkspace> {
  const keys = records.flatMap((r) => r.identities.map(identityKey));
  const ws = new GraphWorkspace(await store.identities.loadGraphsOf(keys), newGraphId);
  for (const record of records) {
    const observation = { identities: record.identities, dataset: ctx.dataset.id, at: now };
    observe(ws, { ...observation, link: ctx.dataset.identityEnabled }, ctx.settings);
  }
  await store.identities.save(ws.changes());
  return ws;
}

/**
 * SEMANTICS §6: one change per identity whose data was written (records ignored as stale and
 * events already stored change nothing), in the order first written.
 */
function profileChanges(
  writtenKeys: readonly string[],
  kind: ProfileChangeKind,
  datasetId: string,
  ws: GraphWorkspace,
): ProfileChange[] {
  return [...new Set(writtenKeys)].map((key) => {
    const graphId = ws.node(key)?.graphId ?? null;
    return { kind, identityKey: key, datasetId, graphId };
  });
}

/** What a write stored: the identities whose data it changed, and the rows it put. */
interface Written {
  keys: string[];
  data: IdentityData[];
}

const NOTHING_WRITTEN: Written = { keys: [], data: [] };

const rowOf = (identityKey: string, datasetId: string, isEvent: boolean): IdentityData => ({
  identityKey,
  datasetId,
  fragments: isEvent ? 0 : 1,
  events: isEvent ? 1 : 0,
});

async function storeFragments(
  store: SandboxStore,
  records: PreparedRecord[],
  ctx: RecordContext,
  now: number,
): Promise<Written> {
  const keys = records.map((r) => identityKey(r.primary));
  const current = await store.profiles.fragmentsOf(ctx.dataset.id, keys);
  const writes = applyToFragments(current, records, ctx.operation, ctx.dataset.id, now);
  await store.profiles.putFragments(writes.put);
  await store.profiles.deleteFragments(ctx.dataset.id, writes.deleted);
  return {
    keys: [...writes.put.map((f) => f.identityKey), ...writes.deleted],
    data: writes.put.map((f) => rowOf(f.identityKey, f.datasetId, false)),
  };
}

async function storeEvents(
  store: SandboxStore,
  records: PreparedRecord[],
  dataset: Dataset,
  batchId: string | null,
  now: number,
): Promise<Written> {
  const ids = records.flatMap((r) => (r.event ? [r.event.id] : []));
  const stored = await store.profiles.existingEventIds(dataset.id, ids);
  const events = newEvents(records, stored, dataset.id, batchId, now);
  await store.profiles.insertEvents(events);
  return {
    keys: events.map((e) => e.identityKey),
    data: events.map((e) => rowOf(e.identityKey, e.datasetId, true)),
  };
}

export function summarise(outcomes: readonly (PreparedRecord | RejectedRecord)[]): IngestResult {
  const results = outcomes.map((o): RecordResult =>
    isPrepared(o)
      ? { index: o.index, status: 'ACCEPTED', identity: o.primary, errors: o.warnings }
      : { index: o.index, status: 'REJECTED', identity: o.primary ?? null, errors: o.errors },
  );
  const accepted = results.filter((r) => r.status === 'ACCEPTED').length;
  return { accepted, rejected: results.length - accepted, results };
}
