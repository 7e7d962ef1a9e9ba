import neo4j, {
  type Config,
  type Driver,
  type ManagedTransaction,
  Neo4jError,
  type SessionConfig,
  isRetryableError,
} from 'neo4j-driver';
import { AppError } from '../../domain/AppError';
import type { Logger } from '../../logger';
import type { Statement } from './cypher';
import { Neo4jUnreachableError } from './Neo4jUnreachableError';
import { withTimeout } from '../../withTimeout';

/** Where and as whom to connect (NEO4J_* configuration). */
export interface Neo4jConnection {
  uri: string;
  user: string;
  /** None: connect without authentication (a server with auth disabled). */
  password: string | undefined;
  /** None: the server's default database. */
  database: string | undefined;
}

/** Start-up gives up after this long, so a wrong URI fails fast instead of hanging. */
export const CONNECT_TIMEOUT_MS = 5_000;
/** How long executeRead/executeWrite retry transient errors before the request fails. */
const RETRY_TIME_MS = 10_000;
const CONSTRAINT_VIOLATION = 'Neo.ClientError.Schema.ConstraintValidationFailed';

/**
 * The one module that uses neo4j-driver: runs statements in managed transactions (which retry
 * transient errors and lost connections) and translates the driver's errors and integers.
 */
export class Neo4jClient {
  private constructor(
    private readonly driver: Driver,
    private readonly database: string | undefined,
    private readonly logger: Logger | undefined,
  ) {}

  /** Connects and checks that the server answers, or fails with Neo4jUnreachableError. */
  static async connect(
    connection: Neo4jConnection,
    logger?: Logger,
    timeoutMs = CONNECT_TIMEOUT_MS,
  ): Promise<Neo4jClient> {
    const { uri, user, password, database } = connection;
    const auth = password === undefined ? undefined : neo4j.auth.basic(user, password);
    // The driver declares its options as classes but takes plain objects (Partial: mapped).
    const options: Partial<Config> = {
      // Every integer the adapter stores (epoch ms, counts) is far below 2^53.
      disableLosslessIntegers: true,
      connectionTimeout: timeoutMs,
      connectionAcquisitionTimeout: timeoutMs * 2,
      maxTransactionRetryTime: RETRY_TIME_MS,
    };
    const driver = neo4j.driver(uri, auth, options);
    try {
      await withTimeout(driver.verifyConnectivity({ database }), timeoutMs);
    } catch (error) {
      await driver.close();
      throw new Neo4jUnreachableError(uri, error);
    }
    return new Neo4jClient(driver, database, logger);
  }

  read<Row>(statement: Statement): Promise<Row[]> {
    return this.execute('READ', (tx) => run<Row>(tx, statement));
  }

  /** `check` runs inside the transaction: throwing there rolls the write back. */
  write<Row>(statement: Statement, check?: (rows: Row[]) => void): Promise<Row[]> {
    return this.execute('WRITE', async (tx) => {
      const rows = await run<Row>(tx, statement);
      check?.(rows);
      return rows;
    });
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  private async execute<T>(
    mode: 'READ' | 'WRITE',
    work: (tx: ManagedTransaction) => Promise<T>,
  ): Promise<T> {
    const config: Partial<SessionConfig> = { database: this.database, defaultAccessMode: mode };
    const session = this.driver.session(config);
    try {
      return mode === 'READ' ? await session.executeRead(work) : await session.executeWrite(work);
    } catch (error) {
      const translated = translateNeo4jError(error);
      if (translated !== error) this.logger?.error({ err: error }, 'Neo4j request failed');
      throw translated;
    } finally {
      await session.close();
    }
  }
}

async function run<Row>(tx: ManagedTransaction, statement: Statement): Promise<Row[]> {
  const result = await tx.run(statement.cypher, toDriverValue(statement.params));
  return result.records.map((record) => record.toObject() as Row);
}

/**
 * The driver sends every JavaScript number as a Cypher FLOAT; whole numbers (epoch ms,
 * limits, sizes) go as INTEGER instead, so they are stored and compared as integers.
 */
export function toDriverValue(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toDriverValue);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toDriverValue(v)]));
  }
  return value;
}

/**
 * Driver errors the user can act on become AppErrors: a uniqueness violation (a concurrent
 * writer made the same identity or link first) is a CONFLICT to retry; Neo4j being unreachable
 * after the retries is reported as such. Anything else (a bug) stays as it is.
 */
export function translateNeo4jError(error: unknown): unknown {
  if (!(error instanceof Neo4jError)) return error;
  if (error.code === CONSTRAINT_VIOLATION) {
    return new AppError('CONFLICT', 'The identity graph was changed concurrently; retry');
  }
  if (isRetryableError(error)) {
    return new AppError(
      'INTERNAL_SERVER_ERROR',
      'The identity graph store (Neo4j) is unavailable; retry shortly',
    );
  }
  return error;
}
