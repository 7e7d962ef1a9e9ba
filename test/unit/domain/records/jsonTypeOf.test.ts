import { isPlainObject, jsonTypeOf } from '../../../../src/domain/records/jsonTypeOf';

describe('jsonTypeOf', () => {
  it.each<[unknown, string]>([
    [null, 'null'],
    [[], 'array'],
    [[1, 2], 'array'],
    [{}, 'object'],
    [{ a: 1 }, 'object'],
    ['', 'string'],
    ['42', 'string'],
    [0, 'number'],
    [1.5, 'number'],
    [true, 'boolean'],
    [false, 'boolean'],
    [undefined, 'undefined'],
  ])('names %j %s', (value, type) => {
    expect(jsonTypeOf(value)).toBe(type);
  });
});

describe('isPlainObject', () => {
  it.each<[unknown, boolean]>([
    [{}, true],
    [{ a: [1] }, true],
    [JSON.parse('{"__proto__": 1}'), true],
    [null, false],
    [[], false],
    ['{}', false],
    [1, false],
    [undefined, false],
  ])('says %j is an object: %s', (value, expected) => {
    expect(isPlainObject(value)).toBe(expected);
  });
});
