import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { CompiledQueries } from '../../../src/storage/sql/CompiledQueries';
import type { Tables } from '../../../src/storage/sql/tables';

describe('CompiledQueries', () => {
  const db = new Kysely<Tables>({
    dialect: new SqliteDialect({ database: new Database(':memory:') }),
  });
  beforeAll(async () => {
    await db.schema
      .createTable('sandboxes')
      .addColumn('name', 'text')
      .addColumn('created_at', 'integer')
      .execute();
    await db
      .insertInto('sandboxes')
      .values([
        { name: 'a', created_at: 1 },
        { name: 'b', created_at: 2 },
      ])
      .execute();
  });
  afterAll(() => db.destroy());

  const named = (names: string[]) => () =>
    db.selectFrom('sandboxes').select('name').where('name', 'in', names).orderBy('name');

  it('compiles a shape once and binds new values to its SQL', async () => {
    const queries = new CompiledQueries();
    const build = jest.fn(named(['a']));
    expect(await queries.rows(db, 'named/1', ['a'], build)).toEqual([{ name: 'a' }]);
    expect(await queries.rows(db, 'named/1', ['b'], build)).toEqual([{ name: 'b' }]);
    expect(await queries.rows(db, 'named/1', ['c'], build)).toEqual([]);
    expect(build).toHaveBeenCalledTimes(1);
  });

  it('refuses values given in another order than the SQL binds them', async () => {
    const queries = new CompiledQueries();
    const build = () => named(['a'])().where('created_at', '=', 1);
    await expect(queries.rows(db, 'swapped', [1, 'a'], build)).rejects.toThrow(/another order/);
  });
});
