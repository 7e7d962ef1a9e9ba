import { AppError } from '../../domain/AppError';
import type { Dataset } from '../../domain/catalog/types';
import { groupBy } from '../../domain/groupBy';
import type { GraphLink, GraphNode } from '../../domain/identity/GraphNode';
import { type Identity, identityFromKey, identityKey } from '../../domain/identity/Identity';
import { DEFAULT_IDENTITY_SETTINGS } from '../../domain/identity/IdentitySettings';
import { fragmentsFor } from '../../domain/merge/fragmentsFor';
import type { MergePolicy } from '../../domain/policies/MergePolicy';
import type { Fragment } from '../../domain/profile/Fragment';
import { namespacesByKey, namespacesNamed } from '../catalog/namespacesByKey';
import { canonicalIdentity } from '../identity/canonicalIdentity';
import type { MergePolicyService } from '../policies/MergePolicyService';
import type { ServiceDeps } from '../ServiceDeps';
import { type EventPage, type EventPageArgs, pageEvents } from './pageEvents';
import type { ProfileData } from './ProfileData';
import type { IndexedProfile, ProfilePage } from './ProfilePage';

/** SEMANTICS §4: at most this many identities per `profiles` call. */
export const MAX_PROFILES_PER_CALL = 1000;

interface Graphs {
  nodes: Map<string, GraphNode>;
  members: Map<string, GraphNode[]>;
  links: Map<string, GraphLink[]>;
}

/**
 * SEMANTICS §4 (profile lookup): the profiles of many identities at once, with a bounded
 * number of store reads whatever their number — graphs, fragments, events and datasets are
 * each read once for all of them — then each profile is put together in memory.
 */
