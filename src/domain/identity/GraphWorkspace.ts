import type { IdentityType } from '../enumValues';
import type { GraphChange } from '../profile/ProfileChanges';
import { type Identity, identityKey } from './Identity';
import { type GraphLink, type GraphNode, linkKey } from './GraphNode';

/** What a workspace changed, for the store to persist. */
export interface GraphChanges {
  nodes: GraphNode[];
  links: GraphLink[];
  removedLinks: string[];
}

/**
 * The graphs one request touches, held in memory while its records are applied (whole graphs:
 * each is at most `maxGraphSize`, so this is bounded by the request, never by the store). It
 * keeps an index by graph id and records what changed; the rules in this folder decide.
 */
export class GraphWorkspace {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly links = new Map<string, GraphLink>();
  private readonly linksByNode = new Map<string, Set<string>>();
  private readonly membersByGraph = new Map<string, Set<string>>();
  private readonly changedNodes = new Set<string>();
  private readonly changedLinks = new Set<string>();
  private readonly removedLinks = new Set<string>();
  private readonly loadedGraphs = new Set<string>();
  /** Each loaded identity's graph, and each loaded link's ends: to tell what changed. */
  private readonly loadedGraphOf = new Map<string, string>();
  private readonly loadedLinkEnds = new Map<string, [string, string]>();

  constructor(
    loaded: { nodes: readonly GraphNode[]; links: readonly GraphLink[] },
    readonly newGraphId: () => string,
  ) {
    for (const node of loaded.nodes) {
      this.index({ ...node });
      this.loadedGraphs.add(node.graphId);
      this.loadedGraphOf.set(node.key, node.graphId);
    }
    for (const link of loaded.links) {
      this.indexLink({ ...link, datasets: [...link.datasets] });
      this.loadedLinkEnds.set(link.key, [link.a, link.b]);
    }
  }

  node(key: string): GraphNode | undefined {
    return this.nodes.get(key);
  }

  link(key: string): GraphLink | undefined {
    return this.links.get(key);
  }

  /** Adds an identity (alone in a new graph) or refreshes its lastSeen. */
  touchNode(identity: Identity, type: IdentityType, at: number): GraphNode {
    const key = identityKey(identity);
    const known = this.nodes.get(key);
    if (known !== undefined) {
      if (at > known.lastSeen) this.update(known, { lastSeen: at });
      return known;
    }
    const node: GraphNode = {
      namespace: identity.namespace,
      id: identity.id,
      key,
      type,
      firstSeen: at,
      lastSeen: at,
      graphId: this.newGraphId(),
    };
    this.index(node);
    this.changedNodes.add(key);
    return node;
  }

  /** Adds the link between two known identities, or records one more sighting of it. */
  touchLink(
    a: string,
    b: string,
    dataset: string,
    at: number,
  ): { link: GraphLink; isNew: boolean } {
    const key = linkKey(a, b);
    const known = this.links.get(key);
    if (known !== undefined) {
      if (at > known.lastSeen) known.lastSeen = at;
      if (!known.datasets.includes(dataset)) known.datasets.push(dataset);
      this.changedLinks.add(key);
      return { link: known, isNew: false };
    }
    const [x, y] = a < b ? [a, b] : [b, a];
    const graphId = this.require(a).graphId;
    const link = { key, a: x, b: y, datasets: [dataset], firstSeen: at, lastSeen: at, graphId };
    this.indexLink(link);
    this.changedLinks.add(key);
    this.removedLinks.delete(key);
    return { link, isNew: true };
  }

  removeLink(key: string): void {
    const link = this.links.get(key);
    if (link === undefined) return;
    this.links.delete(key);
    this.linksByNode.get(link.a)?.delete(key);
    this.linksByNode.get(link.b)?.delete(key);
    this.changedLinks.delete(key);
    this.removedLinks.add(key);
  }

  linksOf(nodeKey: string): GraphLink[] {
    return [...(this.linksByNode.get(nodeKey) ?? [])].flatMap((k) => this.links.get(k) ?? []);
  }

  /** How many identities a graph holds, without listing them (hot path: every link). */
  graphSize(graphId: string): number {
    return this.membersByGraph.get(graphId)?.size ?? 0;
  }

