import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Store } from '../ports';
import { cachingDatabase } from './cachingDatabase';
import { catalogStamp } from './catalogStamp';
import { ImmediateSqliteDialect } from './ImmediateSqliteDialect';
import { preparedRowWriter } from './preparedRowWriter';
import { sqliteSnapshots } from './sqliteSnapshots';
import { CompiledQueries } from '../sql/CompiledQueries';
import { migrate } from '../sql/migrations';
import { SqlStore } from '../sql/SqlStore';
import type { Tables } from '../sql/tables';

export const IN_MEMORY = ':memory:';

/**
 * Opens (creating if needed) the embedded store in `dataDir` (`tessera.db`), or a throwaway
 * in-memory one for `:memory:`, and brings its schema up to date.
 */
export async function openSqliteStore(dataDir: string): Promise<Store> {
  const file = dataDir === IN_MEMORY ? IN_MEMORY : databaseFile(dataDir);
  const database = new Database(file);
  // WAL lets readers run beside the one writer; NORMAL sync is durable at each checkpoint and
  // safe against corruption, the usual choice with WAL.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  // 64 MB of page cache (the default is 2 MB): identity and fragment indexes stay in memory.
  database.pragma('cache_size = -65536');
  database.pragma('temp_store = MEMORY');
  const catalog = catalogStamp(database);
  const db = new Kysely<Tables>({
    dialect: new ImmediateSqliteDialect({
      database: cachingDatabase(database, catalog.noteStatement),
    }),
  });
  try {
    await migrate(db);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return new SqlStore(
    db,
    () => db.destroy(),
    preparedRowWriter(database),
    sqliteSnapshots(database, db, file === IN_MEMORY ? null : file),
    new CompiledQueries({ db, stamp: catalog.stamp }),
  );
}

function databaseFile(dataDir: string): string {
  mkdirSync(dataDir, { recursive: true });
  return join(dataDir, 'tessera.db');
}
