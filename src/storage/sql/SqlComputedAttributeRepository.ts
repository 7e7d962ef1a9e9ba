import type { Kysely } from 'kysely';
import type {
  AggregationFunction,
  ComputedAttribute,
  ComputedAttributeStatus,
} from '../../domain/computed/ComputedAttribute';
import type { DurationUnit } from '../../domain/computed/Duration';
import type { FieldKind } from '../../domain/computed/FieldKind';
import type { FieldFilter } from '../../domain/filters/FieldFilter';
import type { ComputedAttributeRepository } from '../ports';
import { time } from './rows';
import type { Tables } from './tables';

export class SqlComputedAttributeRepository implements ComputedAttributeRepository {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly sandbox: string,
  ) {}

  private select() {
    return this.db
      .selectFrom('computed_attributes')
      .selectAll()
      .where('sandbox', '=', this.sandbox);
  }

  async list(): Promise<ComputedAttribute[]> {
    const rows = await this.select().orderBy('created_at').orderBy('id').execute();
    return rows.map(computedFromRow);
  }

  async get(id: string): Promise<ComputedAttribute | undefined> {
    const row = await this.select().where('id', '=', id).executeTakeFirst();
    return row && computedFromRow(row);
  }

  async insert(definition: ComputedAttribute): Promise<boolean> {
    const result = await this.db
      .insertInto('computed_attributes')
      .values(computedToRow(this.sandbox, definition))
      .onConflict((oc) => oc.columns(['sandbox', 'name_key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async update(definition: ComputedAttribute): Promise<void> {
    const {
      sandbox: _sandbox,
      id: _id,
      created_at: _created,
      ...changes
    } = computedToRow(this.sandbox, definition);
    await this.db
      .updateTable('computed_attributes')
      .set(changes)
      .where('sandbox', '=', this.sandbox)
      .where('id', '=', definition.id)
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db
      .deleteFrom('computed_attributes')
      .where('sandbox', '=', this.sandbox)
      .where('id', '=', id)
      .execute();
  }
}

const computedFromRow = (r: Tables['computed_attributes']): ComputedAttribute => ({
  id: r.id,
  name: r.name,
  description: r.description,
  function: r.function as AggregationFunction,
  field: r.field,
  fieldKind: r.field_kind as FieldKind | null,
  where: JSON.parse(r.where_json) as FieldFilter[],
  lookback: { count: r.lookback_count, unit: r.lookback_unit as DurationUnit },
  status: r.status as ComputedAttributeStatus,
  createdAt: time(r.created_at),
  updatedAt: time(r.updated_at),
});

const computedToRow = (sandbox: string, c: ComputedAttribute): Tables['computed_attributes'] => ({
  sandbox,
  id: c.id,
  name: c.name,
  name_key: c.name.toLowerCase(),
  description: c.description,
  function: c.function,
  field: c.field,
  field_kind: c.fieldKind,
  where_json: JSON.stringify(c.where),
  lookback_count: c.lookback.count,
  lookback_unit: c.lookback.unit,
  status: c.status,
  created_at: c.createdAt.getTime(),
  updated_at: c.updatedAt.getTime(),
});
