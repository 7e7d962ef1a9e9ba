import type { AccountRelation, SandboxStore, Store } from '../../src/storage/ports';

const acme = 'B2BAccount\u001facme';
const acmeEu = 'B2BAccount\u001facme-eu';
const globex = 'B2BAccount\u001fglobex';

/** Profile `p` related to `account`, looked up by the identity `id:<p>`. */
const rel = (account: string, profileKey: string): AccountRelation => ({
  accountKey: account,
  profileKey,
  identityKey: `CRMID\u001f${profileKey.slice(2)}`,
});
const person = (profileKey: string) => ({
  profileKey,
  identityKey: `CRMID\u001f${profileKey.slice(2)}`,
});

/**
 * The contract of the relations between person profiles and accounts (SEMANTICS §8), run
 * against every adapter, each test in a sandbox of its own.
 */
export function describeAccountRelationContract(adapter: string, open: () => Promise<Store>): void {
  describe(`Account relation contract: ${adapter}`, () => {
    let store: Store;
    let n = 0;
    const scoped = (): SandboxStore =>
      store.scoped(`a${process.pid.toString(36)}-${Date.now().toString(36)}-${(n++).toString(36)}`);

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    it('pages the people of an account by profile key, each once across its identities', async () => {
      const { accounts } = scoped();
      await accounts.replace(
        ['g:p3', 'g:p1', 'i:p2', 'g:p4'],
        [rel(acme, 'g:p3'), rel(acmeEu, 'g:p3'), rel(acmeEu, 'g:p1'), rel(acme, 'i:p2')],
      );
      await accounts.replace(['g:p4'], [rel(globex, 'g:p4'), rel(acme, 'g:p4')]);
      const all = [person('g:p1'), person('g:p3'), person('g:p4'), person('i:p2')];
      expect(await accounts.people([acme, acmeEu], null, 10)).toEqual(all);
      expect(await accounts.people([acme, acmeEu], null, 2)).toEqual(all.slice(0, 2));
      expect(await accounts.people([acme, acmeEu], 'g:p3', 2)).toEqual(all.slice(2, 4));
      expect(await accounts.people([acme, acmeEu], 'i:p2', 2)).toEqual([]);
      expect(await accounts.people([acmeEu], null, 10)).toEqual([person('g:p1'), person('g:p3')]);
      expect(await accounts.people([globex], null, 10)).toEqual([person('g:p4')]);
      expect(await accounts.countPeople([acme, acmeEu])).toBe(4);
      expect(await accounts.countPeople([acme])).toBe(3);
      expect(await accounts.countPeople([globex, acmeEu])).toBe(3);
    });

    it('knows nothing of accounts nobody relates to, or of no account', async () => {
      const { accounts } = scoped();
      await accounts.replace(['g:p1'], [rel(acme, 'g:p1')]);
      expect(await accounts.people([globex], null, 10)).toEqual([]);
      expect(await accounts.countPeople([globex])).toBe(0);
      expect(await accounts.people([], null, 10)).toEqual([]);
      expect(await accounts.countPeople([])).toBe(0);
    });

    it("replaces only the named profiles' relations, dropping those not given again", async () => {
      const { accounts } = scoped();
      await accounts.replace(
        ['g:p1', 'g:p2', 'g:p3'],
        [rel(acme, 'g:p1'), rel(globex, 'g:p1'), rel(acme, 'g:p2'), rel(acme, 'g:p3')],
      );
      // p1 moves to acme-eu only, p2 relates to nothing now, p3 is left alone.
      await accounts.replace(['g:p1', 'g:p2', 'g:gone'], [rel(acmeEu, 'g:p1')]);
      expect(await accounts.people([acme], null, 10)).toEqual([person('g:p3')]);
      expect(await accounts.people([acmeEu], null, 10)).toEqual([person('g:p1')]);
      expect(await accounts.countPeople([globex])).toBe(0);
      await accounts.replace([], []);
      expect(await accounts.countPeople([acme, acmeEu, globex])).toBe(2);
    });

    it('takes a relation given twice once, with the last identity key', async () => {
      const { accounts } = scoped();
      const moved = { ...rel(acme, 'g:p1'), identityKey: 'Email\u001fp1@example.com' };
      await accounts.replace(['g:p1'], [rel(acme, 'g:p1'), moved]);
      expect(await accounts.people([acme], null, 10)).toEqual([
        { profileKey: 'g:p1', identityKey: 'Email\u001fp1@example.com' },
      ]);
      expect(await accounts.countPeople([acme])).toBe(1);
    });

    it('replaces within a transaction, and not at all when it rolls back', async () => {
      const s = scoped();
      await s.transaction((tx) => tx.accounts.replace(['g:p1'], [rel(acme, 'g:p1')]));
      const failing = s.transaction(async (tx) => {
        await tx.accounts.replace(['g:p1'], [rel(globex, 'g:p1')]);
        throw new Error('rolled back');
      });
      await expect(failing).rejects.toThrow('rolled back');
      expect(await s.accounts.people([acme], null, 10)).toEqual([person('g:p1')]);
      expect(await s.accounts.countPeople([globex])).toBe(0);
    });

    it('holds many people of one account, paged without gaps or repeats', async () => {
      const { accounts } = scoped();
      const keys = Array.from({ length: 2500 }, (_, i) => `g:p${i.toString().padStart(5, '0')}`);
      await accounts.replace(
        keys,
        keys.map((k) => rel(acme, k)),
      );
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await accounts.people([acme], after, 1000);
        seen.push(...page.map((p) => p.profileKey));
        if (page.length < 1000) break;
        after = page.at(-1)?.profileKey ?? null;
      }
      expect(seen).toEqual(keys);
      expect(await accounts.countPeople([acme])).toBe(2500);
      await accounts.replace(keys, []);
      expect(await accounts.countPeople([acme])).toBe(0);
    });

    it('keeps each sandbox to itself, even under the same keys', async () => {
      const [a, b] = [scoped().accounts, scoped().accounts];
      await a.replace(['g:p1'], [rel(acme, 'g:p1')]);
      expect(await b.people([acme], null, 10)).toEqual([]);
      expect(await b.countPeople([acme])).toBe(0);
      await b.replace(['g:p1'], [rel(globex, 'g:p1')]);
      expect(await a.people([acme], null, 10)).toEqual([person('g:p1')]);
      expect(await a.countPeople([globex])).toBe(0);
      expect(await b.people([globex], null, 10)).toEqual([person('g:p1')]);
    });
  });
}
