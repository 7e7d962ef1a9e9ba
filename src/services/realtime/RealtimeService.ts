import type { Identity } from '../../domain/identity/Identity';
import { identityKey } from '../../domain/identity/Identity';
import type { ProfileChange, ProfileChanges } from '../../domain/profile/ProfileChanges';
import { changeIndex } from '../../domain/realtime/changeIndex';
import { GraphFollower } from '../../domain/realtime/GraphFollower';
import type { EventMap } from '../../realtime/EventBus';
import { namespacesByKey } from '../catalog/namespacesByKey';
import { canonicalIdentity } from '../identity/canonicalIdentity';
import type { ServiceDeps } from '../ServiceDeps';
import { flatMapEvents } from './flatMapEvents';

/** One identity's data changed, at `at` (epoch ms). */
export interface ProfileUpdateEvent extends ProfileChange {
  at: number;
}

/** Identities of one graph whose graph changed, at `at` (epoch ms). */
export interface GraphChangeEvent {
  identityKeys: readonly string[];
  graphId: string;
  at: number;
}

/**
 * SEMANTICS §6: the sandbox's committed changes as streams for subscriptions, filtered here so
 * resolvers stay thin. Inputs are checked before anything is subscribed; the filters follow
 * the watched identity's graph as it changes.
 */
export class RealtimeService {
  constructor(private readonly deps: ServiceDeps) {}

  async profileUpdates(identity: Identity | null): Promise<AsyncIterable<ProfileUpdateEvent>> {
    const stamp = (at: number, changes: readonly ProfileChange[]) =>
      changes.map((change) => ({ ...change, at }));
    if (identity === null) {
      return flatMapEvents(this.commits(), (c) => stamp(c.at, c.changes));
    }
    const { follower, commits } = await this.follow(identity);
    return flatMapEvents(commits, (c) => stamp(c.at, follower.follow(c).changes));
  }

  async graphChanges(identity: Identity | null): Promise<AsyncIterable<GraphChangeEvent>> {
    if (identity === null) {
      return flatMapEvents(this.commits(), (c) =>
        [...changeIndex(c).movedByGraph].map(([graphId, identityKeys]) => ({
          identityKeys,
          graphId,
          at: c.at,
        })),
      );
    }
    const { follower, commits } = await this.follow(identity);
    return flatMapEvents(commits, (c) => {
      const { graphId, movedIdentities } = follower.follow(c);
      if (graphId === null || movedIdentities.length === 0) return [];
      return [{ identityKeys: movedIdentities, graphId, at: c.at }];
    });
  }

  /** Ids of batches that changed: all of the sandbox's, or one. */
  batchChanges(batchId: string | null): AsyncIterable<string> {
    return this.idsChanged('batchChanged', (e) => e.batchId, batchId);
  }

  /** Ids of export jobs that changed: all of the sandbox's, or one. */
  exportChanges(exportId: string | null): AsyncIterable<string> {
    return this.idsChanged('exportChanged', (e) => e.exportId, exportId);
  }

  /** Entries into and exits from audiences: all of the sandbox's, or one audience's. */
  membershipChanges(audienceId: string | null): AsyncIterable<EventMap['membershipChanged']> {
    return flatMapEvents(this.deps.events.subscribe('membershipChanged'), (e) =>
      audienceId === null || e.audienceId === audienceId ? [e] : [],
    );
  }

  /** The ids a topic's events name: all of them, or only `wanted`. */
  private idsChanged<T extends 'batchChanged' | 'exportChanged'>(
    topic: T,
    idOf: (event: EventMap[T]) => string,
    wanted: string | null,
  ): AsyncIterable<string> {
    return flatMapEvents(this.deps.events.subscribe(topic), (e) => {
      const id = idOf(e);
      return wanted === null || id === wanted ? [id] : [];
    });
  }

  private commits(): AsyncIterable<ProfileChanges> {
    return this.deps.events.subscribe('profilesChanged');
  }

  /**
   * Subscribes, then reads the identity's graph: a merge committed in between is in the
   * stream, and moves the follower to the merged graph.
   */
  private async follow(identity: Identity) {
    const { store } = this.deps;
    const key = identityKey(canonicalIdentity(identity, await namespacesByKey(store), 'identity'));
    const iterator = this.commits()[Symbol.asyncIterator]();
    const commits = { [Symbol.asyncIterator]: () => iterator };
    try {
      const { nodes } = await store.identities.loadGraphsOf([key]);
      const graphId = nodes.find((n) => n.key === key)?.graphId ?? null;
      return { follower: new GraphFollower(key, graphId), commits };
    } catch (error) {
      await iterator.return?.();
      throw error;
    }
  }
}
