import type { Audience, Membership, MembershipStatus } from '../../src/domain/audiences/Audience';
import type { ComputedAttribute } from '../../src/domain/computed/ComputedAttribute';
import type { SandboxStore, Store } from '../../src/storage/ports';

/**
 * The contract of the ports behind computed attributes and audiences — definitions and
 * memberships — run against every adapter, each test in sandboxes of its own.
 */
export function describeRealtimeStoreContract(adapter: string, open: () => Promise<Store>): void {
  describe(`Realtime store contract: ${adapter}`, () => {
    let store: Store;
    let n = 0;
    const scoped = (): SandboxStore =>
      store.scoped(`r${process.pid.toString(36)}-${Date.now().toString(36)}-${(n++).toString(36)}`);

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    describe('computed attributes', () => {
      it('round-trips every field, JSON values of every type included', async () => {
        const { computed } = scoped();
        const spend: ComputedAttribute = {
          ...definition('ca1', 'Total spend', 1000),
          description: null,
          where: [
            { path: 'commerce.order.currency', op: 'EQ', value: 'EUR' },
            { path: 'commerce.order.total', op: 'GTE', value: -12.5 },
            { path: 'commerce.order.gift', op: 'EQ', value: false },
            { path: 'commerce.order.coupon', op: 'EQ', value: null },
            { path: 'commerce.order.channel', op: 'IN', value: ['web', 2, true, null] },
            { path: 'commerce.order.meta', op: 'EQ', value: { a: [1, { b: 'c' }], d: null } },
            { path: 'commerce.order.id', op: 'EXISTS' },
          ],
        };
        const count: ComputedAttribute = {
          ...definition('ca2', 'Orders', 2000),
          function: 'COUNT',
          field: null,
          fieldKind: null,
          where: [],
          lookback: { count: 3, unit: 'MONTHS' },
        };
        expect(await computed.insert(spend)).toBe(true);
        expect(await computed.insert(count)).toBe(true);
        expect(await computed.get('ca1')).toStrictEqual(spend);
        expect(await computed.get('ca2')).toStrictEqual(count);
        expect(await computed.get('missing')).toBeUndefined();
      });

      it('lists oldest first, updates and deletes', async () => {
        const { computed } = scoped();
        const [older, newer] = [definition('ca2', 'B', 1000), definition('ca1', 'A', 2000)];
        await computed.insert(newer);
        await computed.insert(older);
        expect(await computed.list()).toEqual([older, newer]);
        const active = { ...older, status: 'ACTIVE' as const, updatedAt: new Date(3000) };
        await computed.update(active);
        expect(await computed.get('ca2')).toEqual(active);
        expect(await computed.get('ca1')).toEqual(newer);
        await computed.delete('ca2');
        expect(await computed.list()).toEqual([newer]);
        await computed.delete('missing');
        expect(await computed.list()).toEqual([newer]);
      });

      it('refuses a taken name, case-insensitively, and frees it on delete', async () => {
        const { computed } = scoped();
        expect(await computed.insert(definition('ca1', 'Lifetime Value', 1000))).toBe(true);
        expect(await computed.insert(definition('ca2', 'LIFETIME value', 2000))).toBe(false);
        expect(await computed.get('ca2')).toBeUndefined();
        await computed.delete('ca1');
        expect(await computed.insert(definition('ca2', 'LIFETIME value', 2000))).toBe(true);
        expect((await computed.list()).map((c) => c.id)).toEqual(['ca2']);
      });

      it('keeps each sandbox to itself, even under the same ids and names', async () => {
        const [a, b] = [scoped().computed, scoped().computed];
        const original = definition('same', 'Same name', 1000);
        expect(await a.insert(original)).toBe(true);
        expect(await b.list()).toEqual([]);
        expect(await b.get('same')).toBeUndefined();
        expect(await b.insert({ ...original, function: 'MAX' })).toBe(true);
        await b.update({ ...original, function: 'MAX', status: 'DISABLED' });
        expect(await a.get('same')).toEqual(original);
        await b.delete('same');
        expect(await b.list()).toEqual([]);
        expect(await a.list()).toEqual([original]);
      });
    });

    describe('audiences', () => {
      it('round-trips the condition tree, in order and with gaps', async () => {
        const { audiences } = scoped();
        const buyers = { ...audience('au1', 'Buyers', 1000), condition: TREE };
        const plain = { ...audience('au2', 'Plain', 2000), description: null };
        expect(await audiences.insert(buyers)).toBe(true);
        expect(await audiences.insert(plain)).toBe(true);
        expect(await audiences.getMany(['au2', 'missing', 'au1'])).toStrictEqual([
          plain,
          undefined,
          buyers,
        ]);
        expect(await audiences.getMany([])).toEqual([]);
      });

      it('lists oldest first and keeps backfill progress', async () => {
        const { audiences } = scoped();
        const [older, newer] = [audience('au2', 'B', 1000), audience('au1', 'A', 2000)];
        await audiences.insert(newer);
        await audiences.insert(older);
        expect(await audiences.list()).toEqual([older, newer]);
        const halfway = {
          ...older,
          backfill: { done: false, cursor: 'g:p042', evaluated: 42 },
          updatedAt: new Date(3000),
        };
        await audiences.update(halfway);
        expect(await audiences.getMany(['au2'])).toEqual([halfway]);
        const done = { ...halfway, backfill: { done: true, cursor: null, evaluated: 99 } };
        await audiences.update(done);
        expect(await audiences.list()).toEqual([done, newer]);
      });

      it('refuses a taken name, case-insensitively', async () => {
        const { audiences } = scoped();
        expect(await audiences.insert(audience('au1', 'High Value', 1000))).toBe(true);
        expect(await audiences.insert(audience('au2', 'high VALUE', 2000))).toBe(false);
        expect(await audiences.getMany(['au2'])).toEqual([undefined]);
      });

      it('keeps each sandbox to itself, memberships included', async () => {
        const [a, b] = [scoped().audiences, scoped().audiences];
        const original = audience('same', 'Same name', 1000);
        await a.insert(original);
        await a.saveMemberships([member('same', 'g:p1', 'REALIZED')]);
        expect(await b.list()).toEqual([]);
        expect(await b.membershipsOf(['g:p1'])).toEqual([]);
        expect(await b.insert({ ...original, mergePolicyId: 'other' })).toBe(true);
        await b.saveMemberships([member('same', 'g:p1', 'EXITED')]);
        await b.deleteMembershipsOf(['g:p1']);
        await b.delete('same');
        expect(await a.getMany(['same'])).toEqual([original]);
        expect(await a.membershipsOf(['g:p1'])).toEqual([member('same', 'g:p1', 'REALIZED')]);
        expect(await a.countMembers(['same'])).toEqual(new Map([['same', 1]]));
      });
    });

    describe('memberships', () => {
      it('inserts and replaces by audience and profile, inside transactions too', async () => {
        const s = scoped();
        const entered = member('au1', 'g:p1', 'REALIZED', 1000);
        await s.audiences.saveMemberships([entered, member('au2', 'g:p1', 'EXISTING', 1000)]);
        const exited = { ...member('au1', 'g:p1', 'EXITED', 2000), identityKey: 'Email\u001fx' };
        await s.transaction((tx) =>
          tx.audiences.saveMemberships([exited, member('au1', 'g:p2', 'REALIZED', 2000)]),
        );
        expect(sortMemberships(await s.audiences.membershipsOf(['g:p1', 'g:p2']))).toEqual([
          exited,
          member('au1', 'g:p2', 'REALIZED', 2000),
          member('au2', 'g:p1', 'EXISTING', 1000),
        ]);
        // The same key twice in one call: the later one stands.
        await s.audiences.saveMemberships([entered, { ...entered, status: 'EXISTING' }]);
        expect(await s.audiences.members('au1', null, 10)).toEqual([
          { ...entered, status: 'EXISTING' },
          member('au1', 'g:p2', 'REALIZED', 2000),
        ]);
        await s.audiences.saveMemberships([]);
        expect(await s.audiences.membershipsOf([])).toEqual([]);
      });

      it('finds the memberships of several profiles across audiences, in any status', async () => {
        const { audiences } = scoped();
        const saved = [
          member('au1', 'g:p1', 'REALIZED'),
          member('au1', 'g:p2', 'EXITED'),
          member('au2', 'g:p2', 'EXISTING'),
          member('au2', 'i:p3', 'REALIZED'),
          member('au3', 'g:p4', 'REALIZED'),
        ];
        await audiences.saveMemberships(saved);
        const found = await audiences.membershipsOf(['i:p3', 'g:p2', 'g:p1', 'g:p2', 'nobody']);
        expect(sortMemberships(found)).toEqual(saved.slice(0, 4));
      });

      it('deletes every membership of some profiles and nothing else', async () => {
        const { audiences } = scoped();
        await audiences.saveMemberships([
          member('au1', 'g:p1', 'REALIZED'),
          member('au2', 'g:p1', 'EXITED'),
          member('au1', 'g:p2', 'REALIZED'),
          member('au2', 'g:p3', 'EXISTING'),
        ]);
        await audiences.deleteMembershipsOf(['g:p1', 'g:p3', 'nobody']);
        await audiences.deleteMembershipsOf([]);
        expect(await audiences.membershipsOf(['g:p1', 'g:p2', 'g:p3'])).toEqual([
          member('au1', 'g:p2', 'REALIZED'),
        ]);
      });

      it('pages one audience’s current members by profile key', async () => {
        const { audiences } = scoped();
        await audiences.saveMemberships([
          member('au1', 'i:p07', 'REALIZED'),
          member('au1', 'g:p02', 'EXITED'),
          member('au1', 'g:p04', 'REALIZED'),
          member('au2', 'g:p035', 'REALIZED'),
          member('au1', 'g:p01', 'REALIZED'),
          member('au1', 'i:p06', 'EXISTING'),
          member('au1', 'g:p05', 'EXITED'),
          member('au2', 'g:p00', 'REALIZED'),
          member('au1', 'g:p03', 'EXISTING'),
        ]);
        expect(keysOf(await audiences.members('au1', null, 3))).toEqual([
          'g:p01',
          'g:p03',
          'g:p04',
        ]);
        expect(keysOf(await audiences.members('au1', 'g:p04', 3))).toEqual(['i:p06', 'i:p07']);
        expect(keysOf(await audiences.members('au1', 'g:p02', 2))).toEqual(['g:p03', 'g:p04']);
        expect(await audiences.members('au1', 'g:p01', 1)).toEqual([
          member('au1', 'g:p03', 'EXISTING'),
        ]);
        expect(await audiences.members('au1', 'i:p07', 3)).toEqual([]);
        expect(await audiences.members('missing', null, 3)).toEqual([]);
      });

      it('counts current members of several audiences, zero included', async () => {
        const { audiences } = scoped();
        await audiences.saveMemberships([
          member('au1', 'g:p1', 'REALIZED'),
          member('au1', 'g:p2', 'EXISTING'),
          member('au1', 'g:p3', 'EXITED'),
          member('au2', 'g:p1', 'EXITED'),
          member('au3', 'g:p1', 'REALIZED'),
        ]);
        const counts = await audiences.countMembers(['au1', 'au2', 'missing']);
        expect(counts).toEqual(
          new Map([
            ['au1', 2],
            ['au2', 0],
            ['missing', 0],
          ]),
        );
        expect(await audiences.countMembers([])).toEqual(new Map());
      });

      it('leave with their audience, and only theirs', async () => {
        const { audiences } = scoped();
        await audiences.insert(audience('au1', 'Gone', 1000));
        await audiences.insert(audience('au2', 'Kept', 2000));
        await audiences.saveMemberships([
          member('au1', 'g:p1', 'REALIZED'),
          member('au1', 'g:p2', 'EXITED'),
          member('au2', 'g:p1', 'EXISTING'),
        ]);
        await audiences.delete('au1');
        expect(await audiences.getMany(['au1', 'au2'])).toEqual([
          undefined,
          audience('au2', 'Kept', 2000),
        ]);
        expect(await audiences.membershipsOf(['g:p1', 'g:p2'])).toEqual([
          member('au2', 'g:p1', 'EXISTING'),
        ]);
        expect(await audiences.countMembers(['au1'])).toEqual(new Map([['au1', 0]]));
      });

      it('reads, counts and deletes more profiles than one statement can bind', async () => {
        const { audiences } = scoped();
        const keys = Array.from({ length: 33000 }, (_, i) => `g:p${i.toString().padStart(5, '0')}`);
        await audiences.saveMemberships(keys.map((k) => member('au1', k, 'REALIZED')));
        expect(await audiences.membershipsOf(keys)).toHaveLength(keys.length);
        expect(await audiences.countMembers(['au1'])).toEqual(new Map([['au1', keys.length]]));
        await audiences.deleteMembershipsOf(keys.slice(1));
        expect(keysOf(await audiences.members('au1', null, 10))).toEqual([keys[0]]);
      });
    });
  });
}

