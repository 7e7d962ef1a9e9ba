import type { Audience } from '../../domain/audiences/Audience';
import { badInput, conflict, notFound } from '../../domain/AppError';
import type { MergePolicy } from '../../domain/policies/MergePolicy';
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
import { transitionExport } from './transitionExport';

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
    const audience = await this.audienceOf(input.audienceId);
    const policy = await this.policyFor(input.mergePolicyId, audience);
    const audienceId = audience?.id ?? null;
    const now = this.deps.clock();
    const job: ExportJob = {
      id: newId('exp'),
      status: 'NEW',
      ...request,
      mergePolicy: policy,
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
    const { store, events, clock } = this.deps;
    const { job, changed } = await transitionExport(store, events, clock, id, (j) =>
      isJobFinished(j.status)
        ? undefined
        : { status: 'FAILED', error: CANCELLED, finishedAt: clock() },
    );
    if (job === undefined) throw notFound('id', `no export job "${id}"`);
    if (!changed) throw conflict('id', `export job "${id}" already finished (${job.status})`);
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

  private async audienceOf(id: string | null | undefined): Promise<Audience | null> {
    if (id === null || id === undefined) return null;
    const [audience] = await this.deps.store.audiences.getMany([id]);
    if (audience === undefined) throw notFound('input.audienceId', `no audience "${id}"`);
    return audience;
  }

  /**
   * The policy given, else the audience's (an audience's members are profiles under its
   * policy), else the default. With an audience, the policy must stitch as the audience's does,
   * so that each member is exactly one exported profile.
   */
  private async policyFor(
    id: string | null | undefined,
    audience: Audience | null,
  ): Promise<MergePolicy> {
    const field = 'input.mergePolicyId';
    const policy = await this.policies.resolve(id ?? audience?.mergePolicyId, 'PROFILE', field);
    if (audience === null || policy.id === audience.mergePolicyId) return policy;
    const own = await this.policies.resolve(audience.mergePolicyId, 'PROFILE', field);
    if (own.identityStitching !== policy.identityStitching) {
      throw badInput(
        field,
        `audience "${audience.name}" holds profiles under identity stitching ${own.identityStitching}; export it under a policy with the same stitching`,
      );
    }
    return policy;
  }
}
