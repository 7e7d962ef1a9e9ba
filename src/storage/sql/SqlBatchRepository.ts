import { type Kysely, sql } from 'kysely';
import type { Batch, BatchFormat, BatchStatus, FailedRecord } from '../../domain/batch/Batch';
import type { IngestOperation } from '../../domain/ingestion/prepareRecord';
import type { BatchRepository } from '../ports';
import { inOrder, time } from './rows';
import type { Tables } from './tables';

export class SqlBatchRepository implements BatchRepository {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly sandbox: string,
  ) {}

  async get(id: string): Promise<Batch | undefined> {
    const row = await this.db
      .selectFrom('batches')
      .selectAll()
      .where('sandbox', '=', this.sandbox)
      .where('id', '=', id)
      .executeTakeFirst();
    return row && batchFromRow(row);
  }

  async getMany(ids: readonly string[]): Promise<(Batch | undefined)[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('batches')
      .selectAll()
      .where('sandbox', '=', this.sandbox)
      .where('id', 'in', [...ids])
      .execute();
    return inOrder(ids, rows.map(batchFromRow));
  }

  async list(datasetId?: string): Promise<Batch[]> {
    let query = this.db.selectFrom('batches').selectAll().where('sandbox', '=', this.sandbox);
    if (datasetId !== undefined) query = query.where('dataset_id', '=', datasetId);
    return (await query.orderBy('created_at', 'desc').orderBy('id').execute()).map(batchFromRow);
  }

  async insert(batch: Batch): Promise<void> {
    await this.db.insertInto('batches').values(batchToRow(this.sandbox, batch)).execute();
  }

  async update(batch: Batch): Promise<void> {
    const { sandbox: _s, id: _i, ...changes } = batchToRow(this.sandbox, batch);
    await this.db
      .updateTable('batches')
      .set(changes)
      .where('sandbox', '=', this.sandbox)
      .where('id', '=', batch.id)
      .execute();
  }

  async addFailures(batchId: string, failures: readonly FailedRecord[]): Promise<void> {
    if (failures.length === 0) return;
    const start = (await this.countFailures(batchId)) + 1;
    const rows = failures.map((f, i) => ({
      sandbox: this.sandbox,
      batch_id: batchId,
      seq: start + i,
      file: f.file,
      line: f.line,
      errors: JSON.stringify(f.errors),
      record: f.record === undefined ? null : JSON.stringify(f.record),
    }));
    for (let i = 0; i < rows.length; i += 1000) {
      await this.db
        .insertInto('failed_records')
        .values(rows.slice(i, i + 1000))
        .execute();
    }
  }

  async failures(batchId: string, after: number, first: number) {
    const rows = await this.db
      .selectFrom('failed_records')
      .selectAll()
      .where('sandbox', '=', this.sandbox)
      .where('batch_id', '=', batchId)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(first)
      .execute();
    return rows.map((r) => ({
      seq: r.seq,
      failure: {
        file: r.file,
        line: r.line,
        errors: JSON.parse(r.errors) as FailedRecord['errors'],
        record: r.record === null ? null : (JSON.parse(r.record) as unknown),
      },
    }));
  }

  async countFailures(batchId: string): Promise<number> {
    const row = await this.db
      .selectFrom('failed_records')
      .select(sql<number | string>`count(*)`.as('n'))
      .where('sandbox', '=', this.sandbox)
      .where('batch_id', '=', batchId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }
}

const batchFromRow = (r: Tables['batches']): Batch => ({
  id: r.id,
  datasetId: r.dataset_id,
  format: r.format as BatchFormat,
  operation: r.operation as IngestOperation,
  status: r.status as BatchStatus,
  files: JSON.parse(r.files) as Batch['files'],
  recordsAccepted: r.records_accepted,
  recordsRejected: r.records_rejected,
  cursor: { file: r.cursor_file, items: r.cursor_items },
  error: r.error,
  createdAt: time(r.created_at),
  completedAt: r.completed_at === null ? null : time(r.completed_at),
});

const batchToRow = (sandbox: string, b: Batch): Tables['batches'] => ({
  sandbox,
  id: b.id,
  dataset_id: b.datasetId,
  format: b.format,
  operation: b.operation,
  status: b.status,
  files: JSON.stringify(b.files),
  records_accepted: b.recordsAccepted,
  records_rejected: b.recordsRejected,
  cursor_file: b.cursor.file,
  cursor_items: b.cursor.items,
  error: b.error,
  created_at: b.createdAt.getTime(),
  completed_at: b.completedAt?.getTime() ?? null,
});
