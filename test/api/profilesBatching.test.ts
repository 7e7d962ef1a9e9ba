import { pino } from 'pino';
import { filesDir } from '../../src/server/filesDir';
import { createTesseraServer } from '../../src/server/createTesseraServer';
import type { SandboxStore, Store } from '../../src/storage/ports';
import { IN_MEMORY, openSqliteStore } from '../../src/storage/sqlite/openSqliteStore';

/** Counts every call to a sandbox's repositories, the way a profile lookup reads the store. */
function counting(store: Store): { store: Store; calls: () => number; reset: () => void } {
  let calls = 0;
  const countRepo = <T extends object>(repo: T): T =>
    new Proxy(repo, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          calls++;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  const scoped = (sandbox: string): SandboxStore => {
    const inner = store.scoped(sandbox);
    return new Proxy(inner, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === 'object' && value !== null ? countRepo(value) : value;
      },
    });
  };
  const wrapped: Store = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'scoped') return scoped;
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return { store: wrapped, calls: () => calls, reset: () => (calls = 0) };
}

describe('profiles batch their store reads (DataLoader-style)', () => {
  it('reads the store a bounded number of times for 1000 identities, not once per identity', async () => {
    const inner = await openSqliteStore(IN_MEMORY);
    const counted = counting(inner);
    const logger = pino({ level: 'silent' });
    const server = await createTesseraServer({
      store: counted.store,
      logger,
      filesDir: filesDir(IN_MEMORY),
    });
    const port = await server.listen(0, '127.0.0.1');
    const gql = async (query: string, variables?: unknown) => {
      const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as {
        data: Record<string, { id: string }> & { profiles?: unknown[] };
        errors?: unknown;
      };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    try {
      const schema =
        await gql(`mutation { createSchema(input: { name: "P", class: PROFILE, fields: [{ path: "crmId", type: STRING }, { path: "email", type: STRING }],
        identityDescriptors: [{ path: "crmId", namespace: "CRMID", primary: true }, { path: "email", namespace: "Email" }] }) { id } }`);
      await gql('mutation($id: ID!) { enableSchemaForProfile(schemaId: $id) { id } }', {
        id: schema['createSchema']!.id,
      });
      const dataset = await gql(
        'mutation($s: ID!) { createDataset(input: { name: "CRM", schemaId: $s, profileEnabled: true, identityEnabled: true }) { id } }',
        { s: schema['createSchema']!.id },
      );
      const records = Array.from({ length: 500 }, (_, i) => ({
        crmId: `c${i}`,
        email: `u${i}@x.com`,
      }));
      await gql(
        'mutation($d: ID!, $r: [JSON!]!) { ingest(input: { datasetId: $d, records: $r }) { accepted } }',
        { d: dataset['createDataset']!.id, r: records },
      );

      const identities = Array.from({ length: 1000 }, (_, i) => ({
        namespace: i % 2 ? 'CRMID' : 'Email',
        id: i % 2 ? `c${i}` : `u${i}@x.com`,
      }));
      counted.reset();
      const data = await gql(
        'query($ids: [IdentityInput!]!) { profiles(identities: $ids) { identities { id } attributes sources { name } fragments { dataset { name } } mergePolicy { name } } }',
        { ids: identities },
      );
      const found = (data.profiles ?? []).filter((p) => p !== null);
      expect(found).toHaveLength(500); // identities 0..499 exist, 500..999 do not
      expect(counted.calls()).toBeLessThanOrEqual(15);
    } finally {
      await server.stop();
      await inner.close();
    }
  });
});
