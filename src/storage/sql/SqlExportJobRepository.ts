import type { Kysely } from 'kysely';
import type { ExportFormat, ExportJob } from '../../domain/exports/ExportJob';
import type { JobStatus } from '../../domain/jobs/SystemJob';
import type { MergePolicy } from '../../domain/policies/MergePolicy';
import type { ExportJobRepository } from '../ports';
import { time } from './rows';
import type { Tables } from './tables';

export class SqlExportJobRepository implements ExportJobRepository {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly sandbox: string,
  ) {}

  async get(id: string): Promise<ExportJob | undefined> {
    const row = await this.db
      .selectFrom('export_jobs')
      .selectAll()
      .where('sandbox', '=', this.sandbox)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && exportJobFromRow(row);
  }

  async list(): Promise<ExportJob[]> {
    const rows = await this.db
      .selectFrom('export_jobs')
      .selectAll()
      .where('sandbox', '=', this.sandbox)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(exportJobFromRow);
  }

  async insert(job: ExportJob): Promise<void> {
    await this.db.insertInto('export_jobs').values(exportJobToRow(this.sandbox, job)).execute();
  }

  async update(job: ExportJob): Promise<void> {
    const { sandbox: _s, id: _i, ...changes } = exportJobToRow(this.sandbox, job);
    await this.db
      .updateTable('export_jobs')
      .set(changes)
      .where('sandbox', '=', this.sandbox)
      .where('id', '=', job.id)
      .execute();
  }
}

export const exportJobFromRow = (r: Tables['export_jobs']): ExportJob => ({
  id: r.id,
  status: r.status as JobStatus,
  format: r.format as ExportFormat,
  fields: r.fields === null ? null : (JSON.parse(r.fields) as string[]),
  mergePolicy: policyFromJson(r.merge_policy),
  audienceId: r.audience_id,
  includeEvents: r.include_events === 1,
  eventsSince: r.events_since === null ? null : time(r.events_since),
  profilesExported: r.profiles_exported,
  error: r.error,
  createdAt: time(r.created_at),
  updatedAt: time(r.updated_at),
  finishedAt: r.finished_at === null ? null : time(r.finished_at),
});

const exportJobToRow = (sandbox: string, j: ExportJob): Tables['export_jobs'] => ({
  sandbox,
  id: j.id,
  status: j.status,
  format: j.format,
  fields: j.fields === null ? null : JSON.stringify(j.fields),
  merge_policy: JSON.stringify({ ...j.mergePolicy, updatedAt: j.mergePolicy.updatedAt.getTime() }),
  audience_id: j.audienceId,
  include_events: j.includeEvents ? 1 : 0,
  events_since: j.eventsSince?.getTime() ?? null,
  profiles_exported: j.profilesExported,
  error: j.error,
  created_at: j.createdAt.getTime(),
  updated_at: j.updatedAt.getTime(),
  finished_at: j.finishedAt?.getTime() ?? null,
});

function policyFromJson(json: string): MergePolicy {
  const stored = JSON.parse(json) as Omit<MergePolicy, 'updatedAt'> & { updatedAt: number };
  return { ...stored, updatedAt: time(stored.updatedAt) };
}
