import DataLoader from 'dataloader';
import type { Batch } from '../domain/batch/Batch';
import type { Dataset, XdmSchema } from '../domain/catalog/types';
import type { MergePolicy } from '../domain/policies/MergePolicy';
import type { SandboxServices } from '../services/SandboxServices';

/** Per-request batching of store reads (never shared between requests: no stale data). */
export interface Loaders {
  schemas: DataLoader<string, XdmSchema | undefined>;
  datasets: DataLoader<string, Dataset | undefined>;
  policies: DataLoader<string, MergePolicy | undefined>;
  batches: DataLoader<string, Batch | undefined>;
}

export function createLoaders(services: SandboxServices): Loaders {
  return {
    schemas: new DataLoader((ids) => services.schemas.getMany(ids)),
    datasets: new DataLoader((ids) => services.datasets.getMany(ids)),
    policies: new DataLoader((ids) => services.policies.getMany(ids)),
    batches: new DataLoader((ids) => services.batches.getMany(ids)),
  };
}

/** Forgets everything loaded so far (a subscription's next event reads afresh). */
export function clearLoaders(loaders: Loaders): void {
  for (const loader of Object.values(loaders) as DataLoader<string, unknown>[]) loader.clearAll();
}
