import { withIdentityGraphs } from '../../src/storage/neo4j/withIdentityGraphs';
import type { Store } from '../../src/storage/ports';
import { IN_MEMORY, openSqliteStore } from '../../src/storage/sqlite/openSqliteStore';
import { describeAccountRelationContract } from './accountRelationContract';
import { describeExportStoreContract } from './exportStoreContract';
import { describeIdentityGraphContract } from './identityGraphContract';
import { describeRealtimeStoreContract } from './realtimeStoreContract';
import { describeStoreContract } from './storeContract';

describeIdentityGraphContract('SQLite, in memory', () => openSqliteStore(IN_MEMORY));

/**
 * The composition openStore uses for Neo4j, checked without a Neo4j server: here the identity
 * graph lives in a second SQLite store, so every read and write can be seen landing there.
 */
async function composed(): Promise<{ store: Store; main: Store; graphs: Store }> {
  const [main, graphs] = [await openSqliteStore(IN_MEMORY), await openSqliteStore(IN_MEMORY)];
  const store = withIdentityGraphs(main, {
    repository: (sandbox) => graphs.scoped(sandbox).identities,
    ping: () => graphs.ping(),
    close: () => graphs.close(),
  });
  return { store, main, graphs };
}

describeIdentityGraphContract(
  'SQLite, graph in a second store',
  async () => (await composed()).store,
);
describeStoreContract('SQLite, graph in a second store', async () => (await composed()).store);
describeRealtimeStoreContract(
  'SQLite, graph in a second store',
  async () => (await composed()).store,
);
describeAccountRelationContract(
  'SQLite, graph in a second store',
  async () => (await composed()).store,
);

describeExportStoreContract(
  'SQLite, graph in a second store',
  async () => (await composed()).store,
);

describe('the identity graph in a second store', () => {
  const changes = (graphId: string) => ({
    nodes: [
      {
        namespace: 'CRMID',
        id: graphId,
        key: `CRMID\u001f${graphId}`,
        type: 'PERSON' as const,
        firstSeen: 1,
        lastSeen: 1,
        graphId,
      },
    ],
    links: [],
    removedLinks: [],
  });

  it('serves identities from the graph store everywhere, and nothing else', async () => {
    const { store, main, graphs } = await composed();
    await store.scoped('s').identities.save(changes('plain'));
    await store.transaction((tx) => tx.scoped('s').identities.save(changes('store-tx')));
    await store.scoped('s').transaction(async (tx) => {
      await tx.identities.save(changes('sandbox-tx'));
      await tx.transaction((inner) => inner.identities.save(changes('nested-tx')));
      await tx.namespaces.insertMissing([
        {
          code: 'Loyalty',
          name: 'Loyalty',
          description: null,
          type: 'PERSON',
          custom: true,
          createdAt: new Date(1),
        },
      ]);
    });
    const ids = ['plain', 'store-tx', 'sandbox-tx', 'nested-tx'];
    expect((await graphs.scoped('s').identities.loadGraphs(ids)).nodes).toHaveLength(4);
    expect((await main.scoped('s').identities.loadGraphs(ids)).nodes).toHaveLength(0);
    expect((await main.scoped('s').namespaces.find('Loyalty'))?.code).toBe('Loyalty');
    expect(await graphs.scoped('s').namespaces.find('Loyalty')).toBeUndefined();
    expect(store.scoped('s').sandbox).toBe('s');
    await store.close();
    await expect(graphs.ping()).rejects.toThrow();
    await expect(main.ping()).rejects.toThrow();
  });
});
