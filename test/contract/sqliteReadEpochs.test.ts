import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { cachingDatabase } from '../../src/storage/sqlite/cachingDatabase';

interface Row {
  id: number;
  value: string;
}
interface Tables {
  items: Row;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Two connections to one WAL file: `db` through the store's connection wrapper, `other` raw. */
describe('SQLite read epochs', () => {
  let dir: string;
  let raw: Database.Database;
  let other: Database.Database;
  let db: Kysely<Tables>;
  const read = async () =>
    (await db.selectFrom('items').select('value').where('id', '=', 1).executeTakeFirst())?.value;
  const otherRead = () =>
    (other.prepare('SELECT value FROM items WHERE id = 1').get() as Row | undefined)?.value;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tessera-epochs-'));
    raw = new Database(join(dir, 'epochs.db'));
    raw.pragma('journal_mode = WAL');
    raw.exec(
      "CREATE TABLE items (id INTEGER PRIMARY KEY, value TEXT); INSERT INTO items VALUES (1, 'one')",
    );
    other = new Database(join(dir, 'epochs.db'));
    other.pragma('busy_timeout = 2000');
    db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: cachingDatabase(raw) }) });
  });
  afterEach(async () => {
    await db.destroy();
    other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('share one read transaction until the event loop turns', async () => {
    expect(await read()).toBe('one');
    expect(raw.inTransaction).toBe(true);
    await turn();
    expect(raw.inTransaction).toBe(false);
  });

  it("see another connection's commit from the next turn on", async () => {
    expect(await read()).toBe('one');
    other.prepare("UPDATE items SET value = 'two' WHERE id = 1").run();
    expect(await read()).toBe('one'); // the epoch's snapshot
    await turn();
    expect(await read()).toBe('two');
  });

  it('end before a write, which commits at once and is read back', async () => {
    expect(await read()).toBe('one');
    await db.updateTable('items').set({ value: 'three' }).where('id', '=', 1).execute();
    expect(raw.inTransaction).toBe(false);
    expect(otherRead()).toBe('three');
    expect(await read()).toBe('three');
  });

  it('end before a transaction and before INSERT … RETURNING, which commit at once', async () => {
    expect(await read()).toBe('one');
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ id: 2, value: 'in a transaction' }).execute();
      expect(await trx.selectFrom('items').select('id').execute()).toHaveLength(2);
    });
    expect(await read()).toBe('one');
    const returned = await db
      .insertInto('items')
      .values({ id: 3, value: 'returned' })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(returned.id).toBe(3);
    expect(raw.inTransaction).toBe(false);
    expect(other.prepare('SELECT count(*) AS n FROM items').get()).toEqual({ n: 3 });
  });

  it('wait for a query still being iterated, then end', async () => {
    expect(await read()).toBe('one');
    const rows = raw.prepare('SELECT * FROM items').iterate();
    rows.next();
    await turn(); // the epoch cannot end while the query runs
    expect(raw.inTransaction).toBe(true);
    rows.return?.();
    await turn();
    await turn();
    expect(raw.inTransaction).toBe(false);
    expect(await sql<{ n: number }>`SELECT count(*) AS n FROM items`.execute(db)).toEqual({
      rows: [{ n: 1 }],
    });
  });

  it('refuse a write while a query still being iterated keeps the epoch open', async () => {
    expect(await read()).toBe('one');
    const rows = raw.prepare('SELECT * FROM items').iterate();
    rows.next();
    await expect(
      db.updateTable('items').set({ value: 'inside' }).where('id', '=', 1).execute(),
    ).rejects.toThrow(/busy executing a query/);
    rows.return?.();
    expect(otherRead()).toBe('one');
  });

  it('forget an epoch SQLite ended itself, and leave later transactions whole', async () => {
    expect(await read()).toBe('one');
    raw.exec('ROLLBACK'); // what SQLite does when a read fails (out of memory, I/O error)
    const failing = db.transaction().execute(async (trx) => {
      await trx.insertInto('items').values({ id: 5, value: 'five' }).execute();
      await turn(); // the epoch's end is due meanwhile: it must not commit this transaction
      await trx.insertInto('items').values({ id: 6, value: 'six' }).execute();
      throw new Error('given up');
    });
    await expect(failing).rejects.toThrow('given up');
    expect(raw.inTransaction).toBe(false);
    expect(other.prepare('SELECT count(*) AS n FROM items').get()).toEqual({ n: 1 });
    expect(await read()).toBe('one');
  });
});
