import type { ValueTest } from './ValueTest';
import { isNullish } from './isNullish';
import { jsonEquals } from './jsonEquals';

/**
 * EQ (SEMANTICS §4/§5): `null` matches a null or absent value; another scalar matches the same
 * scalar by `===` (no coercion: 1 is not "1", and date-times are compared as written); an array
 * or object matches by JSON structure (`jsonEquals`, key order ignored). Which of these applies
 * is decided once per filter, so scalar filters never walk a structure or build JSON text. A
 * left-out value (only in an unchecked filter) acts as null.
 */
export function equalsTest(expected: unknown): ValueTest {
  if (isNullish(expected)) return isNullish;
  if (typeof expected !== 'object') return (value) => value === expected;
  return (value) => jsonEquals(value, expected);
}
