import type { Dataset, IdentityNamespace, XdmSchema } from '../../src/domain/catalog/types';
import type { Store } from '../../src/storage/ports';

/**
 * The Store port's contract, written once and run against every adapter. Each test works in
 * sandboxes of its own, so the suite also runs against a shared, long-lived database.
 */
export function describeStoreContract(adapter: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${adapter}`, () => {
    let store: Store;
    let n = 0;
    const sandbox = () =>
      `c${process.pid.toString(36)}-${Date.now().toString(36)}-${(n++).toString(36)}`;

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    describe('sandboxes', () => {
      it('inserts a name once and lists it', async () => {
        const name = sandbox();
        const createdAt = new Date('2026-01-02T03:04:05.678Z');
        expect(await store.sandboxes.insert({ name, createdAt })).toBe(true);
        expect(await store.sandboxes.insert({ name, createdAt: new Date() })).toBe(false);
        expect(await store.sandboxes.get(name)).toEqual({ name, createdAt });
        expect((await store.sandboxes.list()).map((s) => s.name)).toContain(name);
        expect(await store.sandboxes.get(sandbox())).toBeUndefined();
      });
    });

    describe('namespaces', () => {
      it('finds codes case-insensitively and never inserts a taken one', async () => {
        const ns = store.scoped(sandbox()).namespaces;
        expect(await ns.insertMissing([namespace('Loyalty'), namespace('Email')])).toBe(2);
        expect(await ns.insertMissing([namespace('LOYALTY'), namespace('Phone')])).toBe(1);
        expect((await ns.find('loyalty'))?.code).toBe('Loyalty');
        expect((await ns.list()).map((x) => x.code).sort()).toEqual(['Email', 'Loyalty', 'Phone']);
        expect(await ns.find('Nope')).toBeUndefined();
        const found = await ns.findMany(['email', 'LOYALTY', 'Nope', 'Email']);
        expect(found.map((x) => x.code).sort()).toEqual(['Email', 'Loyalty']);
        expect(await ns.findMany([])).toEqual([]);
      });

      it('round-trips every attribute', async () => {
        const ns = store.scoped(sandbox()).namespaces;
        const original = { ...namespace('Card'), description: null, custom: false };
        await ns.insertMissing([original]);
        expect(await ns.find('Card')).toEqual(original);
      });
    });

    describe('schemas', () => {
      it('round-trips, lists by class and finds names case-insensitively', async () => {
        const schemas = store.scoped(sandbox()).schemas;
        const a = schema('s1', 'Loyalty Members', 'PROFILE');
        const b = schema('s2', 'Web Events', 'EXPERIENCE_EVENT');
        await schemas.insert(a);
        await schemas.insert(b);
        expect(await schemas.getMany(['s2', 'missing', 's1'])).toEqual([b, undefined, a]);
        expect(await schemas.list('EXPERIENCE_EVENT')).toEqual([b]);
        expect((await schemas.list()).map((s) => s.id)).toEqual(['s1', 's2']);
        expect((await schemas.findByName('loyalty members'))?.id).toBe('s1');
      });

      it('refuses a second schema of the same name', async () => {
        const schemas = store.scoped(sandbox()).schemas;
        expect(await schemas.insert(schema('s1', 'Same', 'PROFILE'))).toBe(true);
        expect(await schemas.insert(schema('s2', 'SAME', 'PROFILE'))).toBe(false);
        expect(await schemas.getMany(['s2'])).toEqual([undefined]);
      });

      it('updates only from the expected version', async () => {
        const schemas = store.scoped(sandbox()).schemas;
        const v1 = schema('s1', 'Versioned', 'PROFILE');
        await schemas.insert(v1);
        const v2 = { ...v1, version: 2, profileEnabled: true };
        expect(await schemas.update(v2, 1)).toBe(true);
        expect(await schemas.update({ ...v2, version: 3 }, 1)).toBe(false);
        expect(await schemas.getMany(['s1'])).toEqual([v2]);
      });
    });

    describe('datasets', () => {
      it('round-trips, updates and finds names case-insensitively', async () => {
        const datasets = store.scoped(sandbox()).datasets;
        const d = dataset('d1', 'CRM');
        expect(await datasets.insert(d)).toBe(true);
        expect(await datasets.insert(dataset('d2', 'crm'))).toBe(false);
        const changed = { ...d, name: 'CRM export', upsertEnabled: true, eventTtlDays: null };
        await datasets.update(changed);
        expect(await datasets.getMany(['d1', 'd2'])).toEqual([changed, undefined]);
        expect((await datasets.findByName('crm EXPORT'))?.id).toBe('d1');
        expect(await datasets.list()).toEqual([changed]);
      });

      it('picks the datasets whose schema is of a class', async () => {
        const { schemas, datasets } = store.scoped(sandbox());
        await schemas.insert(schema('s1', 'People', 'PROFILE'));
        await schemas.insert(schema('s2', 'Visits', 'EXPERIENCE_EVENT'));
        const people = dataset('d1', 'CRM');
        const visits = { ...dataset('d2', 'Web'), schemaId: 's2' };
        const orphan = { ...dataset('d3', 'Lost'), schemaId: 'gone' };
        for (const d of [people, visits, orphan]) await datasets.insert(d);
        // A schema of that id in another sandbox is not the orphan's.
        await store.scoped(sandbox()).schemas.insert(schema('gone', 'Elsewhere', 'PROFILE'));
        const ids = ['d3', 'd2', 'missing', 'd1'];
        expect(await datasets.ofClass(ids, 'PROFILE')).toEqual([people]);
        expect(await datasets.ofClass(ids, 'EXPERIENCE_EVENT')).toEqual([visits]);
        expect(await datasets.ofClass(['d2'], 'PROFILE')).toEqual([]);
        expect(await datasets.ofClass([], 'PROFILE')).toEqual([]);
      });
    });

    describe('sandbox isolation', () => {
      it('shows nothing of one sandbox to another, even under the same keys', async () => {
        const [a, b] = [store.scoped(sandbox()), store.scoped(sandbox())];
        await a.namespaces.insertMissing([namespace('Shared')]);
        await a.schemas.insert(schema('same-id', 'Same name', 'PROFILE'));
        await a.datasets.insert(dataset('same-ds', 'Same dataset'));
        expect(await b.namespaces.list()).toEqual([]);
        expect(await b.schemas.getMany(['same-id'])).toEqual([undefined]);
        expect(await b.schemas.findByName('Same name')).toBeUndefined();
        expect(await b.datasets.list()).toEqual([]);
        // The same ids and names are free in the other sandbox.
        expect(await b.namespaces.insertMissing([namespace('Shared')])).toBe(1);
        await b.schemas.insert(schema('same-id', 'Same name', 'ACCOUNT'));
        expect((await a.schemas.getMany(['same-id']))[0]?.class).toBe('PROFILE');
        expect(await b.schemas.update(schema('same-id', 'Renamed', 'ACCOUNT'), 1)).toBe(true);
        expect((await a.schemas.getMany(['same-id']))[0]?.name).toBe('Same name');
      });
    });

    describe('transactions', () => {
      it('undo everything when the work throws', async () => {
        const name = sandbox();
        await expect(
          store.transaction(async (tx) => {
            await tx.sandboxes.insert({ name, createdAt: new Date() });
            await tx.scoped(name).namespaces.insertMissing([namespace('Gone')]);
            throw new Error('abort');
          }),
        ).rejects.toThrow('abort');
        expect(await store.sandboxes.get(name)).toBeUndefined();
        expect(await store.scoped(name).namespaces.list()).toEqual([]);
      });

      it('join an enclosing transaction (and commit with it)', async () => {
        const scoped = store.scoped(sandbox());
        await scoped.transaction(async (outer) => {
          await outer.transaction(async (inner) => {
            await inner.namespaces.insertMissing([namespace('Inner')]);
          });
          expect(await outer.namespaces.find('Inner')).toBeDefined();
        });
        expect(await scoped.namespaces.find('Inner')).toBeDefined();
      });
    });
  });
}

const namespace = (code: string): IdentityNamespace => ({
  code,
  name: `${code} id`,
  description: 'a namespace',
  type: 'PERSON',
  custom: true,
  createdAt: new Date('2026-05-06T07:08:09.010Z'),
});

const schema = (id: string, name: string, schemaClass: XdmSchema['class']): XdmSchema => ({
  id,
  name,
  class: schemaClass,
  version: 1,
  fields: [{ path: 'a.b', type: 'ARRAY', itemType: 'STRING', required: true, description: 'x' }],
  identityDescriptors: [{ path: 'a.b', namespace: 'Email', primary: true }],
  relationships: [{ path: 'c', namespace: 'B2BAccount' }],
  profileEnabled: false,
  createdAt: new Date('2026-01-01T00:00:00.000Z'),
  updatedAt: new Date('2026-01-01T00:00:01.000Z'),
});

const dataset = (id: string, name: string): Dataset => ({
  id,
  name,
  schemaId: 's1',
  profileEnabled: true,
  identityEnabled: false,
  upsertEnabled: false,
  eventTtlDays: 30,
  createdAt: new Date('2026-02-03T04:05:06.007Z'),
});