export class ProfileService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly policies: MergePolicyService,
  ) {}

  /**
   * In input order; null where an identity has no fragment, event or link; an Error (for that
   * item only) where its graph is over the size limit. `field` names the identities' input.
   */
  async loadMany(
    identities: readonly Identity[],
    policyId: string | null | undefined,
    field: string,
  ): Promise<(ProfileData | Error | null)[]> {
    const asked = await this.canonical(identities, field);
    const policy = await this.policies.resolve(policyId, 'PROFILE', 'mergePolicyId');
    return this.loadCanonical(asked, policy);
  }

  /**
   * As `loadMany`, under a policy already resolved, of any class (accounts merge under ACCOUNT
   * policies); `identities` are canonicalised here.
   */
  async loadUnder(
    identities: readonly Identity[],
    policy: MergePolicy,
    field: string,
  ): Promise<(ProfileData | Error | null)[]> {
    return this.loadCanonical(await this.canonical(identities, field), policy);
  }

  /**
   * A page of profiles found through an index (audience members, an account's people): `rows`
   * as the index gave them, up to `first + 1` so that the last tells whether more follow.
   * Profiles gone since the index was written are left out of the page.
   */
  async pageOf(
    rows: readonly IndexedProfile[],
    first: number,
    policyId: string | null,
    field: string,
  ): Promise<ProfilePage> {
    const page = rows.slice(0, first);
    const loaded = await this.loadMany(
      page.map((r) => identityFromKey(r.identityKey)),
      policyId,
      field,
    );
    const profiles = page.flatMap((r, i) => {
      const profile = loaded[i];
      return profile === null || profile === undefined || profile instanceof Error
        ? []
        : [{ profileKey: r.profileKey, profile }];
    });
    return { profiles, hasNextPage: rows.length > first, end: page.at(-1)?.profileKey ?? null };
  }

  /** The identities as stored, at most MAX_PROFILES_PER_CALL; `field` names their input. */
  private async canonical(identities: readonly Identity[], field: string): Promise<Identity[]> {
    if (identities.length > MAX_PROFILES_PER_CALL) {
      throw new AppError(
        'BAD_USER_INPUT',
        `${field}: at most ${MAX_PROFILES_PER_CALL} identities per call`,
        field,
      );
    }
    const namespaces = await namespacesNamed(
      this.deps.store,
      identities.map((identity) => identity.namespace),
    );
    return identities.map((identity, i) =>
      canonicalIdentity(identity, namespaces, identities.length === 1 ? field : `${field}[${i}]`),
    );
  }

  private async loadCanonical(
    asked: readonly Identity[],
    policy: MergePolicy,
  ): Promise<(ProfileData | Error | null)[]> {
    const { store } = this.deps;
    const settings = (await store.identities.settings()) ?? DEFAULT_IDENTITY_SETTINGS;
    const graphs = indexGraphs(await store.identities.loadGraphsOf(asked.map(identityKey)));
    const stitched = asked.map((identity) => this.stitchedKeys(identity, graphs, policy));
    const allKeys = [...new Set(stitched.flat())];
    const [ofClass, withEvents] = await Promise.all([
      this.fragmentsOfClass(allKeys, policy),
      store.profiles.identitiesWithEvents(allKeys),
    ]);
    const fragments = byIdentity(ofClass.fragments);
    return asked.map((identity, i) => {
      const key = identityKey(identity);
      const node = graphs.nodes.get(key);
      const members = node ? (graphs.members.get(node.graphId) ?? []) : [];
      if (members.length > settings.maxGraphSize)
        return graphTooLarge(identity, members.length, settings.maxGraphSize);
      const links = node ? (graphs.links.get(node.graphId) ?? []) : [];
      const own = ownFragments(policy, key, stitched[i] ?? [key], fragments);
      const hasEvents = (stitched[i] ?? []).some((k) => withEvents.has(k));
      if (own.length === 0 && !hasEvents && !links.some((l) => l.a === key || l.b === key))
        return null;
      return {
        identity,
        policy,
        graphId: node?.graphId ?? null,
        nodes: members,
        links,
        stitchedKeys: stitched[i] ?? [key],
        fragments: own,
        datasets: ofClass.datasets,
      };
    });
  }

  /**
   * The profiles of whole graphs whose identities are already loaded (background evaluation):
   * one per graph when `policy` stitches graphs (named by its oldest identity), else one per
   * identity; `hasData` is false for one with no fragment and no event, which is no profile.
   */
  async ofGraphs(
    nodes: readonly GraphNode[],
    policy: MergePolicy,
  ): Promise<{ data: ProfileData; hasData: boolean }[]> {
    const members = groupBy(nodes, (n) => n.graphId);
    const { fragments: ofClass } = await this.fragmentsOfClass(
      nodes.map((n) => n.key),
      policy,
    );
    const fragments = byIdentity(ofClass);
    const stitching = policy.identityStitching !== 'NONE';
    const asked = stitching ? [...members.values()].map(oldestOf) : nodes;
    const profiles = asked.map((node) => {
      const graph = members.get(node.graphId) ?? [node];
      const stitchedKeys = stitching ? graph.map((n) => n.key) : [node.key];
      const own = ownFragments(policy, node.key, stitchedKeys, fragments);
      const identity = { namespace: node.namespace, id: node.id };
      return {
        identity,
        policy,
        graphId: node.graphId,
        nodes: graph,
        links: [],
        stitchedKeys,
        fragments: own,
      };
    });
    // Events decide only for profiles without fragments whether they are profiles at all.
    const withEvents = await this.deps.store.profiles.identitiesWithEvents(
      profiles.filter((p) => p.fragments.length === 0).flatMap((p) => p.stitchedKeys),
    );
    return profiles.map((data) => {
      const hasData = data.fragments.length > 0 || data.stitchedKeys.some((k) => withEvents.has(k));
      return { data, hasData };
    });
  }

  /**
   * SEMANTICS §4 (deletes): removes from the profile store every fragment and event of every
   * identity in the graph of `identity` (or of that identity alone, when it has no graph); the
   * identity graph stays, so the profile comes back if new data arrives.
   */
  async delete(identity: Identity): Promise<{ fragmentsDeleted: number; eventsDeleted: number }> {
    const { store } = this.deps;
    const key = identityKey(canonicalIdentity(identity, await namespacesByKey(store), 'identity'));
    const { deleted, graphId } = await store.transaction(async (tx) => {
      const graph = await tx.identities.loadGraphsOf([key]);
      const keys = graph.nodes.length > 0 ? graph.nodes.map((n) => n.key) : [key];
      const rows = await tx.profiles.deleteAllOf(keys);
      await tx.status.markStale([...new Set(graph.nodes.map((n) => n.graphId))]);
      this.deps.status.refresh();
      return { deleted: rows, graphId: graph.nodes[0]?.graphId ?? null };
    });
    const at = this.deps.clock().getTime();
    const change = { kind: 'DELETE' as const, identityKey: key, datasetId: null, graphId };
    this.deps.events.publish('profilesChanged', { at, graph: null, changes: [change] });
    return { fragmentsDeleted: deleted.fragments, eventsDeleted: deleted.events };
  }

  /** SEMANTICS §4 (events): a page of a profile's events (of the identities it stitches). */
  events(profile: ProfileData, args: EventPageArgs): Promise<EventPage> {
    return pageEvents(this.deps.store, profile.stitchedKeys, args);
  }

  /** The identities whose data a profile merges: the whole graph, or the one identity. */
  private stitchedKeys(identity: Identity, graphs: Graphs, policy: MergePolicy): string[] {
    const key = identityKey(identity);
    const node = graphs.nodes.get(key);
    if (policy.identityStitching === 'NONE' || node === undefined) return [key];
    return (graphs.members.get(node.graphId) ?? []).map((n) => n.key);
  }

  /**
   * Fragments of these identities from datasets of the policy's class (SEMANTICS §4, §8), with
   * the datasets of those fragments.
   */
  private async fragmentsOfClass(
    keys: readonly string[],
    policy: MergePolicy,
  ): Promise<{ fragments: Fragment[]; datasets: Map<string, Dataset> }> {
    const { store } = this.deps;
    const fragments = await store.profiles.fragmentsOfIdentities(keys);
    const ids = [...new Set(fragments.map((f) => f.datasetId))];
    const datasets = new Map(
      (await store.datasets.ofClass(ids, policy.schemaClass)).map((d) => [d.id, d]),
    );
    return { fragments: fragments.filter((f) => datasets.has(f.datasetId)), datasets };
  }
}

