import {
  CompiledQuery,
  type DatabaseConnection,
  type Driver,
  SqliteDialect,
  type SqliteDialectConfig,
  SqliteDriver,
} from 'kysely';

/**
 * Kysely's SQLite dialect, with transactions that take the write lock when they begin (BEGIN
 * IMMEDIATE). With a plain BEGIN, a transaction reads first and asks for the lock at its
 * first write; when another process (a second replica on the same file) has committed in
 * between, SQLite cannot let it write what it read before and fails at once (SQLITE_BUSY),
 * without waiting. Taking the lock first, a transaction waits its turn (busy_timeout) instead.
 * Within one process nothing changes: its transactions already run one at a time.
 */
export class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}
