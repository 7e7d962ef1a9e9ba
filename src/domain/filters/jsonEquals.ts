import { isPlainObject } from '../records/jsonTypeOf';

/**
 * Equality of two parsed JSON values by structure (SEMANTICS §4/§5 EQ filters): scalars by
 * `===` (no coercion: 1 is not "1"), arrays item by item in order, objects by the same own keys
 * holding equal values in any key order. Walks the values; no JSON text is built.
 */
export function jsonEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return (
      Array.isArray(b) && a.length === b.length && a.every((item, i) => jsonEquals(item, b[i]))
    );
  }
  if (!isPlainObject(a) || !isPlainObject(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && jsonEquals(a[key], b[key]))
  );
}
