import type { Database, Statement } from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/**
 * The connection as Kysely sees it, with the last `capacity` prepared statements kept by SQL
 * text: Kysely prepares every query anew, and SQLite parsing is a measurable share of an
 * ingest. Safe because Kysely runs one statement at a time on this connection.
 */
export function cachingDatabase(database: Database, capacity = 500): SqliteDatabase {
  const cache = new Map<string, Statement>();
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
      return statement;
    },
  };
}
