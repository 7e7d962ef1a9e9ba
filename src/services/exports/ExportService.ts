import { conflict, notFound } from '../../domain/AppError';
import { checkExportRequest } from '../../domain/exports/checkExportRequest';
import {
  CANCELLED,
  exportFileOf,
  type ExportFormat,
  type ExportJob,
} from '../../domain/exports/ExportJob';
import { isJobFinished } from '../../domain/jobs/SystemJob';
import { newId } from '../newId';
import type { MergePolicyService } from '../policies/MergePolicyService';
import type { SchemaService } from '../catalog/SchemaService';
import type { ServiceDeps } from '../ServiceDeps';
import type { ExportFiles } from './ExportFiles';
import type { ExportRunner } from './ExportRunner';

export interface ExportInput {
  format?: ExportFormat | null;
  fields?: string[] | null;
  mergePolicyId?: string | null;
  audienceId?: string | null;
  includeEvents?: boolean | null;
  eventsSince?: Date | null;
}

/** A finished export's file, as the download route serves it. */
export interface ExportDownload {
  path: string;
  fileName: string;
  contentType: string;
}

/**
 * SEMANTICS §7: checks and records export jobs, which then run in the background
 * (`ExportRunner`), cancels them, and finds their files for download, in this sandbox only.
 */
export class ExportService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly policies: MergePolicyService,
    private readonly schemas: SchemaService,
    private readonly runner: ExportRunner,
    private readonly files: ExportFiles,
  ) {}

  async create(input: ExportInput): Promise<ExportJob> {
    const request = {
      format: input.format ?? 'NDJSON',
      fields: input.fields ?? null,
      includeEvents: input.includeEvents ?? false,
      eventsSince: input.eventsSince ?? null,
    };
    const union = await this.schemas.union('PROFILE');
    checkExportRequest(request, new Set(union.fields.map((f) => f.path)));
    const policy = await this.policies.resolve(
      input.mergePolicyId,
      'PROFILE',
      'input.mergePolicyId',
    );
    const audienceId = await this.audienceOf(input.audienceId);
    const now = this.deps.clock();
    const job: ExportJob = {
      id: newId('exp'),
      status: 'NEW',
      ...request,
      mergePolicyId: policy.id,
      audienceId,
      profilesExported: 0,
      error: null,
      createdAt: now,
      updatedAt: now,
      finishedAt: null,
    };
    await this.deps.store.exports.insert(job);
    this.deps.events.publish('exportChanged', { exportId: job.id });
    this.runner.schedule(this.deps.store.sandbox, job.id);
    return job;
  }

  get(id: string): Promise<ExportJob | undefined> {
    return this.deps.store.exports.get(id);
  }

  list(): Promise<ExportJob[]> {
    return this.deps.store.exports.list();
  }

  /**
   * Stops a job that has not finished: it fails as cancelled, and once this returns its
   * partial file is gone (when it ran in this process; another process stops it at its next
   * progress report).
   */
  async cancel(id: string): Promise<ExportJob> {
    const { store, clock } = this.deps;
    const job = await store.transaction(async (tx) => {
      const found = await tx.exports.get(id);
      if (found === undefined) throw notFound('id', `no export job "${id}"`);
      if (isJobFinished(found.status)) {
        throw conflict('id', `export job "${id}" already finished (${found.status})`);
      }
      const now = clock();
      const cancelled: ExportJob = {
        ...found,
        status: 'FAILED',
        error: CANCELLED,
        finishedAt: now,
        updatedAt: now,
      };
      await tx.exports.update(cancelled);
      return cancelled;
    });
    this.deps.events.publish('exportChanged', { exportId: id });
    await this.runner.cancel(store.sandbox, job);
    return job;
  }

  /** The file of a finished export of this sandbox (SEMANTICS §0: no other sandbox's). */
  async download(id: string): Promise<ExportDownload> {
    const job = await this.get(id);
    if (job === undefined) throw notFound('id', `no export job "${id}" in this sandbox`);
    if (job.status !== 'SUCCESS') {
      throw conflict('id', `export job "${id}" is ${job.status}: its file is served once SUCCESS`);
    }
    const { name, contentType } = exportFileOf(job);
    return { path: this.files.path(this.deps.store.sandbox, job), fileName: name, contentType };
  }

  private async audienceOf(id: string | null | undefined): Promise<string | null> {
    if (id === null || id === undefined) return null;
    const [audience] = await this.deps.store.audiences.getMany([id]);
    if (audience === undefined) throw notFound('input.audienceId', `no audience "${id}"`);
    return audience.id;
  }
}