/** Every kind of node, nested. */
const TREE: Audience['condition'] = {
  and: [
    { attribute: { path: 'person.country', op: 'IN', value: ['DE', 'FR'] } },
    {
      or: [
        { computed: { name: 'Total spend', op: 'GT', value: 100.5 } },
        { not: { attribute: { path: 'person.optOut', op: 'EQ', value: true } } },
        {
          event: {
            where: [{ path: 'eventType', op: 'EQ', value: 'order' }],
            within: { count: 30, unit: 'DAYS' },
            minCount: 2,
          },
        },
      ],
    },
  ],
};

const definition = (id: string, name: string, at: number): ComputedAttribute => ({
  id,
  name,
  description: `${name}, summed`,
  function: 'SUM',
  field: 'commerce.order.total',
  fieldKind: 'number',
  where: [{ path: 'eventType', op: 'EQ', value: 'order' }],
  lookback: { count: 90, unit: 'DAYS' },
  status: 'DRAFT',
  createdAt: new Date(at),
  updatedAt: new Date(at + 1),
});

const audience = (id: string, name: string, at: number): Audience => ({
  id,
  name,
  description: `${name} people`,
  condition: { attribute: { path: 'person.name', op: 'EXISTS' } },
  mergePolicyId: 'mp1',
  backfill: { done: false, cursor: null, evaluated: 0 },
  createdAt: new Date(at),
  updatedAt: new Date(at + 1),
});

const member = (
  audienceId: string,
  profileKey: string,
  status: MembershipStatus,
  since = 1000,
): Membership => ({
  audienceId,
  profileKey,
  identityKey: `CRMID\u001f${profileKey}`,
  status,
  since,
});

const keysOf = (memberships: readonly Membership[]): string[] =>
  memberships.map((m) => m.profileKey);

const sortMemberships = (memberships: readonly Membership[]): Membership[] =>
  [...memberships].sort(
    (a, b) => a.audienceId.localeCompare(b.audienceId) || a.profileKey.localeCompare(b.profileKey),
  );
