import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IdentityNamespace } from '../../src/domain/catalog/types';
import { DEFAULT_IDENTITY_SETTINGS } from '../../src/domain/identity/IdentitySettings';
import type { Store } from '../../src/storage/ports';
import { openSqliteStore } from '../../src/storage/sqlite/openSqliteStore';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

const namespace = (code: string): IdentityNamespace => ({
  code,
  name: code,
  description: null,
  type: 'PERSON',
  custom: true,
  createdAt: new Date(1),
});

/**
 * Catalog reads kept between requests (CompiledQueries.catalogRows) on the embedded store:
 * never older than what this store wrote, and another connection's commits (another process
 * on the same file) seen from the next turn of the event loop on.
 */
describe('SQLite catalog answers', () => {
  let dir: string;
  let store: Store;
  let other: Store;
  const codes = async (s: Store) =>
    (await s.scoped('cat').namespaces.findMany(['AAA', 'BBB'])).map((n) => n.code).sort();

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tessera-catalog-'));
    store = await openSqliteStore(dir);
    other = await openSqliteStore(dir);
    await store.sandboxes.insert({ name: 'cat', createdAt: new Date(1) });
  });
  afterEach(async () => {
    await store.close();
    await other.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("read this store's own writes at once", async () => {
    const scoped = store.scoped('cat');
    expect(await codes(store)).toEqual([]);
    await scoped.namespaces.insertMissing([namespace('AAA')]);
    expect(await codes(store)).toEqual(['AAA']);
    expect(await scoped.identities.settings()).toBeUndefined();
    const settings = { ...DEFAULT_IDENTITY_SETTINGS, maxGraphSize: 7 };
    await scoped.identities.saveSettings(settings, new Date(2));
    expect(await scoped.identities.settings()).toEqual(settings);
  });

  it("see another connection's commits from the next turn on", async () => {
    expect(await codes(store)).toEqual([]);
    await other.scoped('cat').namespaces.insertMissing([namespace('BBB')]);
    await turn();
    expect(await codes(store)).toEqual(['BBB']);
  });

  it('keep nothing a transaction read, which may roll back', async () => {
    expect(await codes(store)).toEqual([]);
    const rolledBack = store.transaction(async (tx) => {
      await tx.scoped('cat').namespaces.insertMissing([namespace('AAA')]);
      expect(await codes(tx)).toEqual(['AAA']);
      throw new Error('roll back');
    });
    await expect(rolledBack).rejects.toThrow('roll back');
    expect(await codes(store)).toEqual([]);
  });
});