const byIdentity = (fragments: readonly Fragment[]): Map<string, Fragment[]> =>
  groupBy(fragments, (f) => f.identityKey);

/** The fragments a profile merges, looked up by identity rather than filtered from all. */
function ownFragments(
  policy: MergePolicy,
  key: string,
  stitchedKeys: readonly string[],
  fragments: ReadonlyMap<string, Fragment[]>,
): Fragment[] {
  const candidates = [...new Set([...stitchedKeys, key])].flatMap((k) => fragments.get(k) ?? []);
  return fragmentsFor(policy, key, stitchedKeys, candidates);
}

const oldestOf = (graph: readonly GraphNode[]): GraphNode =>
  graph.reduce((oldest, n) => (n.firstSeen < oldest.firstSeen ? n : oldest));

function indexGraphs(loaded: { nodes: GraphNode[]; links: GraphLink[] }): Graphs {
  return {
    nodes: new Map(loaded.nodes.map((n) => [n.key, n])),
    members: groupBy(loaded.nodes, (n) => n.graphId),
    links: groupBy(loaded.links, (l) => l.graphId),
  };
}

const graphTooLarge = (identity: Identity, size: number, max: number): Error =>
  new AppError(
    'GRAPH_TOO_LARGE',
    `the identity graph of ${identity.namespace} ${identity.id} holds ${size} identities, over the limit of ${max}; it is being repaired, try again shortly`,
  );
