import { setKey } from '../../../../src/domain/merge/setKey';
import type { JsonObject } from '../../../../src/domain/records/mergePatch';

describe('setKey', () => {
  it.each<[string, JsonObject, string, JsonObject]>([
    ['adds a key', { a: 1 }, 'b', { a: 1, b: 2 }],
    ['replaces a value', { a: 1 }, 'a', { a: 2 }],
    ['sets an inherited name as an own key', {}, 'constructor', { constructor: 2 }],
  ])('%s', (_, target, key, expected) => {
    setKey(target, key, 2);
    expect(target).toStrictEqual(expected);
  });

  it('defines __proto__ as an own, enumerable, writable key, leaving the prototype', () => {
    const target: JsonObject = {};
    setKey(target, '__proto__', { polluted: true });
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(target, '__proto__')).toStrictEqual({
      value: { polluted: true },
      writable: true,
      enumerable: true,
      configurable: true,
    });
    expect(JSON.stringify(target)).toBe('{"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
