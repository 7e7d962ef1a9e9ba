import { InProcessEventBus } from '../../../src/realtime/InProcessEventBus';
import { relateGraphs } from '../../../src/services/accounts/relateGraphs';
import { seedSandbox } from '../../../src/services/seedSandbox';
import { backgroundDeps } from '../../../src/services/ServiceDeps';
import type { SandboxStore, Store } from '../../../src/storage/ports';
import { IN_MEMORY, openSqliteStore } from '../../../src/storage/sqlite/openSqliteStore';
import { field, makeSchema } from '../domain/catalog/fixtures';

const people = (relationships: { path: string; namespace: string }[], profileEnabled = true) =>
  makeSchema('people', 'PROFILE', [field('b2b.accountKey', 'STRING')], {
    relationships,
    profileEnabled,
  });

describe('relateGraphs', () => {
  let store: Store;
  let scoped: SandboxStore;
  const run = (graphIds: string[]) =>
    relateGraphs(
      backgroundDeps(scoped, () => new Date(0), new InProcessEventBus()),
      graphIds,
      () => Promise.resolve([]),
    );

  beforeEach(async () => {
    store = await openSqliteStore(IN_MEMORY);
    scoped = store.scoped('s');
    await seedSandbox(scoped, new Date(0));
  });
  afterEach(async () => {
    await store.close();
  });

  it('reads nothing more when no enabled person schema relates to accounts', async () => {
    await scoped.schemas.insert(
      people([{ path: 'b2b.accountKey', namespace: 'B2BAccount' }], false),
    );
    const replace = jest.spyOn(scoped.accounts, 'replace');
    const policies = jest.spyOn(scoped.policies, 'list');
    await run(['g1']);
    expect(replace).not.toHaveBeenCalled();
    expect(policies).not.toHaveBeenCalled();
  });

  it('clears the relations of graphs gone or without data, once some schema relates', async () => {
    await scoped.schemas.insert(people([{ path: 'b2b.accountKey', namespace: 'B2BAccount' }]));
    await scoped.accounts.replace(
      ['g:g1'],
      [{ accountKey: 'B2BAccount\u001facme', profileKey: 'g:g1', identityKey: 'CRMID\u001fc1' }],
    );
    const replace = jest.spyOn(scoped.accounts, 'replace');
    await run(['g1']);
    expect(replace).toHaveBeenCalledWith(['g:g1'], []);
    expect(await scoped.accounts.countPeople(['B2BAccount\u001facme'])).toBe(0);
  });
});
