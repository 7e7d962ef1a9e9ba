import type { Kysely } from 'kysely';
import type { JobStatus, SystemJob, SystemJobType } from '../../domain/jobs/SystemJob';
import type { SystemJobRepository } from '../ports';
import { time } from './rows';
import type { Tables } from './tables';

export class SqlSystemJobRepository implements SystemJobRepository {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly sandbox: string,
  ) {}

  async get(id: string): Promise<SystemJob | undefined> {
    const row = await this.db
      .selectFrom('system_jobs')
      .selectAll()
      .where('sandbox', '=', this.sandbox)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && jobFromRow(row);
  }

  async list(): Promise<SystemJob[]> {
    const rows = await this.db
      .selectFrom('system_jobs')
      .selectAll()
      .where('sandbox', '=', this.sandbox)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(jobFromRow);
  }

  async insert(job: SystemJob): Promise<void> {
    await this.db.insertInto('system_jobs').values(jobToRow(this.sandbox, job)).execute();
  }

  async update(job: SystemJob): Promise<void> {
    const { sandbox: _s, id: _i, ...changes } = jobToRow(this.sandbox, job);
    await this.db
      .updateTable('system_jobs')
      .set(changes)
      .where('sandbox', '=', this.sandbox)
      .where('id', '=', job.id)
      .execute();
  }
}

const jobFromRow = (r: Tables['system_jobs']): SystemJob => ({
  id: r.id,
  type: r.type as SystemJobType,
  status: r.status as JobStatus,
  datasetId: r.dataset_id,
  batchId: r.batch_id,
  fragmentsDeleted: r.fragments_deleted,
  eventsDeleted: r.events_deleted,
  error: r.error,
  createdAt: time(r.created_at),
  updatedAt: time(r.updated_at),
});

const jobToRow = (sandbox: string, j: SystemJob): Tables['system_jobs'] => ({
  sandbox,
  id: j.id,
  type: j.type,
  status: j.status,
  dataset_id: j.datasetId,
  batch_id: j.batchId,
  fragments_deleted: j.fragmentsDeleted,
  events_deleted: j.eventsDeleted,
  error: j.error,
  created_at: j.createdAt.getTime(),
  updated_at: j.updatedAt.getTime(),
});
