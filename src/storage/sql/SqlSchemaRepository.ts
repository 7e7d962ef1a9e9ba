import type { Kysely } from 'kysely';
import type { XdmSchema } from '../../domain/catalog/types';
import type { SchemaClass } from '../../domain/enumValues';
import type { SchemaRepository } from '../ports';
import { inOrder, schemaFromRow, schemaToRow } from './rows';
import type { Tables } from './tables';

export class SqlSchemaRepository implements SchemaRepository {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly sandbox: string,
  ) {}

  private select() {
    return this.db.selectFrom('xdm_schemas').selectAll().where('sandbox', '=', this.sandbox);
  }

  async list(schemaClass?: SchemaClass): Promise<XdmSchema[]> {
    let query = this.select().orderBy('created_at').orderBy('id');
    if (schemaClass !== undefined) query = query.where('class', '=', schemaClass);
    return (await query.execute()).map(schemaFromRow);
  }

  async getMany(ids: readonly string[]): Promise<(XdmSchema | undefined)[]> {
    if (ids.length === 0) return [];
    const rows = await this.select()
      .where('id', 'in', [...ids])
      .execute();
    return inOrder(ids, rows.map(schemaFromRow));
  }

  async findByName(name: string): Promise<XdmSchema | undefined> {
    const row = await this.select().where('name_key', '=', name.toLowerCase()).executeTakeFirst();
    return row && schemaFromRow(row);
  }

  async insert(schema: XdmSchema): Promise<boolean> {
    const result = await this.db
      .insertInto('xdm_schemas')
      .values(schemaToRow(this.sandbox, schema))
      .onConflict((oc) => oc.columns(['sandbox', 'name_key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async update(schema: XdmSchema, expectedVersion: number): Promise<boolean> {
    const {
      sandbox: _sandbox,
      id: _id,
      created_at: _created,
      ...changes
    } = schemaToRow(this.sandbox, schema);
    const result = await this.db
      .updateTable('xdm_schemas')
      .set(changes)
      .where('sandbox', '=', this.sandbox)
      .where('id', '=', schema.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
