import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { OpenSnapshot } from '../sql/SqlStore';
import type { Tables } from '../sql/tables';
import { cachingDatabase } from './cachingDatabase';

/** Page cache of a snapshot's connection: a scan reads each page once, so it needs little. */
const SNAPSHOT_CACHE_KB = 16_384;

/**
 * Snapshots of the embedded store. On a file, a second, read-only connection holds a read
 * transaction: in WAL mode it sees the database as of its first read, while the writer goes
 * on (the WAL just cannot be checkpointed past it until it ends). An in-memory database has no
 * second connection, so its snapshot is a copy (it holds a throwaway store: tests and trials).
 */
export function sqliteSnapshots(
  database: Database.Database,
  writer: Kysely<Tables>,
  file: string | null,
): OpenSnapshot {
  return async () => {
    // The copy is taken holding the writer's connection, so never mid-transaction: a
    // transaction's uncommitted pages must not be copied. (Not to be called inside one.)
    const view =
      file === null
        ? new Database(
            await writer.connection().execute(() => Promise.resolve(database.serialize())),
          )
        : new Database(file, { readonly: true, fileMustExist: true });
    try {
      view.pragma('busy_timeout = 5000');
      view.pragma(`cache_size = -${SNAPSHOT_CACHE_KB}`);
      view.exec('BEGIN');
      // A deferred transaction takes its snapshot at its first read: take it now.
      view.prepare('SELECT count(*) FROM schema_migrations').get();
    } catch (error) {
      view.close();
      throw error;
    }
    const db = new Kysely<Tables>({
      dialect: new SqliteDialect({ database: cachingDatabase(view) }),
    });
    // Destroying the dialect closes the connection, which ends its read transaction.
    return { db, release: () => db.destroy() };
  };
}
