import type { SystemJob } from '../../domain/jobs/SystemJob';
import { planSystemJob, type SystemJobRequest } from '../../domain/jobs/planSystemJob';
import { newId } from '../newId';
import type { ServiceDeps } from '../ServiceDeps';
import type { SystemJobRunner } from './SystemJobRunner';

/** SEMANTICS §4 (system jobs): checks and records a job, which then runs in the background. */
export class SystemJobService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly runner: SystemJobRunner,
  ) {}

  async create(request: SystemJobRequest): Promise<SystemJob> {
    const { store, clock } = this.deps;
    const [dataset] = await store.datasets.getMany([request.datasetId]);
    const [schema] = dataset ? await store.schemas.getMany([dataset.schemaId]) : [];
    const batch = request.batchId === null ? undefined : await store.batches.get(request.batchId);
    const type = planSystemJob(request, dataset, schema, batch);
    const now = clock();
    const job: SystemJob = {
      id: newId('job'),
      type,
      status: 'NEW',
      datasetId: request.datasetId,
      batchId: request.batchId,
      fragmentsDeleted: 0,
      eventsDeleted: 0,
      error: null,
      createdAt: now,
      updatedAt: now,
    };
    await store.jobs.insert(job);
    this.runner.schedule(store.sandbox, job.id);
    return job;
  }

  get(id: string): Promise<SystemJob | undefined> {
    return this.deps.store.jobs.get(id);
  }

  list(): Promise<SystemJob[]> {
    return this.deps.store.jobs.list();
  }
}
