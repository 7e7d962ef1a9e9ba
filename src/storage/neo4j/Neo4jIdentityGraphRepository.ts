import type { GraphLink, GraphNode } from '../../domain/identity/GraphNode';
import type { GraphChanges } from '../../domain/identity/GraphWorkspace';
import type { IdentitySettings } from '../../domain/identity/IdentitySettings';
import type { IdentityGraphRepository } from '../ports';
import {
  graphIdsAfter,
  graphsBreaking,
  loadGraphsById,
  loadGraphsOfKeys,
  membersOfGraphs,
  readIdentitySettings,
  saveGraphChanges,
  type Statement,
  writeIdentitySettings,
} from './cypher';
import type { Neo4jClient } from './Neo4jClient';

type Graph = { nodes: GraphNode[]; links: GraphLink[] };

/** One sandbox's identity graph in Neo4j (SEMANTICS §3): persistence only, as the port says. */
export class Neo4jIdentityGraphRepository implements IdentityGraphRepository {
  constructor(
    private readonly client: Neo4jClient,
    private readonly sandbox: string,
  ) {}

  loadGraphsOf(keys: readonly string[]): Promise<Graph> {
    return this.load(keys, loadGraphsOfKeys(this.sandbox, keys));
  }

  loadGraphs(graphIds: readonly string[]): Promise<Graph> {
    return this.load(graphIds, loadGraphsById(this.sandbox, graphIds));
  }

  async membersOf(graphIds: readonly string[]): Promise<GraphNode[]> {
    if (graphIds.length === 0) return [];
    const rows = await this.client.read<{ node: GraphNode }>(
      membersOfGraphs(this.sandbox, graphIds),
    );
    return rows.map((row) => row.node);
  }

  async graphIdsAfter(after: string | null, limit: number): Promise<string[]> {
    const rows = await this.client.read<{ graphId: string }>(
      graphIdsAfter(this.sandbox, after, limit),
    );
    return rows.map((row) => row.graphId);
  }

  async save(changes: GraphChanges): Promise<void> {
    const { nodes, links, removedLinks } = changes;
    if (nodes.length + links.length + removedLinks.length === 0) return;
    await this.client.write<SaveCounts>(saveGraphChanges(this.sandbox, changes), ([counts]) => {
      // A link whose end is missing (or in another sandbox) would be skipped silently.
      if (counts?.nodesSaved !== nodes.length || counts.linksSaved !== links.length) {
        throw new Error(
          `identity graph save wrote ${JSON.stringify(counts)} for ${nodes.length} identities ` +
            `and ${links.length} links: a link's identity is missing`,
        );
      }
    });
  }

  async graphsBreaking(settings: IdentitySettings, limit: number): Promise<string[]> {
    const statement = graphsBreaking(this.sandbox, settings, limit);
    const rows = await this.client.read<{ graphId: string }>(statement);
    return rows.map((row) => row.graphId);
  }

  async settings(): Promise<IdentitySettings | undefined> {
    const rows = await this.client.read<{ settings: string }>(readIdentitySettings(this.sandbox));
    const json = rows[0]?.settings;
    return json === undefined ? undefined : (JSON.parse(json) as IdentitySettings);
  }

  async saveSettings(settings: IdentitySettings, at: Date): Promise<void> {
    await this.client.write(writeIdentitySettings(this.sandbox, settings, at));
  }

  private async load(asked: readonly unknown[], statement: Statement): Promise<Graph> {
    if (asked.length === 0) return { nodes: [], links: [] };
    const rows = await this.client.read<Graph>(statement);
    return { nodes: rows.flatMap((r) => r.nodes), links: rows.flatMap((r) => r.links) };
  }
}

interface SaveCounts {
  nodesSaved: number;
  linksRemoved: number;
  linksSaved: number;
}
