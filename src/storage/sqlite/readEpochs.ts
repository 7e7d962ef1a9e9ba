import type { Database, Statement } from 'better-sqlite3';

/**
 * Reads outside a transaction share one read transaction until the event loop turns (a "read
 * epoch"). SQLite otherwise wraps each read in a transaction of its own, taking and dropping
 * the file and WAL locks every time: a handful of system calls per statement, and on a
 * virtual machine those cost more than the query (a lookup's 8 reads took 35% longer).
 *
 * Consistency stays what it was: the epoch ends before any write or transaction on this
 * connection, so the connection always reads its own writes; only another connection's
 * commits (snapshots for exports, another process) show up a turn of the loop later.
 */
export function readEpochs(database: Database): (statement: Statement) => void {
  let open = false;
  /** Ends the epoch; throws when SQLite cannot (a query still being iterated). */
  const end = (): void => {
    // SQLite may have ended it already: a read that fails (out of memory, I/O) rolls back.
    if (database.open && database.inTransaction) database.exec('COMMIT');
    open = false;
  };
  const endLater = (): void => {
    if (!open) return;
    try {
      end();
    } catch (error) {
      if (isBusy(error)) {
        setImmediate(endLater); // try again once that query is done
        return;
      }
      open = false; // given up, and rolled back should SQLite have left it open
      rollBackQuietly(database);
    }
  };
  return (statement) => {
    // Only a query that reads and writes nothing: BEGIN and COMMIT count as read-only, and
    // INSERT … RETURNING returns rows, yet neither must run inside an epoch.
    if (!(statement.reader && statement.readonly)) {
      // Before a write, or the BEGIN or COMMIT of a caller's transaction. Should the epoch
      // not end, this throws: the statement must not run inside it.
      if (open) end();
    } else if (!database.inTransaction) {
      database.exec('BEGIN');
      open = true;
      setImmediate(endLater);
    }
  };
}

/**
 * What better-sqlite3 (a query still being iterated: a TypeError, told by its message since it
 * may come from another realm) or SQLite answer a COMMIT made too soon.
 */
const isBusy = (error: unknown): boolean => {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  return (
    code === 'SQLITE_BUSY' ||
    (typeof message === 'string' && message.includes('busy executing a query'))
  );
};

function rollBackQuietly(database: Database): void {
  try {
    if (database.open && database.inTransaction) database.exec('ROLLBACK');
  } catch {
    // Nothing more to do: the next statement reports whatever is wrong with the connection.
  }
}
