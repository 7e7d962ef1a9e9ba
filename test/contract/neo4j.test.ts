import { ConfigError, loadConfig } from '../../src/config';
import { Neo4jClient } from '../../src/storage/neo4j/Neo4jClient';
import { openStore } from '../../src/storage/openStore';
import { IN_MEMORY } from '../../src/storage/sqlite/openSqliteStore';
import { closedPort } from '../support/closedPort';
import { describeAccountRelationContract } from './accountRelationContract';
import { describeExportStoreContract } from './exportStoreContract';
import { describeIdentityGraphContract } from './identityGraphContract';
import { describeRealtimeStoreContract } from './realtimeStoreContract';
import { describeStoreContract } from './storeContract';
import { withSilentServer } from '../support/silentServer';

/**
 * The identity graph in Neo4j, through openStore exactly as the server opens it. Runs against
 * the server NEO4J_URI names (NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE as for the server);
 * every test works in sandboxes of its own and nothing is deleted, so any database will do.
 */
const env = loadConfig();
const neo4jStore = () => openStore({ ...env, TESSERA_DATA: IN_MEMORY });

describe('openStore', () => {
  it('fails fast, naming NEO4J_URI, when Neo4j is configured but unreachable', async () => {
    const uri = `bolt://127.0.0.1:${await closedPort()}`;
    const started = Date.now();
    const opening = openStore(loadConfig({ TESSERA_DATA: IN_MEMORY, NEO4J_URI: uri }));
    await expect(opening).rejects.toThrow(ConfigError);
    await expect(opening).rejects.toThrow(`NEO4J_URI="${uri}": cannot use Neo4j (`);
    expect(Date.now() - started).toBeLessThan(8000);
  });

  it('gives up on a server that accepts the connection but never answers', () =>
    withSilentServer(async (port) => {
      const connection = { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password: 'x' };
      await expect(
        Neo4jClient.connect({ ...connection, database: undefined }, undefined, 300),
      ).rejects.toThrow('no answer within 300 ms');
    }));
});

if (env.NEO4J_URI === undefined) {
  describe('Neo4j', () => {
    const reason = 'NEO4J_URI is not set (docker compose up neo4j, then set NEO4J_URI)';
    test(`Neo4j contract skipped: ${reason}`, () => {
      console.warn(`Neo4j contract skipped: ${reason}`);
    });
  });
} else {
  describeIdentityGraphContract(`Neo4j at ${env.NEO4J_URI}`, neo4jStore);
  describeStoreContract(`SQLite with the graph in Neo4j at ${env.NEO4J_URI}`, neo4jStore);
  describeRealtimeStoreContract(`SQLite with the graph in Neo4j at ${env.NEO4J_URI}`, neo4jStore);
  describeExportStoreContract(`SQLite with the graph in Neo4j at ${env.NEO4J_URI}`, neo4jStore);
  describeAccountRelationContract(`SQLite with the graph in Neo4j at ${env.NEO4J_URI}`, neo4jStore);

  describe('Neo4j adapter', () => {
    it('refuses a save whose link has no stored identity, and writes none of it', async () => {
      const store = await neo4jStore();
      try {
        const graphs = store.scoped(`neo4j-${process.pid}-${Date.now().toString(36)}`).identities;
        const node = {
          namespace: 'CRMID',
          id: 'c1',
          key: 'CRMID\u001fc1',
          type: 'PERSON' as const,
          firstSeen: 1,
          lastSeen: 1,
          graphId: 'g1',
        };
        const link = {
          key: 'CRMID\u001fc1\u001eEmail\u001fnobody',
          a: node.key,
          b: 'Email\u001fnobody',
          datasets: ['d1'],
          firstSeen: 1,
          lastSeen: 1,
          graphId: 'g1',
        };
        await expect(
          graphs.save({ nodes: [node], links: [link], removedLinks: [] }),
        ).rejects.toThrow("a link's identity is missing");
        expect(await graphs.loadGraphs(['g1'])).toEqual({ nodes: [], links: [] });
      } finally {
        await store.close();
      }
    });
  });
}
