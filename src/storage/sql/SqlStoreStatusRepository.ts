import type { Kysely } from 'kysely';
import type { GraphSummary } from '../../domain/status/GraphSummary';
import { type CounterKind, type StoreCounter, sumCounters } from '../../domain/status/StoreCounter';
import type { StaleGraph, StoreStatusRepository } from '../ports';
import { chunks } from './chunks';
import type { RowWriter } from './RowWriter';
import { time } from './rows';
import type { Tables } from './tables';

const LAST_INGESTED = 'lastIngestedAt';

export class SqlStoreStatusRepository implements StoreStatusRepository {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly sandbox: string,
    private readonly writer: RowWriter,
  ) {}

  async markStale(
    graphIds: readonly string[],
    ingestedAt?: number,
    known: readonly GraphSummary[] = [],
  ): Promise<void> {
    const summaries = new Map(known.map((s) => [s.graphId, s]));
    await this.writer.upsert(this.db, {
      table: 'stale_graphs',
      rows: [...new Set(graphIds)].map((graph_id) => {
        const summary = summaries.get(graph_id);
        return { sandbox: this.sandbox, graph_id, summary: summaryJson(summary) };
      }),
      key: ['sandbox', 'graph_id'],
      update: ['summary'],
    });
    if (ingestedAt === undefined) return;
    const row = { sandbox: this.sandbox, kind: LAST_INGESTED, key: '', n: ingestedAt };
    await this.db
      .insertInto('store_counters')
      .values(row)
      .onConflict((oc) =>
        oc
          .columns(['sandbox', 'kind', 'key'])
          .doUpdateSet({ n: (eb) => eb.ref('excluded.n') })
          .where('excluded.n', '>', (eb) => eb.ref('store_counters.n')),
      )
      .execute();
  }

  async markAllStale(): Promise<void> {
    // One statement, so a restart never leaves the store half marked.
    await this.db
      .insertInto('stale_graphs')
      .columns(['sandbox', 'graph_id', 'summary'])
      .expression((eb) =>
        eb
          .selectFrom('graph_summaries')
          .select((s) => ['sandbox', 'graph_id', s.val(null).as('summary')])
          .where('sandbox', '=', this.sandbox),
      )
      .onConflict((oc) => oc.columns(['sandbox', 'graph_id']).doUpdateSet({ summary: null }))
      .execute();
  }

  async staleGraphs(limit: number): Promise<StaleGraph[]> {
    const rows = await this.db
      .selectFrom('stale_graphs')
      .select(['graph_id', 'summary'])
      .where('sandbox', '=', this.sandbox)
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      graphId: r.graph_id,
      known: r.summary === null ? null : { graphId: r.graph_id, ...parseSummary(r.summary) },
    }));
  }

  async summaries(graphIds: readonly string[]): Promise<GraphSummary[]> {
    const found: GraphSummary[] = [];
    for (const part of chunks([...new Set(graphIds)])) {
      const rows = await this.db
        .selectFrom('graph_summaries')
        .selectAll()
        .where('sandbox', '=', this.sandbox)
        .where('graph_id', 'in', part)
        .execute();
      for (const r of rows) {
        found.push({
          graphId: r.graph_id,
          datasets: JSON.parse(r.datasets) as GraphSummary['datasets'],
          namespaces: JSON.parse(r.namespaces) as GraphSummary['namespaces'],
        });
      }
    }
    return found;
  }

  async saveSummaries(
    graphIds: readonly string[],
    summaries: readonly GraphSummary[],
    deltas: readonly StoreCounter[],
  ): Promise<void> {
    for (const part of chunks(graphIds)) {
      for (const table of ['graph_summaries', 'stale_graphs'] as const) {
        await this.db
          .deleteFrom(table)
          .where('sandbox', '=', this.sandbox)
          .where('graph_id', 'in', part)
          .execute();
      }
    }
    await this.addSummaries(summaries, deltas);
  }

  async addSummaries(
    summaries: readonly GraphSummary[],
    deltas: readonly StoreCounter[],
  ): Promise<void> {
    await this.writer.upsert(this.db, {
      table: 'graph_summaries',
      rows: summaries.map((s) => ({
        sandbox: this.sandbox,
        graph_id: s.graphId,
        datasets: JSON.stringify(s.datasets),
        namespaces: JSON.stringify(s.namespaces),
      })),
      key: ['sandbox', 'graph_id'],
      update: ['datasets', 'namespaces'],
    });
    await this.addToCounters(deltas);
  }

  async counters(): Promise<{ counters: StoreCounter[]; lastIngestedAt: Date | null }> {
    const rows = await this.db
      .selectFrom('store_counters')
      .select(['kind', 'key', 'n'])
      .where('sandbox', '=', this.sandbox)
      .execute();
    const last = rows.find((r) => r.kind === LAST_INGESTED);
    const counters = rows
      .filter((r) => r.kind !== LAST_INGESTED && Number(r.n) !== 0)
      .map((r) => ({ kind: r.kind as CounterKind, key: r.key, n: Number(r.n) }));
    return { counters, lastIngestedAt: last === undefined ? null : time(last.n) };
  }

  private async addToCounters(deltas: readonly StoreCounter[]): Promise<void> {
    // Each key once per statement (PostgreSQL refuses to update a row twice in one upsert).
    for (const part of chunks(sumCounters(deltas), 4)) {
      await this.db
        .insertInto('store_counters')
        .values(part.map((d) => ({ sandbox: this.sandbox, kind: d.kind, key: d.key, n: d.n })))
        .onConflict((oc) =>
          oc.columns(['sandbox', 'kind', 'key']).doUpdateSet({
            n: (eb) => eb('store_counters.n', '+', eb.ref('excluded.n')),
          }),
        )
        .execute();
    }
  }
}

type SummaryParts = Pick<GraphSummary, 'datasets' | 'namespaces'>;

const summaryJson = (summary: GraphSummary | undefined): string | null =>
  summary === undefined
    ? null
    : JSON.stringify({ datasets: summary.datasets, namespaces: summary.namespaces });

const parseSummary = (json: string): SummaryParts => JSON.parse(json) as SummaryParts;