  /**
   * Graphs made here of new identities only: the store held none of their members, so all it
   * holds of them was written with this workspace.
   */
  newGraphIds(): string[] {
    return [...this.membersByGraph].flatMap(([graphId, members]) =>
      members.size > 0 &&
      !this.loadedGraphs.has(graphId) &&
      [...members].every((key) => !this.loadedGraphOf.has(key))
        ? [graphId]
        : [],
    );
  }

  members(graphId: string): GraphNode[] {
    return [...(this.membersByGraph.get(graphId) ?? [])].map((k) => this.require(k));
  }

  /** The identity, which the caller knows is here (it touched or loaded it). */
  require(key: string): GraphNode {
    const node = this.nodes.get(key);
    if (node === undefined) throw new Error(`identity ${key} is not in the workspace`);
    return node;
  }

  /** Moves an identity, and the links it holds, to another graph. */
  setGraphId(nodeKey: string, graphId: string): void {
    const node = this.require(nodeKey);
    if (node.graphId === graphId) return;
    this.membersByGraph.get(node.graphId)?.delete(nodeKey);
    this.update(node, { graphId });
    this.memberSet(graphId).add(nodeKey);
    for (const link of this.linksOf(nodeKey)) {
      if (link.graphId !== graphId) {
        link.graphId = graphId;
        this.changedLinks.add(link.key);
      }
    }
  }

  /** The identities connected to `start` by links (breadth-first). */
  component(start: string): Set<string> {
    const seen = new Set([start]);
    const queue = [start];
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      for (const link of this.linksOf(next)) {
        const other = link.a === next ? link.b : link.a;
        if (!seen.has(other)) {
          seen.add(other);
          queue.push(other);
        }
      }
    }
    return seen;
  }

  /**
   * The graphs whose stored state this workspace changes: every graph it loaded (one may have
   * been emptied by a merge) and every graph that now has members. A graph created and emptied
   * here (a new identity joining another graph) never reaches the store and is left out.
   */
  graphIds(): string[] {
    return [...this.membersByGraph].flatMap(([graphId, members]) =>
      members.size > 0 || this.loadedGraphs.has(graphId) ? [graphId] : [],
    );
  }

  /**
   * SEMANTICS §6 (`identityGraphChanged`): the identities whose graph changed — new ones, ones
   * moved to another graph, ends of links made or removed (a link seen again changes nothing) —
   * with the graph each is in now, and the loaded graphs left empty.
   */
  graphChange(): GraphChange {
    const keys = new Set<string>();
    for (const key of this.changedNodes) {
      if (this.loadedGraphOf.get(key) !== this.require(key).graphId) keys.add(key);
    }
    for (const key of this.changedLinks) {
      const link = this.links.get(key);
      if (link !== undefined && !this.loadedLinkEnds.has(key)) keys.add(link.a).add(link.b);
    }
    for (const key of this.removedLinks) {
      const ends = this.loadedLinkEnds.get(key);
      if (ends !== undefined) keys.add(ends[0]).add(ends[1]);
    }
    return {
      identities: [...keys].map((key) => ({ key, graphId: this.require(key).graphId })),
      goneGraphIds: [...this.loadedGraphs].filter((id) => this.graphSize(id) === 0),
    };
  }

  changes(): GraphChanges {
    return {
      nodes: [...this.changedNodes].map((k) => this.require(k)),
      links: [...this.changedLinks].flatMap((k) => this.links.get(k) ?? []),
      removedLinks: [...this.removedLinks],
    };
  }

  private update(node: GraphNode, changes: Partial<GraphNode>): void {
    Object.assign(node, changes);
    this.changedNodes.add(node.key);
  }

  private index(node: GraphNode): void {
    this.nodes.set(node.key, node);
    this.memberSet(node.graphId).add(node.key);
  }

  private indexLink(link: GraphLink): void {
    this.links.set(link.key, link);
    for (const end of [link.a, link.b]) {
      const set = this.linksByNode.get(end) ?? new Set<string>();
      set.add(link.key);
      this.linksByNode.set(end, set);
    }
  }

  private memberSet(graphId: string): Set<string> {
    let set = this.membersByGraph.get(graphId);
    if (set === undefined) {
      set = new Set();
      this.membersByGraph.set(graphId, set);
    }
    return set;
  }
}
