import { isPlainObject } from './jsonTypeOf';

/**
 * The value at a dot path of a record (`person.name.firstName`), or undefined when a step is
 * missing or not an object. Only own properties count, so `constructor` or `__proto__` never
 * reach the prototype; arrays are not descended into (field paths never index them).
 */
export function valueAtPath(record: unknown, path: string): unknown {
  let value = record;
  for (const segment of path.split('.')) {
    if (!isPlainObject(value) || !Object.hasOwn(value, segment)) return undefined;
    value = value[segment];
  }
  return value;
}
