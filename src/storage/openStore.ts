import type { Config } from '../config';
import type { Logger } from '../logger';
import { Neo4jIdentityGraphs } from './neo4j/Neo4jIdentityGraphs';
import { withIdentityGraphs } from './neo4j/withIdentityGraphs';
import type { Store } from './ports';
import { openSqliteStore } from './sqlite/openSqliteStore';

/**
 * The store the configuration asks for: the embedded SQLite store, with the identity graph in
 * Neo4j when NEO4J_URI is set (everything else stays in SQLite). Neo4j's writes commit on their
 * own, not with SQLite's transaction: see withIdentityGraphs. Fails fast, naming the variable,
 * when Neo4j is configured but does not answer.
 */
export async function openStore(config: Config, logger?: Logger): Promise<Store> {
  const store = await openSqliteStore(config.TESSERA_DATA);
  if (config.NEO4J_URI === undefined) return store;
  try {
    const graphs = await Neo4jIdentityGraphs.open(
      {
        uri: config.NEO4J_URI,
        user: config.NEO4J_USER,
        password: config.NEO4J_PASSWORD,
        database: config.NEO4J_DATABASE,
      },
      logger,
    );
    logger?.info({ neo4j: config.NEO4J_URI }, 'identity graph in Neo4j');
    return withIdentityGraphs(store, graphs);
  } catch (error) {
    await store.close();
    throw error;
  }
}
