import DataLoader from 'dataloader';
import type { Batch } from '../domain/batch/Batch';
import type { Dataset, XdmSchema } from '../domain/catalog/types';
import type { MergePolicy } from '../domain/policies/MergePolicy';
import type { SandboxServices } from '../services/SandboxServices';
import type { Audience, Membership } from '../domain/audiences/Audience';
import type { ComputedValue } from '../services/computed/ComputedAttributeService';
import type { ProfileData } from '../services/profiles/ProfileData';

/** Per-request batching of store reads (never shared between requests: no stale data). */
export interface Loaders {
  schemas: DataLoader<string, XdmSchema | undefined>;
  datasets: DataLoader<string, Dataset | undefined>;
  policies: DataLoader<string, MergePolicy | undefined>;
  batches: DataLoader<string, Batch | undefined>;
  audiences: DataLoader<string, Audience | undefined>;
  memberCounts: DataLoader<string, number>;
  /** By profile object: the profiles of one request are read together. */
  computedValues: DataLoader<ProfileData, ComputedValue[]>;
  memberships: DataLoader<ProfileData, Membership[]>;
  /** By account profile: `peopleCount` and `people.totalCount` count once. */
  peopleCounts: DataLoader<ProfileData, number>;
}

export function createLoaders(services: SandboxServices): Loaders {
  return {
    schemas: new DataLoader((ids) => services.schemas.getMany(ids)),
    datasets: new DataLoader((ids) => services.datasets.getMany(ids)),
    policies: new DataLoader((ids) => services.policies.getMany(ids)),
    batches: new DataLoader((ids) => services.batches.getMany(ids)),
    audiences: new DataLoader((ids) => services.audiences.getMany(ids)),
    memberCounts: new DataLoader(async (ids) => {
      const counts = await services.audiences.countMembers(ids);
      return ids.map((id) => counts.get(id) ?? 0);
    }),
    computedValues: new DataLoader((profiles) => services.computed.valuesOf(profiles)),
    memberships: new DataLoader((profiles) => services.audiences.membershipsOf(profiles)),
    peopleCounts: new DataLoader((accounts) => services.accounts.countPeople(accounts)),
  };
}

/** Forgets everything loaded so far (a subscription's next event reads afresh). */
export function clearLoaders(loaders: Loaders): void {
  for (const loader of Object.values(loaders) as DataLoader<unknown, unknown>[]) loader.clearAll();
}
