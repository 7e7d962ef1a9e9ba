import type { Kysely } from 'kysely';
import type { Dataset } from '../../domain/catalog/types';
import type { SchemaClass } from '../../domain/enumValues';
import type { DatasetRepository } from '../ports';
import { datasetFromRow, datasetToRow, inOrder } from './rows';
import type { Tables } from './tables';
import type { CompiledQueries } from './CompiledQueries';

export class SqlDatasetRepository implements DatasetRepository {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly sandbox: string,
    private readonly queries: CompiledQueries,
  ) {}

  private select() {
    return this.db.selectFrom('datasets').selectAll().where('sandbox', '=', this.sandbox);
  }

  async list(): Promise<Dataset[]> {
    const rows = await this.select().orderBy('created_at').orderBy('id').execute();
    return rows.map(datasetFromRow);
  }

  async getMany(ids: readonly string[]): Promise<(Dataset | undefined)[]> {
    if (ids.length === 0) return [];
    const rows = await this.select()
      .where('id', 'in', [...ids])
      .execute();
    return inOrder(ids, rows.map(datasetFromRow));
  }

  async ofClass(ids: readonly string[], schemaClass: SchemaClass): Promise<Dataset[]> {
    if (ids.length === 0) return [];
    const shape = `datasets.ofClass/${ids.length}`;
    const rows = await this.queries.catalogRows(
      this.db,
      shape,
      [this.sandbox, ...ids, schemaClass],
      () =>
        this.db
          .selectFrom('datasets')
          .innerJoin('xdm_schemas', (join) =>
            join
              .onRef('xdm_schemas.sandbox', '=', 'datasets.sandbox')
              .onRef('xdm_schemas.id', '=', 'datasets.schema_id'),
          )
          .selectAll('datasets')
          .where('datasets.sandbox', '=', this.sandbox)
          .where('datasets.id', 'in', [...ids])
          .where('xdm_schemas.class', '=', schemaClass),
    );
    return rows.map(datasetFromRow);
  }

  async findByName(name: string): Promise<Dataset | undefined> {
    const row = await this.select().where('name_key', '=', name.toLowerCase()).executeTakeFirst();
    return row && datasetFromRow(row);
  }

  async insert(dataset: Dataset): Promise<boolean> {
    const result = await this.db
      .insertInto('datasets')
      .values(datasetToRow(this.sandbox, dataset))
      .onConflict((oc) => oc.columns(['sandbox', 'name_key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async update(dataset: Dataset): Promise<void> {
    const {
      sandbox: _sandbox,
      id: _id,
      created_at: _created,
      ...changes
    } = datasetToRow(this.sandbox, dataset);
    await this.db
      .updateTable('datasets')
      .set(changes)
      .where('sandbox', '=', this.sandbox)
      .where('id', '=', dataset.id)
      .execute();
  }
}
