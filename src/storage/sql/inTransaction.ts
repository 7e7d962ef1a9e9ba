import type { Kysely } from 'kysely';
import type { Tables } from './tables';

/** A transaction inside a transaction joins the outer one, so services compose. */
export function inTransaction<T>(
  db: Kysely<Tables>,
  work: (trx: Kysely<Tables>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
