import type { MergePolicyRules } from '../../../../src/domain/merge/MergePolicyRules';
import { mergeFragments } from '../../../../src/domain/merge/mergeFragments';
import type { Fragment } from '../../../../src/domain/profile/Fragment';
import type { JsonObject } from '../../../../src/domain/records/mergePatch';
import {
  CRM,
  ECID,
  EMAIL,
  T,
  TIMESTAMP_ORDERED,
  containersIn,
  deepFreeze,
  fragment,
  precedence,
} from './fixtures';

interface Case {
  name: string;
  rules?: MergePolicyRules;
  fragments: Fragment[];
  expected: JsonObject;
}

/** Fragments of one dataset whose priority is the order given (newest first). */
const newestFirst = (...attributes: JsonObject[]): Fragment[] =>
  attributes.map((a, i) => fragment('crm', a, { updated: T(attributes.length - i) }));

const check = (c: Case): void => {
  const merged = mergeFragments(deepFreeze(c.fragments), c.rules ?? TIMESTAMP_ORDERED);
  expect(merged).toStrictEqual(c.expected);
};

describe('mergeFragments', () => {
  describe('per leaf: the first fragment in order with a value there gives it', () => {
    it.each<Case>([
      { name: 'no fragments: an empty profile', fragments: [], expected: {} },
      {
        name: 'one fragment: its attributes',
        fragments: newestFirst({ email: 'a@x.com', person: { age: 36 }, tags: ['a'] }),
        expected: { email: 'a@x.com', person: { age: 36 }, tags: ['a'] },
      },
      {
        name: 'a fragment with no attributes adds nothing',
        fragments: newestFirst({}, { email: 'a@x.com' }),
        expected: { email: 'a@x.com' },
      },
      {
        name: 'different leaves from different fragments',
        fragments: newestFirst({ email: 'new@x.com' }, { email: 'old@x.com', phone: '+1' }),
        expected: { email: 'new@x.com', phone: '+1' },
      },
      {
        name: 'each leaf from the newest fragment that has it, across three',
        fragments: newestFirst({ a: 1 }, { a: 2, b: 2 }, { a: 3, b: 3, c: 3 }),
        expected: { a: 1, b: 2, c: 3 },
      },
      {
        name: 'nested objects merge key by key at every depth',
        fragments: newestFirst(
          { person: { name: { first: 'Ada' } } },
          { person: { name: { first: 'A.', last: 'Byron' }, age: 36 } },
          { person: { name: { last: 'King', title: 'Countess' }, city: 'London' }, crmId: 'c1' },
        ),
        expected: {
          person: {
            name: { first: 'Ada', last: 'Byron', title: 'Countess' },
            age: 36,
            city: 'London',
          },
          crmId: 'c1',
        },
      },
      {
        name: 'a leaf absent in the newest falls back to the next one that has it',
        fragments: newestFirst(
          { person: { age: 37 } },
          { email: 'a@x.com' },
          { person: { city: 'L' } },
        ),
        expected: { person: { age: 37, city: 'L' }, email: 'a@x.com' },
      },
      {
        name: 'null is no value: the next fragment shows through',
        fragments: newestFirst(
          { email: null, person: { age: null } },
          { email: 'a@x.com' },
          {
            person: { age: 36 },
          },
        ),
        expected: { email: 'a@x.com', person: { age: 36 } },
      },
      {
        name: 'null everywhere: the key is absent',
        fragments: newestFirst({ email: null }, { email: null }),
        expected: {},
      },
      {
        name: 'an object of nulls alone leaves an empty object',
        fragments: newestFirst({ person: { age: null } }),
        expected: { person: {} },
      },
      {
        name: 'false, 0 and the empty string are values',
        fragments: newestFirst({ opt: false, n: 0, s: '' }, { opt: true, n: 5, s: 'x' }),
        expected: { opt: false, n: 0, s: '' },
      },
      {
        name: 'keys in the order first met, walking the fragments in order',
        fragments: newestFirst({ c: 1, a: { z: 1 } }, { b: 2, a: { y: 2, z: 2 }, c: 2 }),
        expected: { c: 1, a: { z: 1, y: 2 }, b: 2 },
      },
      {
        name: 'extSourceSystemAudit merges like any attribute',
        fragments: [
          fragment(
            'crm',
            { extSourceSystemAudit: { lastUpdatedDate: '2024-01-02' } },
            {
              source: T(2),
            },
          ),
          fragment(
            'web',
            { extSourceSystemAudit: { lastUpdatedDate: '2024-01-01' }, a: 1 },
            {
              source: T(1),
            },
          ),
        ],
        expected: { extSourceSystemAudit: { lastUpdatedDate: '2024-01-02' }, a: 1 },
      },
    ])('$name', check);
  });

  describe('arrays are leaves', () => {
    it.each<Case>([
      {
        name: 'the newest array wins whole, never concatenated',
        fragments: newestFirst({ tags: ['x'] }, { tags: ['a', 'b'] }),
        expected: { tags: ['x'] },
      },
      {
        name: 'an empty array is a value',
        fragments: newestFirst({ tags: [] }, { tags: ['a'] }),
        expected: { tags: [] },
      },
      {
        name: 'arrays of objects are not merged item by item',
        fragments: newestFirst(
          { items: [{ qty: 2 }] },
          { items: [{ sku: 'a', qty: 1 }, { sku: 'b' }] },
        ),
        expected: { items: [{ qty: 2 }] },
      },
      {
        name: 'an array absent in the newest comes from the next',
        fragments: newestFirst({ a: 1 }, { tags: ['a', 'b'] }),
        expected: { a: 1, tags: ['a', 'b'] },
      },
      {
        name: 'nulls inside an array are kept, at any depth',
        fragments: newestFirst({ list: [null, { a: null, b: [null] }] }, { list: ['x'] }),
        expected: { list: [null, { a: null, b: [null] }] },
      },
      {
        name: 'nested arrays are taken whole',
        fragments: newestFirst({ m: [[1], [2, 3]] }, { m: [[9]] }),
        expected: { m: [[1], [2, 3]] },
      },
    ])('$name', check);
  });

  describe('a scalar and an object at one path: the first fragment with a value decides', () => {
    it.each<Case>([
      {
        name: 'newest scalar: the older object and its leaves are dropped',
        fragments: newestFirst({ a: 'x' }, { a: { b: 1 } }),
        expected: { a: 'x' },
      },
      {
        name: 'newest object: the older scalar is dropped',
        fragments: newestFirst({ a: { b: 1 } }, { a: 'x' }),
        expected: { a: { b: 1 } },
      },
      {
        name: 'newest object: an older scalar between two objects is skipped, the objects merge',
        fragments: newestFirst({ a: { b: 1 } }, { a: 'x' }, { a: { c: 2 } }),
        expected: { a: { b: 1, c: 2 } },
      },
      {
        name: 'newest scalar: no older object comes through, even after another scalar',
        fragments: newestFirst({ a: 1 }, { a: { b: 1 } }, { a: 2 }, { a: { c: 2 } }),
        expected: { a: 1 },
      },
      {
        name: 'newest array: the older object is dropped',
        fragments: newestFirst({ a: [1] }, { a: { b: 1 } }),
        expected: { a: [1] },
      },
      {
        name: 'newest object: the older array is dropped',
        fragments: newestFirst({ a: { b: 1 } }, { a: [1] }),
        expected: { a: { b: 1 } },
      },
      {
        name: 'an empty object is an object: it beats an older scalar',
        fragments: newestFirst({ a: {} }, { a: 'x' }),
        expected: { a: {} },
      },
      {
        name: 'an empty object takes the leaves of older objects',
        fragments: newestFirst({ a: {} }, { a: { b: 1 } }),
        expected: { a: { b: 1 } },
      },
      {
        name: 'null decides nothing: the next value decides',
        fragments: newestFirst({ a: null }, { a: 'x' }, { a: { b: 1 } }),
        expected: { a: 'x' },
      },
      {
        name: 'the same rule at depth',
        fragments: newestFirst(
          { p: { name: 'Ada', age: { years: 36 } } },
          { p: { name: { first: 'A' }, age: 37, city: 'L' } },
        ),
        expected: { p: { name: 'Ada', age: { years: 36 }, city: 'L' } },
      },
      {
        name: 'by the policy order, not the order given (DATASET_PRECEDENCE)',
        rules: precedence('crm', 'web'),
        fragments: [
          fragment('web', { a: 'x' }, { updated: T(9) }),
          fragment('crm', { a: { b: 1 } }, { updated: T(1) }),
        ],
        expected: { a: { b: 1 } },
      },
    ])('$name', check);
  });

  describe('TIMESTAMP_ORDERED: effective time sourceUpdatedAt ?? updatedAt', () => {
    it.each<Case>([
      {
        name: 'the newer source date wins, whatever the ingestion times',
        fragments: [
          fragment('crm', { email: 'old@x.com' }, { source: T(1), updated: T(9) }),
          fragment('web', { email: 'new@x.com' }, { source: T(2), updated: T(3) }),
        ],
        expected: { email: 'new@x.com' },
      },
      {
        name: 'undated data ingested after a dated source change wins',
        fragments: [
          fragment('crm', { email: 'dated@x.com' }, { source: T(2), updated: T(9) }),
          fragment('web', { email: 'undated@x.com' }, { updated: T(3) }),
        ],
        expected: { email: 'undated@x.com' },
      },
      {
        name: 'a source change after undated data was ingested wins',
        fragments: [
          fragment('crm', { email: 'dated@x.com' }, { source: T(4), updated: T(5) }),
          fragment('web', { email: 'undated@x.com' }, { updated: T(3) }),
        ],
        expected: { email: 'dated@x.com' },
      },
      {
        name: 'across the identities of a graph',
        fragments: [
          fragment('crm', { email: 'c@x.com', a: 1 }, { key: CRM, updated: T(1) }),
          fragment('crm', { email: 'e@x.com' }, { key: EMAIL, updated: T(3) }),
          fragment('web', { a: 2 }, { key: ECID, updated: T(2) }),
        ],
        expected: { email: 'e@x.com', a: 2 },
      },
      {
        name: 'a tie of effective time: the later updatedAt wins',
        fragments: [
          fragment('a', { v: 'first' }, { source: T(2), updated: T(3) }),
          fragment('b', { v: 'last' }, { source: T(2), updated: T(4) }),
        ],
        expected: { v: 'last' },
      },
      {
        name: 'a tie of both times: the smaller datasetId wins',
        fragments: [
          fragment('web', { v: 'web' }, { source: T(2), updated: T(3) }),
          fragment('crm', { v: 'crm' }, { source: T(2), updated: T(3) }),
        ],
        expected: { v: 'crm' },
      },
      {
        name: 'a tie in one dataset: the smaller identityKey wins',
        fragments: [
          fragment('crm', { v: 'email' }, { key: EMAIL }),
          fragment('crm', { v: 'crm' }, { key: CRM }),
        ],
        expected: { v: 'crm' },
      },
    ])('$name', check);
  });

  describe('DATASET_PRECEDENCE: the highest listed dataset wins, unlisted ones are not merged', () => {
    it.each<Case>([
      {
        name: 'the higher dataset wins though older',
        rules: precedence('crm', 'web'),
        fragments: [
          fragment('web', { email: 'web@x.com' }, { source: T(9), updated: T(9) }),
          fragment('crm', { email: 'crm@x.com' }, { source: T(1), updated: T(1) }),
        ],
        expected: { email: 'crm@x.com' },
      },
      {
        name: 'a leaf the higher dataset lacks comes from the next',
        rules: precedence('loyalty', 'crm', 'web'),
        fragments: [
          fragment('crm', { email: 'crm@x.com', person: { age: 36, city: 'L' } }),
          fragment('web', { email: 'web@x.com', lastPage: '/a' }),
          fragment('loyalty', { person: { age: 40 }, points: 10 }),
        ],
        expected: {
          person: { age: 40, city: 'L' },
          points: 10,
          email: 'crm@x.com',
          lastPage: '/a',
        },
      },
      {
        name: 'unlisted datasets are not merged, even for leaves no one else has',
        rules: precedence('crm'),
        fragments: [
          fragment('crm', { email: 'crm@x.com' }),
          fragment('web', { email: 'web@x.com', lastPage: '/a' }, { updated: T(9) }),
        ],
        expected: { email: 'crm@x.com' },
      },
      {
        name: 'no listed dataset has fragments: an empty profile',
        rules: precedence('pos'),
        fragments: [fragment('crm', { email: 'crm@x.com' })],
        expected: {},
      },
      {
        name: 'within one dataset: the timestamp order across identities',
        rules: precedence('crm', 'web'),
        fragments: [
          fragment('crm', { email: 'c@x.com', a: 1 }, { key: CRM, source: T(1), updated: T(9) }),
          fragment('crm', { email: 'e@x.com' }, { key: EMAIL, source: T(2), updated: T(3) }),
          fragment('web', { email: 'w@x.com', a: 2, b: 2 }, { key: ECID, updated: T(9) }),
        ],
        expected: { email: 'e@x.com', a: 1, b: 2 },
      },
      {
        name: 'within one dataset, undated data ingested after a source change wins',
        rules: precedence('crm'),
        fragments: [
          fragment('crm', { v: 'dated' }, { key: CRM, source: T(2), updated: T(9) }),
          fragment('crm', { v: 'undated' }, { key: EMAIL, updated: T(3) }),
        ],
        expected: { v: 'undated' },
      },
      {
        name: 'null in the higher dataset lets the lower one through',
        rules: precedence('crm', 'web'),
        fragments: [fragment('crm', { email: null }), fragment('web', { email: 'w@x.com' })],
        expected: { email: 'w@x.com' },
      },
      {
        name: 'arrays from the higher dataset, whole',
        rules: precedence('crm', 'web'),
        fragments: [fragment('web', { tags: ['w1', 'w2'] }), fragment('crm', { tags: ['c'] })],
        expected: { tags: ['c'] },
      },
    ])('$name', check);
  });

  it('merges every fragment given, whatever identityStitching says (fragmentsFor chooses)', () => {
    const rules: MergePolicyRules = { ...TIMESTAMP_ORDERED, identityStitching: 'NONE' };
    const fragments = [
      fragment('crm', { a: 1 }, { key: CRM }),
      fragment('crm', { b: 2 }, { key: EMAIL }),
    ];
    expect(mergeFragments(fragments, rules)).toStrictEqual({ a: 1, b: 2 });
  });

  it('never changes its inputs and shares no object or array with them', () => {
    const fragments = deepFreeze([
      fragment(
        'crm',
        { person: { name: { first: 'Ada' } }, tags: ['a', { x: [1] }] },
        {
          updated: T(2),
        },
      ),
      fragment('web', {
        person: { name: { last: 'L' }, age: 36 },
        items: [{ sku: 'a' }],
        solo: {},
      }),
    ]);
    const before = structuredClone(fragments);
    const merged = mergeFragments(fragments, TIMESTAMP_ORDERED);
    expect(merged).toStrictEqual({
      person: { name: { first: 'Ada', last: 'L' }, age: 36 },
      tags: ['a', { x: [1] }],
      items: [{ sku: 'a' }],
      solo: {},
    });
    // structuredClone makes objects of another realm, so compare with toEqual.
    expect(fragments).toEqual(before);
    const inputs = containersIn(fragments);
    const shared = [...containersIn(merged)].filter((c) => inputs.has(c));
    expect(shared).toStrictEqual([]);
    // The result is the caller's to change.
    expect(Object.isFrozen(merged['person'])).toBe(false);
  });

  it('treats a __proto__ key as data, never as the prototype', () => {
    const attributes = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as JsonObject;
    const older = JSON.parse('{"__proto__": {"b": 2}}') as JsonObject;
    const merged = mergeFragments(newestFirst(attributes, older), TIMESTAMP_ORDERED);
    expect(Object.keys(merged)).toStrictEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(merged, '__proto__')?.value).toStrictEqual({
      polluted: true,
      b: 2,
    });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reads only own keys: inherited names are data like any other', () => {
    const merged = mergeFragments(
      newestFirst({ constructor: 'c' }, { toString: { x: 1 }, constructor: 'old' }),
      TIMESTAMP_ORDERED,
    );
    expect(merged).toStrictEqual({ constructor: 'c', toString: { x: 1 } });
  });
});
