import type { Kysely } from 'kysely';
import type {
  Audience,
  Condition,
  Membership,
  MembershipStatus,
} from '../../domain/audiences/Audience';
import type { AudienceRepository } from '../ports';
import { chunks } from './chunks';
import { inTransaction } from './inTransaction';
import { inOrder, time } from './rows';
import type { RowWriter } from './RowWriter';
import type { Tables } from './tables';

/** The statuses of a profile that is in the audience now (SEMANTICS §5). */
const CURRENT: MembershipStatus[] = ['REALIZED', 'EXISTING'];

export class SqlAudienceRepository implements AudienceRepository {
  constructor(
    private readonly db: Kysely<Tables>,
    private readonly sandbox: string,
    private readonly writer: RowWriter,
  ) {}

  private select() {
    return this.db.selectFrom('audiences').selectAll().where('sandbox', '=', this.sandbox);
  }

  private selectMembers() {
    return this.db.selectFrom('audience_members').selectAll().where('sandbox', '=', this.sandbox);
  }

  async list(): Promise<Audience[]> {
    const rows = await this.select().orderBy('created_at').orderBy('id').execute();
    return rows.map(audienceFromRow);
  }

  async getMany(ids: readonly string[]): Promise<(Audience | undefined)[]> {
    if (ids.length === 0) return [];
    const rows = await this.select()
      .where('id', 'in', [...ids])
      .execute();
    return inOrder(ids, rows.map(audienceFromRow));
  }

  async insert(audience: Audience): Promise<boolean> {
    const result = await this.db
      .insertInto('audiences')
      .values(audienceToRow(this.sandbox, audience))
      .onConflict((oc) => oc.columns(['sandbox', 'name_key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  async update(audience: Audience): Promise<void> {
    const {
      sandbox: _sandbox,
      id: _id,
      created_at: _created,
      ...changes
    } = audienceToRow(this.sandbox, audience);
    await this.db
      .updateTable('audiences')
      .set(changes)
      .where('sandbox', '=', this.sandbox)
      .where('id', '=', audience.id)
      .execute();
  }

  async delete(id: string): Promise<void> {
    // Together, so no audience is left without its members nor members without their audience.
    await inTransaction(this.db, async (trx) => {
      await trx
        .deleteFrom('audience_members')
        .where('sandbox', '=', this.sandbox)
        .where('audience_id', '=', id)
        .execute();
      await trx
        .deleteFrom('audiences')
        .where('sandbox', '=', this.sandbox)
        .where('id', '=', id)
        .execute();
    });
  }

  async membershipsOf(profileKeys: readonly string[]): Promise<Membership[]> {
    const found: Membership[] = [];
    for (const part of chunks([...new Set(profileKeys)])) {
      const rows = await this.selectMembers().where('profile_key', 'in', part).execute();
      found.push(...rows.map(membershipFromRow));
    }
    return found;
  }

  async saveMemberships(memberships: readonly Membership[]): Promise<void> {
    // The last of each key wins: PostgreSQL refuses to update a row twice in one statement.
    const byKey = new Map(memberships.map((m) => [`${m.audienceId}\u001f${m.profileKey}`, m]));
    await this.writer.upsert(this.db, {
      table: 'audience_members',
      rows: [...byKey.values()].map((m) => membershipToRow(this.sandbox, m)),
      key: ['sandbox', 'audience_id', 'profile_key'],
      update: ['identity_key', 'status', 'since'],
    });
  }

  async deleteMembershipsOf(profileKeys: readonly string[]): Promise<void> {
    for (const part of chunks([...new Set(profileKeys)])) {
      await this.db
        .deleteFrom('audience_members')
        .where('sandbox', '=', this.sandbox)
        .where('profile_key', 'in', part)
        .execute();
    }
  }

  async members(audienceId: string, after: string | null, limit: number): Promise<Membership[]> {
    let query = this.selectMembers()
      .where('audience_id', '=', audienceId)
      .where('status', 'in', CURRENT)
      .orderBy('profile_key')
      .limit(limit);
    if (after !== null) query = query.where('profile_key', '>', after);
    return (await query.execute()).map(membershipFromRow);
  }

  async countMembers(audienceIds: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map(audienceIds.map((id) => [id, 0]));
    for (const part of chunks([...counts.keys()])) {
      const rows = await this.db
        .selectFrom('audience_members')
        .select((eb) => ['audience_id', eb.fn.countAll<number | string>().as('n')])
        .where('sandbox', '=', this.sandbox)
        .where('audience_id', 'in', part)
        .where('status', 'in', CURRENT)
        .groupBy('audience_id')
        .execute();
      // PostgreSQL counts in bigint, which arrives as a string.
      for (const r of rows) counts.set(r.audience_id, Number(r.n));
    }
    return counts;
  }
}

const audienceFromRow = (r: Tables['audiences']): Audience => ({
  id: r.id,
  name: r.name,
  description: r.description,
  condition: JSON.parse(r.condition_json) as Condition,
  mergePolicyId: r.merge_policy_id,
  backfill: {
    done: r.backfill_done !== 0,
    cursor: r.backfill_cursor,
    evaluated: r.backfill_evaluated,
  },
  createdAt: time(r.created_at),
  updatedAt: time(r.updated_at),
});

const audienceToRow = (sandbox: string, a: Audience): Tables['audiences'] => ({
  sandbox,
  id: a.id,
  name: a.name,
  name_key: a.name.toLowerCase(),
  description: a.description,
  condition_json: JSON.stringify(a.condition),
  merge_policy_id: a.mergePolicyId,
  backfill_done: a.backfill.done ? 1 : 0,
  backfill_cursor: a.backfill.cursor,
  backfill_evaluated: a.backfill.evaluated,
  created_at: a.createdAt.getTime(),
  updated_at: a.updatedAt.getTime(),
});

const membershipFromRow = (r: Tables['audience_members']): Membership => ({
  audienceId: r.audience_id,
  profileKey: r.profile_key,
  identityKey: r.identity_key,
  status: r.status as MembershipStatus,
  since: Number(r.since),
});

const membershipToRow = (sandbox: string, m: Membership): Tables['audience_members'] => ({
  sandbox,
  audience_id: m.audienceId,
  profile_key: m.profileKey,
  identity_key: m.identityKey,
  status: m.status,
  since: m.since,
});
