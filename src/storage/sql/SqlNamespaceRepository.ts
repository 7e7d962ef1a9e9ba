import type { Kysely } from 'kysely';
import type { IdentityNamespace } from '../../domain/catalog/types';
import type { NamespaceRepository } from '../ports';
import { namespaceFromRow, namespaceToRow } from './rows';
import type { Tables } from './tables';
import type { CompiledQueries } from './CompiledQueries';

export class SqlNamespaceRepository implements NamespaceRepository {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly sandbox: string,
    private readonly queries: CompiledQueries,
  ) {}

  async list(): Promise<IdentityNamespace[]> {
    const rows = await this.db
      .selectFrom('identity_namespaces')
      .selectAll()
      .where('sandbox', '=', this.sandbox)
      .orderBy('custom')
      .orderBy('created_at')
      .orderBy('code_key')
      .execute();
    return rows.map(namespaceFromRow);
  }

  async find(code: string): Promise<IdentityNamespace | undefined> {
    const row = await this.db
      .selectFrom('identity_namespaces')
      .selectAll()
      .where('sandbox', '=', this.sandbox)
      .where('code_key', '=', code.toLowerCase())
      .executeTakeFirst();
    return row && namespaceFromRow(row);
  }

  async findMany(codes: readonly string[]): Promise<IdentityNamespace[]> {
    const keys = [...new Set(codes.map((code) => code.toLowerCase()))];
    if (keys.length === 0) return [];
    const rows = await this.queries.catalogRows(
      this.db,
      `namespaces.findMany/${keys.length}`,
      [this.sandbox, ...keys],
      () =>
        this.db
          .selectFrom('identity_namespaces')
          .selectAll()
          .where('sandbox', '=', this.sandbox)
          .where('code_key', 'in', keys),
    );
    return rows.map(namespaceFromRow);
  }

  async insertMissing(namespaces: readonly IdentityNamespace[]): Promise<number> {
    if (namespaces.length === 0) return 0;
    const result = await this.db
      .insertInto('identity_namespaces')
      .values(namespaces.map((n) => namespaceToRow(this.sandbox, n)))
      .onConflict((oc) => oc.columns(['sandbox', 'code_key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0);
  }
}
