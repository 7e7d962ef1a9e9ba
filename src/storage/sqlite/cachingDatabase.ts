import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';
import { readEpochs } from './readEpochs';

/**
 * The connection as Kysely sees it, with the last `capacity` prepared statements kept by SQL
 * text: Kysely prepares every query anew, and SQLite parsing is a measurable share of an
 * ingest. Safe because Kysely runs one statement at a time on this connection. Reads outside
 * a transaction run in read epochs (see readEpochs); `onStatement` sees each statement just
 * before it runs.
 */
export function cachingDatabase(
  database: Database,
  onStatement: (statement: Statement) => void = () => undefined,
  capacity = 500,
): SqliteDatabase {
  const cache = new Map<string, Statement>();
  const beforeRun = readEpochs(database);
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = cache.get(sql);
      if (statement === undefined) {
        statement = database.prepare(sql);
        if (cache.size >= capacity) cache.delete(cache.keys().next().value as string);
      } else {
        cache.delete(sql); // re-inserted below as the most recently used
      }
      cache.set(sql, statement);
      // Kysely runs each statement it prepares at once, so this is the moment before it runs.
      beforeRun(statement);
      onStatement(statement);
      return statement;
    },
  };
}
