import { copyJson } from '../../../../src/domain/merge/copyJson';
import type { JsonObject, JsonValue } from '../../../../src/domain/records/mergePatch';
import { containersIn, deepFreeze } from './fixtures';

describe('copyJson', () => {
  it.each<[string, JsonValue]>([
    ['a string', 'text'],
    ['a number', 1.5],
    ['zero', 0],
    ['false', false],
    ['null', null],
    ['an empty object', {}],
    ['an empty array', []],
    ['nested objects and arrays', { a: { b: [1, { c: [null, 'x'] }] }, d: [[]] }],
    ['nulls inside objects and arrays, as they are', { a: null, b: [null] }],
  ])('copies %s equal, sharing nothing', (_, value) => {
    const copy = copyJson(deepFreeze(value));
    expect(copy).toStrictEqual(value);
    const original = containersIn(value);
    expect([...containersIn(copy)].filter((c) => original.has(c))).toStrictEqual([]);
  });

  it('keeps key order', () => {
    expect(Object.keys(copyJson({ z: 1, a: 2, m: 3 }) as JsonObject)).toStrictEqual([
      'z',
      'a',
      'm',
    ]);
  });

  it('copies a __proto__ key as data', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}}') as JsonObject;
    const copy = copyJson(value) as JsonObject;
    expect(Object.keys(copy)).toStrictEqual(['__proto__']);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
