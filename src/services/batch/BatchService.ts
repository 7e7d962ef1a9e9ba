import type { Readable } from 'node:stream';
import { AppError, badInput, notFound } from '../../domain/AppError';
import type { Batch, BatchFile, BatchFormat, FailedRecord } from '../../domain/batch/Batch';
import { refusedOperation } from '../../domain/ingestion/prepareRecord';
import type { IngestOperation } from '../../domain/ingestion/prepareRecord';
import type { XdmSchema } from '../../domain/catalog/types';
import { newId } from '../newId';
import type { ServiceDeps } from '../ServiceDeps';
import type { BatchFiles } from './BatchFiles';
import type { BatchProcessor } from './BatchProcessor';

export interface CreateBatchInput {
  datasetId: string;
  format: BatchFormat;
  operation: IngestOperation;
}

/** SEMANTICS §2 (batches): create → upload files → complete → processed in the background. */
export class BatchService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly files: BatchFiles,
    private readonly processor: BatchProcessor,
  ) {}

  get(id: string): Promise<Batch | undefined> {
    return this.deps.store.batches.get(id);
  }

  getMany(ids: readonly string[]): Promise<(Batch | undefined)[]> {
    return this.deps.store.batches.getMany(ids);
  }

  list(datasetId?: string): Promise<Batch[]> {
    return this.deps.store.batches.list(datasetId);
  }

  async create(input: CreateBatchInput): Promise<Batch> {
    const { store } = this.deps;
    const [dataset] = await store.datasets.getMany([input.datasetId]);
    if (dataset === undefined)
      throw notFound('input.datasetId', `there is no dataset "${input.datasetId}"`);
    const [schema] = (await store.schemas.getMany([dataset.schemaId])) as [XdmSchema];
    // Refused up front: otherwise every record of the batch would be rejected for it.
    const refused = refusedOperation(dataset, schema, input.operation);
    if (refused !== undefined) throw badInput('input.operation', refused.message);
    const batch: Batch = {
      id: newId('b'),
      ...input,
      status: 'LOADING',
      files: [],
      recordsAccepted: 0,
      recordsRejected: 0,
      cursor: { file: 0, items: 0 },
      error: null,
      createdAt: this.deps.clock(),
      completedAt: null,
    };
    await store.batches.insert(batch);
    this.changed(batch.id);
    return batch;
  }

  /** `PUT /batches/{id}/files/{name}`: streams one file in; only while the batch is LOADING. */
  async upload(batchId: string, name: string, body: Readable): Promise<BatchFile> {
    await this.loading(batchId);
    const sizeBytes = await this.files.write(this.deps.store.sandbox, batchId, name, body);
    const file = { name, sizeBytes };
    await this.deps.store.transaction(async (store) => {
      const batch = await this.loading(batchId, store);
      const files = [...batch.files.filter((f) => f.name !== name), file].sort((a, b) =>
        a.name < b.name ? -1 : 1,
      );
      await store.batches.update({ ...batch, files });
    });
    this.changed(batchId);
    return file;
  }

  async complete(batchId: string): Promise<Batch> {
    const batch = await this.deps.store.transaction(async (store) => {
      const current = await this.loading(batchId, store);
      if (current.files.length === 0)
        throw badInput('id', `batch "${batchId}" has no files: upload at least one`);
      const next = { ...current, status: 'PROCESSING' as const };
      await store.batches.update(next);
      return next;
    });
    this.changed(batch.id);
    this.processor.schedule(this.deps.store.sandbox, batch.id);
    return batch;
  }

  /** Stops a batch that is loading or processing; what it already stored stays. */
  async abort(batchId: string): Promise<Batch> {
    const batch = await this.deps.store.transaction(async (store) => {
      const current = await getBatch(store.batches, batchId);
      if (current.status !== 'LOADING' && current.status !== 'PROCESSING') {
        throw new AppError(
          'CONFLICT',
          `batch "${batchId}" is ${current.status} and cannot be aborted`,
          'id',
        );
      }
      const next = { ...current, status: 'ABORTED' as const, completedAt: this.deps.clock() };
      await store.batches.update(next);
      return next;
    });
    this.changed(batchId);
    await this.files.remove(this.deps.store.sandbox, batchId);
    return batch;
  }

  async failures(
    batchId: string,
    after: number,
    first: number,
  ): Promise<{ seq: number; failure: FailedRecord }[]> {
    return this.deps.store.batches.failures(batchId, after, first);
  }

  countFailures(batchId: string): Promise<number> {
    return this.deps.store.batches.countFailures(batchId);
  }

  /** SEMANTICS §6 `batchStatusChanged`: after each commit that changed the batch. */
  private changed(batchId: string): void {
    this.deps.events.publish('batchChanged', { batchId });
  }

  private async loading(batchId: string, store = this.deps.store): Promise<Batch> {
    const batch = await getBatch(store.batches, batchId);
    if (batch.status !== 'LOADING') {
      throw new AppError(
        'CONFLICT',
        `batch "${batchId}" is ${batch.status}: files can only be added while it is LOADING`,
        'id',
      );
    }
    return batch;
  }
}

async function getBatch(
  batches: { get(id: string): Promise<Batch | undefined> },
  id: string,
): Promise<Batch> {
  const batch = await batches.get(id);
  if (batch === undefined) throw notFound('id', `there is no batch "${id}"`);
  return batch;
}
