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
type GraphIds = string[] | SelectQueryBuilder<Tables, 'identities', { graph_id: string }>;

export class SqlIdentityGraphRepository implements IdentityGraphRepository {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly sandbox: string,
    private readonly writer: RowWriter,
    private readonly queries: CompiledQueries,
  ) {}

  /**
   * Each statement finds the graph ids of `keys` itself (a subquery) rather than after a
   * statement of its own: a one-identity lookup reads its graph in two statements, not three.
   */
  async loadGraphsOf(keys: readonly string[]): Promise<Graph> {
    const nodes = new Map<string, GraphNode>();
    const links = new Map<string, GraphLink>();
    // Two values besides the keys: the sandbox, in the statement and in its subquery.
    for (const part of chunks([...new Set(keys)], 1, 29_998)) {
      const graphIds = this.db
        .selectFrom('identities')
        .select('graph_id')
        .where('sandbox', '=', this.sandbox)
        .where('key', 'in', part);
      const shape = `/graphsOf/${part.length}`;
      const parameters = [this.sandbox, this.sandbox, ...part];
      const [nodeRows, linkRows] = await Promise.all([
        this.queries.rows(this.db, `nodes${shape}`, parameters, () => this.nodesIn(graphIds)),
        this.queries.rows(this.db, `links${shape}`, parameters, () => this.linksIn(graphIds)),
      ]);
      // Keys of one graph in two parts find it twice.
      for (const row of nodeRows) nodes.set(row.key, nodeFromRow(row));
      for (const row of linkRows) links.set(row.key, linkFromRow(row));
    }
    return { nodes: [...nodes.values()], links: [...links.values()] };
  }

  async loadGraphs(graphIds: readonly string[]): Promise<Graph> {
    const graph: Graph = { nodes: [], links: [] };
    for (const part of chunks(graphIds)) {
      const [nodes, links] = await Promise.all([
        this.nodesIn(part).execute(),
        this.linksIn(part).execute(),
      ]);
      graph.nodes.push(...nodes.map(nodeFromRow));
      graph.links.push(...links.map(linkFromRow));
    }
    return graph;
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
    const [row] = await this.queries.rows(this.db, 'identities.settings', [this.sandbox], () =>
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
