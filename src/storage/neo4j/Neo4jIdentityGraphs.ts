import type { Logger } from '../../logger';
import type { IdentityGraphRepository } from '../ports';
import { PING, SCHEMA_STATEMENTS } from './cypher';
import { Neo4jClient, type Neo4jConnection } from './Neo4jClient';
import { Neo4jIdentityGraphRepository } from './Neo4jIdentityGraphRepository';
import type { IdentityGraphBackend } from './withIdentityGraphs';

/** The identity graphs of every sandbox, in one Neo4j database. */
export class Neo4jIdentityGraphs implements IdentityGraphBackend {
  private constructor(private readonly client: Neo4jClient) {}

  /**
   * Connects (failing fast when Neo4j does not answer) and creates the constraints and indexes
   * the statements rely on, one statement each (schema changes cannot share a transaction with
   * each other's data, and IF NOT EXISTS makes them no-ops once there).
   */
  static async open(connection: Neo4jConnection, logger?: Logger): Promise<Neo4jIdentityGraphs> {
    const client = await Neo4jClient.connect(connection, logger);
    try {
      for (const statement of SCHEMA_STATEMENTS) await client.write(statement);
    } catch (error) {
      await client.close();
      throw error;
    }
    return new Neo4jIdentityGraphs(client);
  }

  repository(sandbox: string): IdentityGraphRepository {
    return new Neo4jIdentityGraphRepository(this.client, sandbox);
  }

  async ping(): Promise<void> {
    await this.client.read(PING);
  }

  close(): Promise<void> {
    return this.client.close();
  }
}
