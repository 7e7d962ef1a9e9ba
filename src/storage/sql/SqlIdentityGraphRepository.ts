import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import type { IdentityType } from '../../domain/enumValues';
import type { GraphLink, GraphNode } from '../../domain/identity/GraphNode';
import type { GraphChanges } from '../../domain/identity/GraphWorkspace';
import type { IdentitySettings } from '../../domain/identity/IdentitySettings';
import type { IdentityGraphRepository } from '../ports';
import { chunks } from './chunks';
import type { RowWriter } from './RowWriter';
import type { Tables } from './tables';
import type { CompiledQueries } from './CompiledQueries';

type Graph = { nodes: GraphNode[]; links: GraphLink[] };

/** Up to this many keys, a graph's identities and links each find its ids in a subquery. */
const SUBQUERY_KEYS = 64;
type GraphIds = string[] | SelectQueryBuilder<Tables, 'identities', { graph_id: string }>;

export class SqlIdentityGraphRepository implements IdentityGraphRepository {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly sandbox: string,
    private readonly writer: RowWriter,
    private readonly queries: CompiledQueries,
  ) {}

  /**
   * A few keys (a lookup's): each statement finds the graph ids of `keys` itself (a subquery),
   * so a one-identity lookup reads its graph in two statements, not three. Many keys (an
   * ingest's): the graph ids first, once, since each subquery would look every key up again.
   */
  async loadGraphsOf(keys: readonly string[]): Promise<Graph> {
    const unique = [...new Set(keys)];
    if (unique.length > SUBQUERY_KEYS) return this.loadGraphs(await this.graphIdsOf(unique));
    if (unique.length === 0) return { nodes: [], links: [] };
    const graphIds = this.db
      .selectFrom('identities')
      .select('graph_id')
      .where('sandbox', '=', this.sandbox)
      .where('key', 'in', unique);
    const shape = `/graphsOf/${unique.length}`;
    // Two values besides the keys: the sandbox, in the statement and in its subquery.
    const parameters = [this.sandbox, this.sandbox, ...unique];
    const [nodes, links] = await Promise.all([
      this.queries.rows(this.db, `nodes${shape}`, parameters, () => this.nodesIn(graphIds)),
      this.queries.rows(this.db, `links${shape}`, parameters, () => this.linksIn(graphIds)),
    ]);
    return { nodes: nodes.map(nodeFromRow), links: links.map(linkFromRow) };
  }

  private async graphIdsOf(keys: readonly string[]): Promise<string[]> {
    const graphIds = new Set<string>();
    for (const part of chunks(keys)) {
      const rows = await this.db
        .selectFrom('identities')
        .select('graph_id')
        .where('sandbox', '=', this.sandbox)
        .where('key', 'in', part)
        .execute();
      for (const row of rows) graphIds.add(row.graph_id);
    }
    return [...graphIds];
  }

  async loadGraphs(graphIds: readonly string[]): Promise<Graph> {
    const links: GraphLink[] = [];
    for (const part of chunks(graphIds)) {
      links.push(...(await this.linksIn(part).execute()).map(linkFromRow));
    }
    return { nodes: await this.membersOf(graphIds), links };
  }

  async membersOf(graphIds: readonly string[]): Promise<GraphNode[]> {
    const nodes: GraphNode[] = [];
    for (const part of chunks(graphIds)) {
      nodes.push(...(await this.nodesIn(part).execute()).map(nodeFromRow));
    }
    return nodes;
  }

  /** Every identity of these graphs (ids given, or a query that selects them). */
  private nodesIn(graphIds: GraphIds) {
    return this.db
      .selectFrom('identities')
      .selectAll()
      .where('sandbox', '=', this.sandbox)
      .where('graph_id', 'in', graphIds);
  }

  /** Every link of these graphs (ids given, or a query that selects them). */
  private linksIn(graphIds: GraphIds) {
    return this.db
      .selectFrom('identity_links')
      .selectAll()
      .where('sandbox', '=', this.sandbox)
      .where('graph_id', 'in', graphIds);
  }

  async graphIdsAfter(after: string | null, limit: number): Promise<string[]> {
    // The (sandbox, graph_id) index serves the range, the order and the distinct.
    let query = this.db
      .selectFrom('identities')
      .select('graph_id')
      .distinct()
      .where('sandbox', '=', this.sandbox);
    if (after !== null) query = query.where('graph_id', '>', after);
    const rows = await query.orderBy('graph_id').limit(limit).execute();
    return rows.map((r) => r.graph_id);
  }

  async save(changes: GraphChanges): Promise<void> {
    await this.writer.upsert(this.db, {
      table: 'identities',
      rows: changes.nodes.map((n) => nodeToRow(this.sandbox, n)),
      key: ['sandbox', 'key'],
      update: ['type', 'first_seen', 'last_seen', 'graph_id'],
    });
    await this.writer.upsert(this.db, {
      table: 'identity_links',
      rows: changes.links.map((l) => linkToRow(this.sandbox, l)),
      key: ['sandbox', 'key'],
      update: ['datasets', 'first_seen', 'last_seen', 'graph_id'],
    });
    for (const part of chunks(changes.removedLinks)) {
      await this.db
        .deleteFrom('identity_links')
        .where('sandbox', '=', this.sandbox)
        .where('key', 'in', part)
        .execute();
    }
  }

  async graphsBreaking(settings: IdentitySettings, limit: number): Promise<string[]> {
    const tooLarge = this.db
      .selectFrom('identities')
      .select('graph_id')
      .where('sandbox', '=', this.sandbox)
      .groupBy('graph_id')
      .having(sql<number>`count(*)`, '>', settings.maxGraphSize);
    const rows =
      settings.uniqueNamespaces.length === 0
        ? await tooLarge.limit(limit).execute()
        : await tooLarge
            .union(
              this.db
                .selectFrom('identities')
                .select('graph_id')
                .where('sandbox', '=', this.sandbox)
                .where('namespace', 'in', settings.uniqueNamespaces)
                .groupBy(['graph_id', 'namespace'])
                .having(sql<number>`count(*)`, '>', 1),
            )
            .limit(limit)
            .execute();
    return [...new Set(rows.map((r) => r.graph_id))];
  }

  async settings(): Promise<IdentitySettings | undefined> {
    const [row] = await this.queries.catalogRows(
      this.db,
      'identities.settings',
      [this.sandbox],
      () =>
        this.db
          .selectFrom('identity_settings')
          .select('settings')
          .where('sandbox', '=', this.sandbox),
    );
    return row && (JSON.parse(row.settings) as IdentitySettings);
  }

  async saveSettings(settings: IdentitySettings, at: Date): Promise<void> {
    const values = {
      sandbox: this.sandbox,
      settings: JSON.stringify(settings),
      updated_at: at.getTime(),
    };
    await this.db
      .insertInto('identity_settings')
      .values(values)
      .onConflict((oc) =>
        oc
          .column('sandbox')
          .doUpdateSet({ settings: values.settings, updated_at: values.updated_at }),
      )
      .execute();
  }
}

const nodeFromRow = (r: Tables['identities']): GraphNode => ({
  key: r.key,
  namespace: r.namespace,
  id: r.id,
  type: r.type as IdentityType,
  firstSeen: Number(r.first_seen),
  lastSeen: Number(r.last_seen),
  graphId: r.graph_id,
});

const nodeToRow = (sandbox: string, n: GraphNode): Tables['identities'] => ({
  sandbox,
  key: n.key,
  namespace: n.namespace,
  id: n.id,
  type: n.type,
  first_seen: n.firstSeen,
  last_seen: n.lastSeen,
  graph_id: n.graphId,
});

const linkFromRow = (r: Tables['identity_links']): GraphLink => ({
  key: r.key,
  a: r.a,
  b: r.b,
  datasets: JSON.parse(r.datasets) as string[],
  firstSeen: Number(r.first_seen),
  lastSeen: Number(r.last_seen),
  graphId: r.graph_id,
});

const linkToRow = (sandbox: string, l: GraphLink): Tables['identity_links'] => ({
  sandbox,
  key: l.key,
  a: l.a,
  b: l.b,
  datasets: JSON.stringify(l.datasets),
  first_seen: l.firstSeen,
  last_seen: l.lastSeen,
  graph_id: l.graphId,
});
