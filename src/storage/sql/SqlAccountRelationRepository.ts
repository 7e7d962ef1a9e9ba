import type { Kysely } from 'kysely';
import type { AccountRelation, AccountRelationRepository } from '../ports';
import { chunks } from './chunks';
import { inTransaction } from './inTransaction';
import type { RowWriter } from './RowWriter';
import type { Tables } from './tables';

/**
 * `accountKeys` are one account graph's identities, bounded by the graph size limit, so they
 * fit one statement: paging and counting across chunks would count a person twice.
 */
export class SqlAccountRelationRepository implements AccountRelationRepository {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly sandbox: string,
    private readonly writer: RowWriter,
  ) {}

  async replace(
    profileKeys: readonly string[],
    relations: readonly AccountRelation[],
  ): Promise<void> {
    // Together, so a reader never sees a profile between losing its relations and regaining them.
    await inTransaction(this.db, async (trx) => {
      for (const part of chunks([...new Set(profileKeys)])) {
        await trx
          .deleteFrom('account_relations')
          .where('sandbox', '=', this.sandbox)
          .where('profile_key', 'in', part)
          .execute();
      }
      await this.writer.upsert(trx, {
        table: 'account_relations',
        rows: relations.map((r) => ({
          sandbox: this.sandbox,
          account_key: r.accountKey,
          profile_key: r.profileKey,
          identity_key: r.identityKey,
        })),
        key: ['sandbox', 'account_key', 'profile_key'],
        update: ['identity_key'],
      });
    });
  }

  async people(
    accountKeys: readonly string[],
    after: string | null,
    limit: number,
  ): Promise<{ profileKey: string; identityKey: string }[]> {
    if (accountKeys.length === 0) return [];
    let query = this.db
      .selectFrom('account_relations')
      // A profile's rows share its identity key (written together): any one of them will do.
      .select((eb) => ['profile_key', eb.fn.min('identity_key').as('identity_key')])
      .where('sandbox', '=', this.sandbox)
      .where('account_key', 'in', [...accountKeys])
      .groupBy('profile_key')
      .orderBy('profile_key')
      .limit(limit);
    if (after !== null) query = query.where('profile_key', '>', after);
    const rows = await query.execute();
    return rows.map((r) => ({ profileKey: r.profile_key, identityKey: r.identity_key }));
  }

  async countPeople(accountKeys: readonly string[]): Promise<number> {
    if (accountKeys.length === 0) return 0;
    const row = await this.db
      .selectFrom('account_relations')
      .select((eb) => eb.fn.count<number | string>('profile_key').distinct().as('n'))
      .where('sandbox', '=', this.sandbox)
      .where('account_key', 'in', [...accountKeys])
      .executeTakeFirstOrThrow();
    // PostgreSQL counts in bigint, which arrives as a string.
    return Number(row.n);
  }
}
