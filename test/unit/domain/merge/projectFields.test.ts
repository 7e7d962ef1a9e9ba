import { projectFields } from '../../../../src/domain/merge/projectFields';
import type { JsonObject } from '../../../../src/domain/records/mergePatch';
import { containersIn, deepFreeze } from './fixtures';

const PROFILE: JsonObject = deepFreeze({
  email: 'ada@x.com',
  empty: '',
  zero: 0,
  nothing: null,
  person: { name: { first: 'Ada', last: 'Byron' }, age: 36, tags: ['x', 'y'] },
  prefs: {},
  items: [{ sku: 'a', qty: 1 }],
  scalar: 'text',
});

describe('projectFields', () => {
  it.each<[string, string[], JsonObject]>([
    ['no paths: nothing', [], {}],
    ['a top-level leaf', ['email'], { email: 'ada@x.com' }],
    ['several top-level leaves', ['email', 'zero'], { email: 'ada@x.com', zero: 0 }],
    ['the empty string and 0 are values', ['empty', 'zero'], { empty: '', zero: 0 }],
    ['a null value is kept as stored', ['nothing'], { nothing: null }],
    [
      'a nested leaf, with its parents',
      ['person.name.first'],
      { person: { name: { first: 'Ada' } } },
    ],
    [
      'leaves under one parent combine',
      ['person.name.first', 'person.age'],
      { person: { name: { first: 'Ada' }, age: 36 } },
    ],
    [
      'a path to an object keeps all of it',
      ['person.name'],
      { person: { name: { first: 'Ada', last: 'Byron' } } },
    ],
    ['a path to an empty object keeps it', ['prefs'], { prefs: {} }],
    ['a path to an array keeps it whole', ['person.tags'], { person: { tags: ['x', 'y'] } }],
    ['an array of objects is kept whole', ['items'], { items: [{ sku: 'a', qty: 1 }] }],
    [
      'overlapping: the parent first keeps the whole parent',
      ['person', 'person.name.first'],
      { person: PROFILE['person'] ?? null },
    ],
    [
      'overlapping: the parent after the child still keeps the whole parent',
      ['person.name.first', 'person'],
      { person: PROFILE['person'] ?? null },
    ],
    [
      'overlapping nested paths',
      ['person.name', 'person.name.first', 'person.age'],
      { person: { name: { first: 'Ada', last: 'Byron' }, age: 36 } },
    ],
    ['a path given twice', ['email', 'email'], { email: 'ada@x.com' }],
    ['an unknown top-level path is absent', ['missing', 'email'], { email: 'ada@x.com' }],
    ['an unknown nested path leaves no empty parent', ['person.missing', 'person.name.middle'], {}],
    [
      'an unknown path beside a known one under the same parent',
      ['person.missing', 'person.age'],
      { person: { age: 36 } },
    ],
    ['a path below a scalar is absent', ['scalar.length', 'email.x'], {}],
    ['a path below null is absent', ['nothing.below'], {}],
    ['a path into an array is absent', ['items.sku', 'items.0.sku', 'person.tags.0'], {}],
    ['the empty path is absent', [''], {}],
    ['empty segments are absent', ['person.', '.email', 'person..age'], {}],
    [
      'inherited names are absent',
      ['constructor', 'toString', '__proto__', 'person.constructor'],
      {},
    ],
    ['keys in the order the paths name them', ['zero', 'email'], { zero: 0, email: 'ada@x.com' }],
  ])('%s', (_, paths, expected) => {
    const projected = projectFields(PROFILE, paths);
    expect(projected).toStrictEqual(expected);
    expect(Object.keys(projected)).toStrictEqual(Object.keys(expected));
  });

  it('orders nested keys by the paths too', () => {
    const projected = projectFields(PROFILE, [
      'person.age',
      'person.name.last',
      'person.name.first',
    ]);
    expect(JSON.stringify(projected)).toBe(
      '{"person":{"age":36,"name":{"last":"Byron","first":"Ada"}}}',
    );
  });

  it('keeps a whole value in its own key order', () => {
    const projected = projectFields(PROFILE, ['person.age', 'person']);
    expect(JSON.stringify(projected['person'])).toBe(JSON.stringify(PROFILE['person']));
  });

  it('reads an own __proto__ key of parsed JSON as data', () => {
    const attributes = JSON.parse('{"__proto__": {"a": 1, "b": 2}}') as JsonObject;
    const projected = projectFields(attributes, ['__proto__.a']);
    expect(Object.getPrototypeOf(projected)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(projected, '__proto__')?.value).toStrictEqual({ a: 1 });
  });

  it('never changes its input and shares no object or array with it', () => {
    const projected = projectFields(PROFILE, ['person', 'items', 'prefs']);
    const inputs = containersIn(PROFILE);
    expect([...containersIn(projected)].filter((c) => inputs.has(c))).toStrictEqual([]);
    expect(projected).toStrictEqual({
      person: { name: { first: 'Ada', last: 'Byron' }, age: 36, tags: ['x', 'y'] },
      items: [{ sku: 'a', qty: 1 }],
      prefs: {},
    });
  });
});
