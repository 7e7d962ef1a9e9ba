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

  describe('catalogRows', () => {
    let stamp = 'v1';
    const memoized = () => new CompiledQueries({ db, stamp: () => stamp });
    const rename = (from: string, to: string, on: typeof db = db) =>
      on.updateTable('sandboxes').set({ name: to }).where('name', '=', from).execute();

    it('keeps an answer while the stamp is unchanged, and reads again once it moves', async () => {
      const queries = memoized();
      stamp = 'v1';
      expect(await queries.catalogRows(db, 'named/1', ['a'], named(['a']))).toEqual([
        { name: 'a' },
      ]);
      await rename('a', 'a2'); // behind the stamp's back: the kept answer stands
      expect(await queries.catalogRows(db, 'named/1', ['a'], named(['a']))).toEqual([
        { name: 'a' },
      ]);
      stamp = 'v2';
      expect(await queries.catalogRows(db, 'named/1', ['a'], named(['a']))).toEqual([]);
      await rename('a2', 'a');
    });

    it('keeps nothing for a transaction or another connection, and shares frozen rows', async () => {
      const queries = memoized();
      stamp = 'v3';
      await db.transaction().execute(async (trx) => {
        await rename('b', 'b2', trx);
        const inside = await queries.catalogRows(trx, 'named/1', ['b'], named(['b']));
        expect(inside).toEqual([]);
        await rename('b2', 'b', trx);
      });
      const rows = await queries.catalogRows(db, 'named/1', ['b'], named(['b']));
      expect(rows).toEqual([{ name: 'b' }]);
      expect(Object.isFrozen(rows) && rows.every((r) => Object.isFrozen(r))).toBe(true);
      // Kept only for reads on the memo's own connection: here another one.
      const elsewhere = new Kysely<Tables>({
        dialect: new SqliteDialect({ database: new Database(':memory:') }),
      });
      const plain = new CompiledQueries({ db: elsewhere, stamp: () => stamp });
      expect(Object.isFrozen(await plain.catalogRows(db, 'named/1', ['b'], named(['b'])))).toBe(
        false,
      );
      await elsewhere.destroy();
    });

    it('keeps no answer under a key of request-sized values', async () => {
      const queries = memoized();
      stamp = 'v1';
      const long = 'x'.repeat(5000);
      const build = jest.fn(named([long]));
      expect(await queries.catalogRows(db, 'named/1', [long], build)).toEqual([]);
      await db.insertInto('sandboxes').values({ name: long, created_at: 3 }).execute();
      // Read again, though the stamp did not move: nothing was kept.
      expect(await queries.catalogRows(db, 'named/1', [long], build)).toEqual([{ name: long }]);
      await db.deleteFrom('sandboxes').where('name', '=', long).execute();
    });
  });
});
