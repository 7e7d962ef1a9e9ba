import { conflict, notFound } from '../../domain/AppError';
import { Issues } from '../../domain/Issues';
import { checkDatasetFlags } from '../../domain/catalog/checkDatasetFlags';
import { checkText } from '../../domain/catalog/checkText';
import type { Dataset, XdmSchema } from '../../domain/catalog/types';
import type { SandboxStore } from '../../storage/ports';
import type { Clock } from '../Clock';
import { newId } from '../newId';
import type { ServiceDeps } from '../ServiceDeps';
import { publishCatalogChange } from './publishCatalogChange';

export interface CreateDatasetInput {
  name: string;
  schemaId: string;
  profileEnabled?: boolean | null;
  identityEnabled?: boolean | null;
  upsertEnabled?: boolean | null;
  eventTtlDays?: number | null;
}

/** Omitted (or null) flags and name stay as they are; `eventTtlDays: null` removes the TTL. */
export interface UpdateDatasetInput {
  name?: string | null;
  profileEnabled?: boolean | null;
  identityEnabled?: boolean | null;
  upsertEnabled?: boolean | null;
  eventTtlDays?: number | null;
}

/** SEMANTICS §1 (datasets). */
export class DatasetService {
  private readonly store: SandboxStore;
  private readonly clock: Clock;

  constructor(private readonly deps: ServiceDeps) {
    this.store = deps.store;
    this.clock = deps.clock;
  }

  list(): Promise<Dataset[]> {
    return this.store.datasets.list();
  }

  getMany(ids: readonly string[]): Promise<(Dataset | undefined)[]> {
    return this.store.datasets.getMany(ids);
  }

  async create(input: CreateDatasetInput): Promise<Dataset> {
    checkName(input.name);
    const dataset: Dataset = {
      id: newId('ds'),
      name: input.name.trim(),
      schemaId: input.schemaId,
      profileEnabled: input.profileEnabled ?? false,
      identityEnabled: input.identityEnabled ?? false,
      upsertEnabled: input.upsertEnabled ?? false,
      eventTtlDays: input.eventTtlDays ?? null,
      createdAt: this.clock(),
    };
    await this.store.transaction(async (store) => {
      const [schema] = await store.schemas.getMany([input.schemaId]);
      if (schema === undefined)
        throw notFound('input.schemaId', `there is no schema "${input.schemaId}"`);
      checkDatasetFlags(dataset, schema, 'input');
      if (!(await store.datasets.insert(dataset))) throw nameTaken(dataset);
    });
    this.announce(dataset, 'CREATED');
    return dataset;
  }

  async update(id: string, input: UpdateDatasetInput): Promise<Dataset> {
    if (input.name !== undefined && input.name !== null) checkName(input.name);
    const dataset = await this.store.transaction(async (store) => {
      const [current] = await store.datasets.getMany([id]);
      if (current === undefined) throw notFound('id', `there is no dataset "${id}"`);
      const next: Dataset = {
        ...current,
        name: input.name?.trim() ?? current.name,
        profileEnabled: input.profileEnabled ?? current.profileEnabled,
        identityEnabled: input.identityEnabled ?? current.identityEnabled,
        upsertEnabled: input.upsertEnabled ?? current.upsertEnabled,
        eventTtlDays: input.eventTtlDays === undefined ? current.eventTtlDays : input.eventTtlDays,
      };
      const [schema] = (await store.schemas.getMany([current.schemaId])) as [XdmSchema];
      checkDatasetFlags(next, schema, 'input');
      if (next.name.toLowerCase() !== current.name.toLowerCase()) await checkNameFree(store, next);
      await store.datasets.update(next);
      return next;
    });
    this.announce(dataset, 'UPDATED');
    return dataset;
  }

  private announce(dataset: Dataset, action: 'CREATED' | 'UPDATED'): void {
    const item = { id: dataset.id, name: dataset.name, at: this.clock() };
    publishCatalogChange(this.deps.events, 'DATASET', action, item);
  }
}

function checkName(name: string): void {
  const issues = new Issues();
  checkText(issues, 'input.name', name, { required: true, max: 256 });
  issues.throwIfAny();
}

async function checkNameFree(store: SandboxStore, dataset: Dataset): Promise<void> {
  if ((await store.datasets.findByName(dataset.name)) !== undefined) throw nameTaken(dataset);
}

const nameTaken = (dataset: Dataset) =>
  conflict('input.name', `a dataset named "${dataset.name}" already exists`);
