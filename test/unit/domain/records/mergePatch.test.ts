import {
  type JsonObject,
  mergePatch,
  withoutNulls,
} from '../../../../src/domain/records/mergePatch';

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

describe('mergePatch', () => {
  it.each<[string, JsonObject, JsonObject, JsonObject]>([
    ['adds a new key', { a: 1 }, { b: 2 }, { a: 1, b: 2 }],
    ['replaces a scalar', { a: 1, b: 'x' }, { b: 'y' }, { a: 1, b: 'y' }],
    ['replaces a scalar with another type', { a: 1 }, { a: 'one' }, { a: 'one' }],
    ['keeps false and zero as values', { a: 1, b: true }, { a: 0, b: false }, { a: 0, b: false }],
    ['sets an empty string', { a: 'x' }, { a: '' }, { a: '' }],
    ['removes a key given null', { a: 1, b: 2 }, { a: null }, { b: 2 }],
    ['ignores null for a missing key', { a: 1 }, { b: null }, { a: 1 }],
    ['changes nothing with an empty patch', { a: { b: 1 } }, {}, { a: { b: 1 } }],
    ['fills an empty target', {}, { a: { b: 1 } }, { a: { b: 1 } }],
    [
      'merges nested objects key by key',
      { person: { name: { first: 'Ada', last: 'Byron' }, age: 36 } },
      { person: { name: { last: 'Lovelace' }, city: 'London' } },
      { person: { name: { first: 'Ada', last: 'Lovelace' }, age: 36, city: 'London' } },
    ],
    [
      'removes a key at depth',
      { person: { name: { first: 'Ada', last: 'Byron' }, age: 36 } },
      { person: { name: { last: null } } },
      { person: { name: { first: 'Ada' }, age: 36 } },
    ],
    [
      'keeps an object emptied by removals',
      { person: { name: { first: 'Ada' } } },
      { person: { name: { first: null } } },
      { person: { name: {} } },
    ],
    [
      'removes a whole object given null',
      { person: { age: 36 }, a: 1 },
      { person: null },
      { a: 1 },
    ],
    ['replaces an array', { tags: ['a', 'b', 'c'] }, { tags: ['d'] }, { tags: ['d'] }],
    ['replaces an array with an empty one', { tags: ['a'] }, { tags: [] }, { tags: [] }],
    [
      'replaces an array of objects without merging items',
      { items: [{ sku: 'a', qty: 1 }] },
      { items: [{ qty: 2 }] },
      { items: [{ qty: 2 }] },
    ],
    [
      'keeps nulls inside a given array',
      { tags: ['a'] },
      { tags: [null, 'b'] },
      { tags: [null, 'b'] },
    ],
    [
      'replaces an object with a scalar',
      { person: { age: 36 } },
      { person: 'Ada' },
      { person: 'Ada' },
    ],
    ['replaces an object with an array', { person: { age: 36 } }, { person: [1] }, { person: [1] }],
    [
      'replaces a scalar with an object',
      { person: 'Ada' },
      { person: { age: 36 } },
      { person: { age: 36 } },
    ],
    [
      'replaces an array with an object',
      { person: [1] },
      { person: { age: 36 } },
      { person: { age: 36 } },
    ],
    [
      'drops the nulls of an object that replaces a scalar',
      { person: 'Ada' },
      { person: { age: 36, name: null } },
      { person: { age: 36 } },
    ],
    [
      'drops the nulls of a new object at every depth',
      {},
      { a: { b: null, c: { d: null, e: 1 } } },
      { a: { c: { e: 1 } } },
    ],
  ])('%s', (_, target, patch, expected) => {
    expect(mergePatch(deepFreeze(target), deepFreeze(patch))).toEqual(expected);
  });

  it('never changes its inputs', () => {
    const target: JsonObject = { person: { name: { first: 'Ada' }, tags: ['a'] }, gone: 1 };
    const patch: JsonObject = {
      person: { name: { first: null, last: 'L' }, tags: ['b'] },
      gone: null,
    };
    const [targetBefore, patchBefore] = [structuredClone(target), structuredClone(patch)];
    const merged = mergePatch(target, patch);
    expect(target).toEqual(targetBefore);
    expect(patch).toEqual(patchBefore);
    expect(merged).not.toBe(target);
    expect(merged['person']).not.toBe(target['person']);
  });

  it("keeps the target's key order and appends new keys in the patch's order", () => {
    const merged = mergePatch({ a: 1, b: 2, c: 3 }, { z: 0, b: 20, y: 0, a: null });
    expect(Object.keys(merged)).toEqual(['b', 'c', 'z', 'y']);
  });

  it('treats a __proto__ key as data, never as the prototype', () => {
    const patch = JSON.parse('{"__proto__": {"polluted": true}}') as JsonObject;
    const merged = mergePatch({}, patch);
    expect(Object.keys(merged)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('keeps a __proto__ key of the target as data when patching it', () => {
    const target = JSON.parse('{"__proto__": {"a": 1}}') as JsonObject;
    const merged = mergePatch(target, JSON.parse('{"__proto__": {"b": 2}}') as JsonObject);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(merged, '__proto__')?.value).toEqual({ a: 1, b: 2 });
  });
});

describe('withoutNulls', () => {
  it('returns the record itself when no key at any depth is null', () => {
    const record: JsonObject = { a: 1, b: { c: 'x', d: [null, 2] }, e: [] };
    expect(withoutNulls(record)).toBe(record);
  });

  it.each<[string, JsonObject, JsonObject]>([
    ['drops a null key', { a: 1, b: null }, { a: 1 }],
    ['drops a null key at depth', { a: { b: { c: null, d: 1 } } }, { a: { b: { d: 1 } } }],
    ['keeps nulls inside arrays', { a: [null], b: null }, { a: [null] }],
  ])('%s, in a copy', (_, record, expected) => {
    const before = structuredClone(record);
    expect(withoutNulls(record)).toEqual(expected);
    expect(record).toEqual(before);
  });
});
