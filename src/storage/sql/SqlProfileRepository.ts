import { type Kysely, sql } from 'kysely';
import type { EventQuery, Fragment, StoredEvent } from '../../domain/profile/Fragment';
import type { IdentityData } from '../../domain/status/GraphSummary';
import type { DeletedRows, ProfileRepository } from '../ports';
import { chunks } from './chunks';
import type { RowWriter } from './RowWriter';
import type { Tables } from './tables';
import type { CompiledQueries } from './CompiledQueries';

export class SqlProfileRepository implements ProfileRepository {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly sandbox: string,
    private readonly writer: RowWriter,
    private readonly queries: CompiledQueries,
  ) {}

  async fragmentsOfIdentities(identityKeys: readonly string[]): Promise<Fragment[]> {
    const found: Fragment[] = [];
    for (const part of chunks([...new Set(identityKeys)])) {
      const shape = `profiles.fragmentsOfIdentities/${part.length}`;
      const rows = await this.queries.rows(this.db, shape, [this.sandbox, ...part], () =>
        this.db
          .selectFrom('fragments')
          .selectAll()
          .where('sandbox', '=', this.sandbox)
          .where('identity_key', 'in', part),
      );
      found.push(...rows.map(fragmentFromRow));
    }
    return found;
  }

  async eventsOf(identityKeys: readonly string[], query: EventQuery): Promise<StoredEvent[]> {
    if (identityKeys.length === 0) return [];
    const [cmp, dir] = query.order === 'ASC' ? (['>', 'asc'] as const) : (['<', 'desc'] as const);
    let select = this.db
      .selectFrom('events')
      .selectAll()
      .where('sandbox', '=', this.sandbox)
      .where('identity_key', 'in', [...identityKeys]);
    if (query.from !== undefined) select = select.where('timestamp', '>=', query.from);
    if (query.to !== undefined) select = select.where('timestamp', '<', query.to);
    const after = query.after;
    if (after !== undefined) {
      // Keyset paging: strictly after (timestamp, event_id, dataset_id) in the order asked.
      select = select.where((eb) =>
        eb.or([
          eb('timestamp', cmp, after.timestamp),
          eb.and([
            eb('timestamp', '=', after.timestamp),
            eb.or([
              eb('event_id', cmp, after.eventId),
              eb.and([eb('event_id', '=', after.eventId), eb('dataset_id', cmp, after.datasetId)]),
            ]),
          ]),
        ]),
      );
    }
    const rows = await select
      .orderBy('timestamp', dir)
      .orderBy('event_id', dir)
      .orderBy('dataset_id', dir)
      .limit(query.limit)
      .execute();
    return rows.map(eventFromRow);
  }

  async identitiesWithEvents(identityKeys: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const part of chunks([...new Set(identityKeys)])) {
      const shape = `profiles.identitiesWithEvents/${part.length}`;
      const rows = await this.queries.rows(this.db, shape, [this.sandbox, ...part], () =>
        this.db
          .selectFrom('events')
          .select('identity_key')
          .distinct()
          .where('sandbox', '=', this.sandbox)
          .where('identity_key', 'in', part),
      );
      for (const r of rows) found.add(r.identity_key);
    }
    return found;
  }

  async fragmentsOf(
    datasetId: string,
    identityKeys: readonly string[],
  ): Promise<Map<string, Fragment>> {
    const found = new Map<string, Fragment>();
    for (const part of chunks([...new Set(identityKeys)])) {
      const rows = await this.db
        .selectFrom('fragments')
        .selectAll()
        .where('sandbox', '=', this.sandbox)
        .where('dataset_id', '=', datasetId)
        .where('identity_key', 'in', part)
        .execute();
      for (const r of rows) found.set(r.identity_key, fragmentFromRow(r));
    }
    return found;
  }

  async putFragments(fragments: readonly Fragment[]): Promise<void> {
    await this.writer.upsert(this.db, {
      table: 'fragments',
      rows: fragments.map((f) => fragmentToRow(this.sandbox, f)),
      key: ['sandbox', 'dataset_id', 'identity_key'],
      update: ['attributes', 'source_updated_at', 'updated_at'],
    });
  }

  async deleteFragments(datasetId: string, identityKeys: readonly string[]): Promise<number> {
    let deleted = 0;
    for (const part of chunks(identityKeys)) {
      const result = await this.db
        .deleteFrom('fragments')
        .where('sandbox', '=', this.sandbox)
        .where('dataset_id', '=', datasetId)
        .where('identity_key', 'in', part)
        .executeTakeFirst();
      deleted += Number(result.numDeletedRows);
    }
    return deleted;
  }

  async deleteAllOf(
    identityKeys: readonly string[],
  ): Promise<{ fragments: number; events: number }> {
    const deleted = { fragments: 0, events: 0 };
    for (const part of chunks([...new Set(identityKeys)])) {
      const [fragments, events] = await Promise.all([
        this.db
          .deleteFrom('fragments')
          .where('sandbox', '=', this.sandbox)
          .where('identity_key', 'in', part)
          .executeTakeFirst(),
        this.db
          .deleteFrom('events')
          .where('sandbox', '=', this.sandbox)
          .where('identity_key', 'in', part)
          .executeTakeFirst(),
      ]);
      deleted.fragments += Number(fragments.numDeletedRows);
      deleted.events += Number(events.numDeletedRows);
    }
    return deleted;
  }

  async existingEventIds(datasetId: string, eventIds: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const part of chunks([...new Set(eventIds)])) {
      const rows = await this.db
        .selectFrom('events')
        .select('event_id')
        .where('sandbox', '=', this.sandbox)
        .where('dataset_id', '=', datasetId)
        .where('event_id', 'in', part)
        .execute();
      for (const r of rows) found.add(r.event_id);
    }
    return found;
  }

  async insertEvents(events: readonly StoredEvent[]): Promise<void> {
    await this.writer.upsert(this.db, {
      table: 'events',
      rows: events.map((e) => ({
        sandbox: this.sandbox,
        dataset_id: e.datasetId,
        event_id: e.eventId,
        identity_key: e.identityKey,
        timestamp: e.timestamp,
        data: JSON.stringify(e.data),
        batch_id: e.batchId,
        ingested_at: e.ingestedAt,
      })),
      key: ['sandbox', 'dataset_id', 'event_id'],
      update: [],
    });
  }

  async dataOf(identityKeys: readonly string[]): Promise<IdentityData[]> {
    const data = new Map<string, IdentityData>();
    const entry = (identityKey: string, datasetId: string) => {
      const id = `${identityKey}\u0000${datasetId}`;
      let found = data.get(id);
      if (found === undefined) {
        found = { identityKey, datasetId, fragments: 0, events: 0 };
        data.set(id, found);
      }
      return found;
    };
    for (const part of chunks([...new Set(identityKeys)])) {
      for (const r of await this.countByIdentity('fragments', part)) {
        entry(r.identity_key, r.dataset_id).fragments += Number(r.n);
      }
      for (const r of await this.countByIdentity('events', part)) {
        entry(r.identity_key, r.dataset_id).events += Number(r.n);
      }
    }
    return [...data.values()];
  }

  async deleteChunk(
    datasetId: string,
    batchId: string | null,
    limit: number,
  ): Promise<DeletedRows> {
    const fragments = batchId === null ? await this.deleteFragmentChunk(datasetId, limit) : [];
    const events = await this.deleteEventChunk(datasetId, batchId, limit - fragments.length);
    return {
      identityKeys: [...new Set([...fragments, ...events.map((e) => e.identity_key)])],
      fragments: fragments.length,
      events: events.length,
    };
  }

  private countByIdentity(table: 'fragments' | 'events', identityKeys: string[]) {
    return this.db
      .selectFrom(table)
      .select(['identity_key', 'dataset_id', count])
      .where('sandbox', '=', this.sandbox)
      .where('identity_key', 'in', identityKeys)
      .groupBy(['identity_key', 'dataset_id'])
      .execute();
  }

  /** Deletes up to `limit` fragments of a dataset; returns their identity keys. */
  private async deleteFragmentChunk(datasetId: string, limit: number): Promise<string[]> {
    const rows = await this.db
      .selectFrom('fragments')
      .select('identity_key')
      .where('sandbox', '=', this.sandbox)
      .where('dataset_id', '=', datasetId)
      .limit(limit)
      .execute();
    const keys = rows.map((r) => r.identity_key);
    await this.deleteFragments(datasetId, keys);
    return keys;
  }

  /** Deletes up to `limit` events of a dataset (of one batch, when given). */
  private async deleteEventChunk(datasetId: string, batchId: string | null, limit: number) {
    if (limit <= 0) return [];
    let select = this.db
      .selectFrom('events')
      .select(['event_id', 'identity_key'])
      .where('sandbox', '=', this.sandbox)
      .where('dataset_id', '=', datasetId);
    if (batchId !== null) select = select.where('batch_id', '=', batchId);
    const rows = await select.limit(limit).execute();
    for (const part of chunks(rows.map((r) => r.event_id))) {
      await this.db
        .deleteFrom('events')
        .where('sandbox', '=', this.sandbox)
        .where('dataset_id', '=', datasetId)
        .where('event_id', 'in', part)
        .execute();
    }
    return rows;
  }
}

const count = sql<number | string>`count(*)`.as('n');

const eventFromRow = (r: Tables['events']): StoredEvent => ({
  datasetId: r.dataset_id,
  eventId: r.event_id,
  identityKey: r.identity_key,
  timestamp: Number(r.timestamp),
  data: JSON.parse(r.data) as Record<string, unknown>,
  batchId: r.batch_id,
  ingestedAt: Number(r.ingested_at),
});

const fragmentFromRow = (r: Tables['fragments']): Fragment => ({
  datasetId: r.dataset_id,
  identityKey: r.identity_key,
  attributes: JSON.parse(r.attributes) as Record<string, unknown>,
  sourceUpdatedAt: r.source_updated_at === null ? null : Number(r.source_updated_at),
  updatedAt: Number(r.updated_at),
});

const fragmentToRow = (sandbox: string, f: Fragment): Tables['fragments'] => ({
  sandbox,
  dataset_id: f.datasetId,
  identity_key: f.identityKey,
  attributes: JSON.stringify(f.attributes),
  source_updated_at: f.sourceUpdatedAt,
  updated_at: f.updatedAt,
});
