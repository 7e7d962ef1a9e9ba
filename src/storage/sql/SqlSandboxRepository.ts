import type { Kysely } from 'kysely';
import type { Sandbox } from '../../domain/sandbox';
import type { SandboxRepository } from '../ports';
import { time } from './rows';
import type { Tables } from './tables';

export class SqlSandboxRepository implements SandboxRepository {
  constructor(private readonly db: Kysely<Tables>) {}

  async list(): Promise<Sandbox[]> {
    const rows = await this.db.selectFrom('sandboxes').selectAll().orderBy('name').execute();
    return rows.map((r) => ({ name: r.name, createdAt: time(r.created_at) }));
  }

  async get(name: string): Promise<Sandbox | undefined> {
    const r = await this.db
      .selectFrom('sandboxes')
      .selectAll()
      .where('name', '=', name)
      .executeTakeFirst();
    return r && { name: r.name, createdAt: time(r.created_at) };
  }

  async insert(sandbox: Sandbox): Promise<boolean> {
    const result = await this.db
      .insertInto('sandboxes')
      .values({ name: sandbox.name, created_at: sandbox.createdAt.getTime() })
      .onConflict((oc) => oc.column('name').doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  }
}
