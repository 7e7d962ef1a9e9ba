import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { MIGRATIONS, migrate } from '../../src/storage/sql/migrations';
import type { Tables } from '../../src/storage/sql/tables';
import { ImmediateSqliteDialect } from '../../src/storage/sqlite/ImmediateSqliteDialect';
import { IN_MEMORY, openSqliteStore } from '../../src/storage/sqlite/openSqliteStore';
import { describeAccountRelationContract } from './accountRelationContract';
import { describeExportStoreContract } from './exportStoreContract';
import { describeProfileStoreContract } from './profileStoreContract';
import { describeRealtimeStoreContract } from './realtimeStoreContract';
import { describeStoreContract } from './storeContract';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tessera-store-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describeStoreContract('SQLite, in memory', () => openSqliteStore(IN_MEMORY));
describeStoreContract('SQLite, on disk', () => openSqliteStore(tempDir()));
describeProfileStoreContract('SQLite', () => openSqliteStore(tempDir()));
describeRealtimeStoreContract('SQLite, in memory', () => openSqliteStore(IN_MEMORY));
describeRealtimeStoreContract('SQLite, on disk', () => openSqliteStore(tempDir()));
describeExportStoreContract('SQLite, in memory', () => openSqliteStore(IN_MEMORY));
describeExportStoreContract('SQLite, on disk', () => openSqliteStore(tempDir()));
describeAccountRelationContract('SQLite, in memory', () => openSqliteStore(IN_MEMORY));
describeAccountRelationContract('SQLite, on disk', () => openSqliteStore(tempDir()));

describe('SQLite migrations', () => {
  it('apply once; opening the store again applies nothing and keeps the data', async () => {
    const dir = tempDir();
    const first = await openSqliteStore(dir);
    await first.sandboxes.insert({ name: 'kept', createdAt: new Date(1) });
    await first.close();
    const db = new Kysely<Tables>({
      dialect: new SqliteDialect({ database: new Database(join(dir, 'tessera.db')) }),
    });
    expect(await migrate(db)).toEqual([]);
    const versions = await db.selectFrom('schema_migrations').select('version').execute();
    expect(versions.map((v) => v.version)).toEqual(MIGRATIONS.map((m) => m.version));
    await db.destroy();
    const again = await openSqliteStore(dir);
    expect(await again.sandboxes.get('kept')).toEqual({ name: 'kept', createdAt: new Date(1) });
    await again.close();
  });

  it('write nothing when none is pending (a replica starting beside a busy one waits for no lock)', async () => {
    const dir = tempDir();
    await (await openSqliteStore(dir)).close();
    const database = new Database(join(dir, 'tessera.db'));
    // Every statement that writes or opens a transaction (which takes the write lock).
    const locking: string[] = [];
    const watched = {
      close: () => database.close(),
      prepare: (text: string) => {
        const statement = database.prepare(text);
        if (!statement.readonly || /^\s*begin/i.test(text)) locking.push(text);
        return statement;
      },
    };
    const db = new Kysely<Tables>({ dialect: new ImmediateSqliteDialect({ database: watched }) });
    expect(await migrate(db)).toEqual([]);
    expect(locking).toEqual([]);
    await db.destroy();
  });

  it('run a pending migration on an existing database and record it', async () => {
    const db = new Kysely<Tables>({
      dialect: new SqliteDialect({ database: new Database(IN_MEMORY) }),
    });
    expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    const extra = {
      version: 999,
      name: 'test: one more table',
      up: async (k: Kysely<unknown>) => {
        await k.schema.createTable('extra').addColumn('x', 'integer').execute();
      },
    };
    expect(await migrate(db, [...MIGRATIONS, extra])).toEqual([999]);
    expect(await migrate(db, [...MIGRATIONS, extra])).toEqual([]);
    await db.destroy();
  });
});
