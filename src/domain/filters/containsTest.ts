import type { ValueTest } from './ValueTest';

const never: ValueTest = () => false;

/**
 * CONTAINS (SEMANTICS §4/§5): a string at the path contains the filter's string, case-sensitive
 * ("" is in every string); an array at the path holds an item equal (`===`) to the filter's
 * string, number or boolean. Anything else at the path (objects, numbers, absent) never
 * matches; a number is never looked for inside a string. A filter value that is not a string,
 * number or boolean (only in an unchecked filter) never matches.
 */
export function containsTest(expected: unknown): ValueTest {
  if (typeof expected === 'string') {
    return (value) =>
      typeof value === 'string' ? value.includes(expected) : holds(value, expected);
  }
  if (typeof expected === 'number' || typeof expected === 'boolean') {
    return (value) => holds(value, expected);
  }
  return never;
}

const holds = (value: unknown, item: string | number | boolean): boolean =>
  Array.isArray(value) && value.includes(item);
