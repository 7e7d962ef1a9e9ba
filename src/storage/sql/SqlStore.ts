import { type Kysely, sql } from 'kysely';
import type { SandboxStore, Store } from '../ports';
import { inTransaction } from './inTransaction';
import { SqlAccountRelationRepository } from './SqlAccountRelationRepository';
import { SqlAudienceRepository } from './SqlAudienceRepository';
import { SqlBatchRepository } from './SqlBatchRepository';
import { SqlComputedAttributeRepository } from './SqlComputedAttributeRepository';
import { SqlDatasetRepository } from './SqlDatasetRepository';
import { SqlExportJobRepository } from './SqlExportJobRepository';
import { SqlIdentityGraphRepository } from './SqlIdentityGraphRepository';
import { SqlMergePolicyRepository } from './SqlMergePolicyRepository';
import { SqlNamespaceRepository } from './SqlNamespaceRepository';
import { SqlProfileRepository } from './SqlProfileRepository';
import { SqlSandboxRepository } from './SqlSandboxRepository';
import { SqlSchemaRepository } from './SqlSchemaRepository';
import { SqlStoreStatusRepository } from './SqlStoreStatusRepository';
import { SqlSystemJobRepository } from './SqlSystemJobRepository';
import { multiRowWriter, type RowWriter } from './RowWriter';
import { CompiledQueries } from './CompiledQueries';
import type { Tables } from './tables';

/** A connection whose reads all see the database as it was when it was opened. */
export interface SnapshotConnection {
  readonly db: Kysely<Tables>;
  release(): Promise<void>;
}

/** How an adapter opens snapshots (`SandboxStore.snapshot`); each dialect has its own way. */
export type OpenSnapshot = () => Promise<SnapshotConnection>;

interface SqlParts {
  readonly writer: RowWriter;
  readonly openSnapshot: OpenSnapshot;
  readonly queries: CompiledQueries;
}

const noSnapshots: OpenSnapshot = () =>
  Promise.reject(new Error('this SQL store was opened without snapshot support'));

/** The store over any Kysely dialect; adapters only open the connection and migrate. */
export class SqlStore implements Store {
  readonly sandboxes: SqlSandboxRepository;
  private readonly parts: SqlParts;

  constructor(
    private readonly db: Kysely<Tables>,
    private readonly onClose: () => Promise<void> = () => db.destroy(),
    writer: RowWriter = multiRowWriter,
    openSnapshot: OpenSnapshot = noSnapshots,
    queries = new CompiledQueries(),
  ) {
    this.sandboxes = new SqlSandboxRepository(db);
    this.parts = { writer, openSnapshot, queries };
  }

  scoped(sandbox: string): SandboxStore {
    return new SqlSandboxStore(this.db, sandbox, this.parts);
  }

  transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    const { writer, openSnapshot, queries } = this.parts;
    return inTransaction(this.db, (trx) =>
      work(new SqlStore(trx, this.onClose, writer, openSnapshot, queries)),
    );
  }

  async processingBatches(): Promise<{ sandbox: string; id: string }[]> {
    return this.db
      .selectFrom('batches')
      .select(['sandbox', 'id'])
      .where('status', '=', 'PROCESSING')
      .orderBy('created_at')
      .execute();
  }

  async pendingSystemJobs(): Promise<{ sandbox: string; id: string }[]> {
    return this.db
      .selectFrom('system_jobs')
      .select(['sandbox', 'id'])
      .where('status', 'in', ['NEW', 'IN_PROGRESS'])
      .orderBy('created_at')
      .execute();
  }

  async unfinishedExportJobs(): Promise<{ sandbox: string; id: string }[]> {
    return this.db
      .selectFrom('export_jobs')
      .select(['sandbox', 'id'])
      .where('status', 'in', ['NEW', 'IN_PROGRESS'])
      .orderBy('created_at')
      .execute();
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  close(): Promise<void> {
    return this.onClose();
  }
}

class SqlSandboxStore implements SandboxStore {
  readonly namespaces: SqlNamespaceRepository;
  readonly schemas: SqlSchemaRepository;
  readonly datasets: SqlDatasetRepository;
  readonly identities: SqlIdentityGraphRepository;
  readonly profiles: SqlProfileRepository;
  readonly batches: SqlBatchRepository;
  readonly policies: SqlMergePolicyRepository;
  readonly jobs: SqlSystemJobRepository;
  readonly status: SqlStoreStatusRepository;
  readonly computed: SqlComputedAttributeRepository;
  readonly audiences: SqlAudienceRepository;
  readonly exports: SqlExportJobRepository;
  readonly accounts: SqlAccountRelationRepository;

  constructor(
    private readonly db: Kysely<Tables>,
    readonly sandbox: string,
    private readonly parts: SqlParts,
  ) {
    const { writer, queries } = parts;
    this.namespaces = new SqlNamespaceRepository(db, sandbox, queries);
    this.schemas = new SqlSchemaRepository(db, sandbox);
    this.datasets = new SqlDatasetRepository(db, sandbox, queries);
    this.identities = new SqlIdentityGraphRepository(db, sandbox, writer, queries);
    this.profiles = new SqlProfileRepository(db, sandbox, writer, queries);
    this.batches = new SqlBatchRepository(db, sandbox);
    this.policies = new SqlMergePolicyRepository(db, sandbox, queries);
    this.jobs = new SqlSystemJobRepository(db, sandbox);
    this.status = new SqlStoreStatusRepository(db, sandbox, writer);
    this.computed = new SqlComputedAttributeRepository(db, sandbox);
    this.audiences = new SqlAudienceRepository(db, sandbox, writer);
    this.exports = new SqlExportJobRepository(db, sandbox);
    this.accounts = new SqlAccountRelationRepository(db, sandbox, writer);
  }

  transaction<T>(work: (store: SandboxStore) => Promise<T>): Promise<T> {
    return inTransaction(this.db, (trx) =>
      work(new SqlSandboxStore(trx, this.sandbox, this.parts)),
    );
  }

  async snapshot<T>(work: (view: SandboxStore) => Promise<T>): Promise<T> {
    const connection = await this.parts.openSnapshot();
    try {
      return await work(new SqlSandboxStore(connection.db, this.sandbox, this.parts));
    } finally {
      await connection.release();
    }
  }
}
