import { jsonEquals } from '../../../../src/domain/filters/jsonEquals';

describe('jsonEquals', () => {
  it.each<[string, unknown, unknown, boolean]>([
    ['the same string', 'a', 'a', true],
    ['different strings', 'a', 'A', false],
    ['equal numbers', 1.5, 1.5, true],
    ['0 and -0', 0, -0, true],
    ['a number and its text', 1, '1', false],
    ['false and 0', false, 0, false],
    ['null and null', null, null, true],
    ['null and an absent value', null, undefined, false],
    ['null and an empty object', null, {}, false],
    ['empty arrays', [], [], true],
    ['an empty array and an empty object', [], {}, false],
    ['an empty object and an empty array', {}, [], false],
    ['arrays of equal items', [1, 'a', null, [true]], [1, 'a', null, [true]], true],
    ['arrays in another order', [1, 2], [2, 1], false],
    ['a shorter array', [1, 2], [1], false],
    ['a longer array', [1], [1, 2], false],
    ['objects in another key order', { a: 1, b: { c: [2] } }, { b: { c: [2] }, a: 1 }, true],
    ['an object with a key more', { a: 1 }, { a: 1, b: 2 }, false],
    ['an object with a key less', { a: 1, b: 2 }, { a: 1 }, false],
    ['objects with other keys', { a: 1 }, { b: 1 }, false],
    ['objects with a null and an absent key', { a: null }, { b: null }, false],
    ['nested values that differ deep down', { a: [{ b: 1 }] }, { a: [{ b: 2 }] }, false],
    ['an array and an object with index keys', ['x'], { 0: 'x' }, false],
  ])('%s: %j and %j → %s', (_name, a, b, expected) => {
    expect(jsonEquals(a, b)).toBe(expected);
    expect(jsonEquals(b, a)).toBe(expected);
  });

  it('compares an own __proto__ key as data', () => {
    const a: unknown = JSON.parse('{"__proto__": {"x": 1}}');
    expect(jsonEquals(a, JSON.parse('{"__proto__": {"x": 1}}'))).toBe(true);
    expect(jsonEquals(a, JSON.parse('{"__proto__": {"x": 2}}'))).toBe(false);
    expect(jsonEquals(a, {})).toBe(false);
    expect(jsonEquals(JSON.parse('{"__proto__": {}}'), { other: {} })).toBe(false);
    expect(jsonEquals({ other: {} }, JSON.parse('{"__proto__": {}}'))).toBe(false);
  });
});
