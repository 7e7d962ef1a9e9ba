import type { Kysely } from 'kysely';
import type { AccountRelation, AccountRelationRepository } from '../ports';
import { chunks } from './chunks';
import { inTransaction } from './inTransaction';
import type { RowWriter } from './RowWriter';
import type { Tables } from './tables';

/**
 * `accountKeys` are one account graph's identities, bounded by the graph size limit: each is
 * read through the primary key (sandbox, account_key, profile_key), never a scan.
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
    // One ordered read per account key through the primary key, merged here: with `IN` over
    // several keys SQLite orders by walking the sandbox's whole profile index instead.
    const reads = await Promise.all(
      [...new Set(accountKeys)].map((key) => {
        let query = this.relationsOf(key).select(['profile_key', 'identity_key']);
        if (after !== null) query = query.where('profile_key', '>', after);
        return query.orderBy('profile_key').limit(limit).execute();
      }),
    );
    // A person related through two of the account's keys is one person.
    const byProfile = new Map<string, string>();
    for (const row of reads.flat()) {
      if (!byProfile.has(row.profile_key)) byProfile.set(row.profile_key, row.identity_key);
    }
    return [...byProfile]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, limit)
      .map(([profileKey, identityKey]) => ({ profileKey, identityKey }));
  }

  async countPeople(accountKeys: readonly string[]): Promise<number> {
    const [first, ...rest] = [...new Set(accountKeys)].map((key) =>
      this.relationsOf(key).select('profile_key'),
    );
    if (first === undefined) return 0;
    // Each key read through the primary key; the union counts a person once.
    const people = rest.reduce((union, next) => union.union(next), first);
    const row = await this.db
      .selectFrom(people.as('people'))
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    // PostgreSQL counts in bigint, which arrives as a string.
    return Number(row.n);
  }

  private relationsOf(accountKey: string) {
    return this.db
      .selectFrom('account_relations')
      .where('sandbox', '=', this.sandbox)
      .where('account_key', '=', accountKey);
  }
}
