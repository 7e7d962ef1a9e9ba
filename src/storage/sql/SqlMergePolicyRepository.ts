import type { Kysely } from 'kysely';
import type {
  AttributeMerge,
  IdentityStitching,
  MergePolicy,
  PolicyClass,
} from '../../domain/policies/MergePolicy';
import type { MergePolicyRepository } from '../ports';
import { inOrder, time } from './rows';
import type { Tables } from './tables';
import type { CompiledQueries } from './CompiledQueries';

export class SqlMergePolicyRepository implements MergePolicyRepository {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly sandbox: string,
    private readonly queries: CompiledQueries,
  ) {}

  private select() {
    return this.db.selectFrom('merge_policies').selectAll().where('sandbox', '=', this.sandbox);
  }

  async list(schemaClass?: PolicyClass): Promise<MergePolicy[]> {
    const [shape, parameters] =
      schemaClass === undefined
        ? ['policies.list', [this.sandbox]]
        : ['policies.list/class', [this.sandbox, schemaClass]];
    const rows = await this.queries.catalogRows(this.db, shape, parameters, () => {
      const query = this.select().orderBy('is_default', 'desc').orderBy('name_key');
      return schemaClass === undefined ? query : query.where('schema_class', '=', schemaClass);
    });
    return rows.map(policyFromRow);
  }

  async getMany(ids: readonly string[]): Promise<(MergePolicy | undefined)[]> {
    if (ids.length === 0) return [];
    const rows = await this.select()
      .where('id', 'in', [...ids])
      .execute();
    return inOrder(ids, rows.map(policyFromRow));
  }

  async insert(policy: MergePolicy): Promise<boolean> {
    const result = await this.db
      .insertInto('merge_policies')
      .values(policyToRow(this.sandbox, policy))
      .onConflict((oc) => oc.columns(['sandbox', 'name_key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async update(policy: MergePolicy): Promise<void> {
    const { sandbox: _s, id: _i, ...changes } = policyToRow(this.sandbox, policy);
    await this.db
      .updateTable('merge_policies')
      .set(changes)
      .where('sandbox', '=', this.sandbox)
      .where('id', '=', policy.id)
      .execute();
  }

  async delete(id: string): Promise<void> {
    await this.db
      .deleteFrom('merge_policies')
      .where('sandbox', '=', this.sandbox)
      .where('id', '=', id)
      .execute();
  }
}

const policyFromRow = (r: Tables['merge_policies']): MergePolicy => ({
  id: r.id,
  name: r.name,
  schemaClass: r.schema_class as PolicyClass,
  identityStitching: r.identity_stitching as IdentityStitching,
  attributeMerge: r.attribute_merge as AttributeMerge,
  datasetOrder: JSON.parse(r.dataset_order) as string[],
  isDefault: r.is_default !== 0,
  activeOnEdge: r.active_on_edge !== 0,
  version: r.version,
  updatedAt: time(r.updated_at),
});

const policyToRow = (sandbox: string, p: MergePolicy): Tables['merge_policies'] => ({
  sandbox,
  id: p.id,
  name: p.name,
  name_key: p.name.toLowerCase(),
  schema_class: p.schemaClass,
  identity_stitching: p.identityStitching,
  attribute_merge: p.attributeMerge,
  dataset_order: JSON.stringify(p.datasetOrder),
  is_default: p.isDefault ? 1 : 0,
  active_on_edge: p.activeOnEdge ? 1 : 0,
  version: p.version,
  updated_at: p.updatedAt.getTime(),
});
