import type { ExportJob } from '../../domain/exports/ExportJob';
import type { ExportedEvent, ExportedProfile } from '../../domain/exports/exportRows';
import type { GraphNode } from '../../domain/identity/GraphNode';
import { identityFromKey } from '../../domain/identity/Identity';
import type { MergePolicy } from '../../domain/policies/MergePolicy';
import type { StoredEvent } from '../../domain/profile/Fragment';
import { profileKeyOf } from '../audiences/evaluateAudiences';
import { windowEvents } from '../computed/windowEvents';
import { MergePolicyService } from '../policies/MergePolicyService';
import { mergedAttributes } from '../profiles/mergedAttributes';
import type { ProfileData } from '../profiles/ProfileData';
import { profileIdentities } from '../profiles/profileIdentities';
import { ProfileService } from '../profiles/ProfileService';
import type { ServiceDeps } from '../ServiceDeps';

export interface ExportPlan {
  job: ExportJob;
  policy: MergePolicy;
  pageSize: number;
}

/**
 * SEMANTICS §7: the exported profiles, a page at a time, read through `deps.store` (a snapshot,
 * so a profile that changes meanwhile is read once, as it was). Every profile with data under
 * the policy, one per graph when it stitches (else one per identity); with an audience, only
 * the profiles of its current members. Memory holds one page, whatever the store's size.
 */
export async function* profilePages(
  deps: ServiceDeps,
  plan: ExportPlan,
): AsyncGenerator<ExportedProfile[]> {
  const profiles = new ProfileService(deps, new MergePolicyService(deps));
  for await (const { nodes, keep } of sourcePages(deps, plan)) {
    const found = await profiles.ofGraphs(nodes, plan.policy);
    const wanted = found.flatMap(({ data, hasData }) => (hasData && keep(data) ? [data] : []));
    yield await exported(deps, wanted, plan.job);
  }
}

interface SourcePage {
  nodes: GraphNode[];
  /** Whether a profile of these graphs is exported. */
  keep: (data: ProfileData) => boolean;
}

/** Pages of whole graphs: every graph in order, or the graphs of an audience's members. */
async function* sourcePages(deps: ServiceDeps, plan: ExportPlan): AsyncGenerator<SourcePage> {
  const { store } = deps;
  const audienceId = plan.job.audienceId;
  let after: string | null = null;
  do {
    if (audienceId === null) {
      const graphIds = await store.identities.graphIdsAfter(after, plan.pageSize);
      after = graphIds.at(-1) ?? null;
      yield { nodes: await store.identities.membersOf(graphIds), keep: () => true };
    } else {
      const members = await store.audiences.members(audienceId, after, plan.pageSize);
      after = members.at(-1)?.profileKey ?? null;
      const { nodes } = await store.identities.loadGraphsOf(members.map((m) => m.identityKey));
      // The export's policy stitches as the audience's does: a member is one profile key.
      const memberKeys = new Set(members.map((m) => m.profileKey));
      yield { nodes, keep: (data) => memberKeys.has(profileKeyOf(data)) };
    }
  } while (after !== null);
}

async function exported(
  deps: ServiceDeps,
  profiles: readonly ProfileData[],
  job: ExportJob,
): Promise<ExportedProfile[]> {
  const events = job.includeEvents
    ? await windowEvents(
        deps.store,
        profiles.map((p) => p.stitchedKeys),
        job.eventsSince?.getTime() ?? Number.MIN_SAFE_INTEGER,
      )
    : undefined;
  return profiles.map((profile, i) => {
    const row: ExportedProfile = {
      identities: profileIdentities(profile),
      attributes: mergedAttributes(profile, job.fields),
    };
    // Oldest first: an export reads like a history.
    if (events !== undefined) row.events = (events[i] ?? []).map(eventOf).reverse();
    return row;
  });
}

const eventOf = (e: StoredEvent): ExportedEvent => ({
  id: e.eventId,
  timestamp: new Date(e.timestamp).toISOString(),
  datasetId: e.datasetId,
  identity: identityFromKey(e.identityKey),
  data: e.data,
});
