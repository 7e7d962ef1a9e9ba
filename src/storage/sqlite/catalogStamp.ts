import type { Database, Statement } from 'better-sqlite3';

/** The tables whose rows catalog reads return (CompiledQueries.catalogRows). */
const CATALOG_TABLE =
  /"(identity_namespaces|merge_policies|datasets|xdm_schemas|identity_settings)"/;

/**
 * When a SQLite database's catalog may have changed: `noteStatement` sees every statement this
 * connection runs and counts those that may write a catalog table; `PRAGMA data_version`
 * moves whenever another connection (another process) commits anything. The stamp is both.
 */
export function catalogStamp(database: Database): {
  stamp: () => string;
  noteStatement: (statement: Statement) => void;
} {
  let writes = 0;
  const dataVersion = database.prepare('PRAGMA data_version').pluck();
  return {
    stamp: () => `${writes}/${String(dataVersion.get())}`,
    noteStatement: (statement) => {
      if (!statement.readonly && CATALOG_TABLE.test(statement.source)) writes++;
    },
  };
}
