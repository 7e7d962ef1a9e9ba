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
  const end = () => {
    if (!open || !database.open) return;
    try {
      database.exec('COMMIT');
      open = false;
    } catch {
      // Busy with a query still being iterated: end the epoch at the next turn instead.
      setImmediate(end);
    }
  };
  return (statement) => {
    // Only a query that reads and writes nothing: BEGIN and COMMIT count as read-only, and
    // INSERT … RETURNING returns rows, yet neither must run inside an epoch.
    if (!(statement.reader && statement.readonly)) {
      end(); // before a write, or the BEGIN or COMMIT of a caller's transaction
    } else if (!database.inTransaction) {
      database.exec('BEGIN');
      open = true;
      setImmediate(end);
    }
  };
}
