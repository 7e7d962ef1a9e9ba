import type { Audience, Membership, ProfileFacts } from '../../domain/audiences/Audience';
import { compileCondition } from '../../domain/audiences/compileCondition';
import { conditionNeeds } from '../../domain/audiences/conditionNeeds';
import { nextMembership } from '../../domain/audiences/nextMembership';
import { compileComputedValues } from '../../domain/computed/computeValues';
import { longestLookbackStart } from '../../domain/computed/longestLookbackStart';
import type { GraphNode } from '../../domain/identity/GraphNode';
import { identityKey } from '../../domain/identity/Identity';
import { mergeFragments } from '../../domain/merge/mergeFragments';
import type { EventMap } from '../../realtime/EventBus';
import { windowEvents } from '../computed/windowEvents';
import { MergePolicyService } from '../policies/MergePolicyService';
import type { ProfileData } from '../profiles/ProfileData';
import { ProfileService } from '../profiles/ProfileService';
import type { ServiceDeps } from '../ServiceDeps';

export type MembershipChange = EventMap['membershipChanged'];

/** A profile as an audience sees it: its key under the audience's policy, and its data. */
interface Candidate {
  audience: Audience;
  profileKey: string;
  data: ProfileData;
  hasData: boolean;
}

/**
 * SEMANTICS §5: re-evaluates the profiles of these graphs (`nodes`: their identities, as the
 * caller loaded them) in these audiences, at `now`, through `deps.store` (the caller's
 * transaction), stores the memberships that change and returns the entries and exits to publish
 * once it commits. Each profile is read once for all audiences: its fragments, then its events
 * and computed values only if a condition needs them. A graph or identity with no data left is
 * no profile: it qualifies for nothing, so its memberships end.
 */
export async function evaluateAudiences(
  deps: ServiceDeps,
  graphIds: readonly string[],
  nodes: readonly GraphNode[],
  audiences: readonly Audience[],
  now: number,
): Promise<MembershipChange[]> {
  if (audiences.length === 0 || graphIds.length === 0) return [];
  const { store } = deps;
  const present = new Set(nodes.map((n) => n.graphId));
  // A graph merged into another is no longer a profile: its memberships go with it.
  await store.audiences.deleteMembershipsOf(
    graphIds.filter((id) => !present.has(id)).map(graphProfileKey),
  );
  const candidates = await candidatesOf(deps, nodes, audiences);
  const withData = [...new Set(candidates.filter((c) => c.hasData).map((c) => c.data))];
  const facts = await factsOf(deps, withData, audiences, now);
  const current = await store.audiences.membershipsOf([
    ...new Set(candidates.map((c) => c.profileKey)),
  ]);
  const byKey = new Map(current.map((m) => [`${m.audienceId} ${m.profileKey}`, m]));
  const tests = new Map(audiences.map((a) => [a.id, compileCondition(a.condition)]));
  const writes: Membership[] = [];
  const published: MembershipChange[] = [];
  for (const c of candidates) {
    const profileFacts = facts.get(c.data);
    const qualifies =
      profileFacts !== undefined && tests.get(c.audience.id)?.(profileFacts) === true;
    const ids = {
      audienceId: c.audience.id,
      profileKey: c.profileKey,
      identityKey: identityKey(c.data.identity),
    };
    const key = `${ids.audienceId} ${ids.profileKey}`;
    const step = nextMembership(byKey.get(key), qualifies, now, ids);
    if (step.membership !== undefined) writes.push(step.membership);
    if (step.changed !== null) published.push({ ...ids, status: step.changed, at: now });
  }
  await store.audiences.saveMemberships(writes);
  return published;
}

export const graphProfileKey = (graphId: string): string => `g:${graphId}`;
export const identityProfileKey = (key: string): string => `i:${key}`;

/** The profiles of the graphs under each audience's policy. */
async function candidatesOf(
  deps: ServiceDeps,
  nodes: readonly GraphNode[],
  audiences: readonly Audience[],
): Promise<Candidate[]> {
  const profiles = new ProfileService(deps, new MergePolicyService(deps));
  const byPolicy = new Map<string, { data: ProfileData; hasData: boolean }[]>();
  for (const policyId of new Set(audiences.map((a) => a.mergePolicyId))) {
    const [policy] = await deps.store.policies.getMany([policyId]);
    if (policy !== undefined) byPolicy.set(policyId, await profiles.ofGraphs(nodes, policy));
  }
  return audiences.flatMap((audience) =>
    (byPolicy.get(audience.mergePolicyId) ?? []).map(({ data, hasData }) => ({
      audience,
      profileKey: profileKeyOf(data),
      data,
      hasData,
    })),
  );
}

/** The key of a profile in memberships: its graph when its policy stitches, else its identity. */
export const profileKeyOf = (data: ProfileData): string =>
  data.policy.identityStitching !== 'NONE' && data.graphId !== null
    ? graphProfileKey(data.graphId)
    : identityProfileKey(identityKey(data.identity));

/** What each profile's conditions read: merged attributes, and events only when needed. */
async function factsOf(
  deps: ServiceDeps,
  profiles: readonly ProfileData[],
  audiences: readonly Audience[],
  now: number,
): Promise<Map<ProfileData, ProfileFacts>> {
  const needs = audiences.map((a) => conditionNeeds(a.condition));
  // Only what some condition reads: the computed attributes it names, merged attributes if any.
  const named = new Set(needs.flatMap((n) => [...n.computed]));
  const readsAttributes = needs.some((n) => n.attributes);
  const definitions =
    named.size === 0
      ? []
      : (await deps.store.computed.list()).filter(
          (c) => c.status === 'ACTIVE' && named.has(c.name),
        );
  const starts = [
    ...needs.map((n) => n.eventWindowStart(now)),
    longestLookbackStart(definitions, now),
  ].filter((s): s is number => s !== null);
  const events =
    starts.length === 0
      ? profiles.map(() => [])
      : await windowEvents(
          deps.store,
          profiles.map((p) => p.stitchedKeys),
          Math.min(...starts),
        );
  const compute = compileComputedValues(definitions);
  return new Map(
    profiles.map((p, i) => {
      const own = events[i] ?? [];
      const computed = definitions.length > 0 ? compute(own, now) : new Map<string, unknown>();
      const attributes = readsAttributes ? mergeFragments(p.fragments, p.policy) : {};
      return [p, { attributes, computed, events: own, now }];
    }),
  );
}
