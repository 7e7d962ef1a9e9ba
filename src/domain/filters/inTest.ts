import type { ValueTest } from './ValueTest';
import { isNullish } from './isNullish';

/**
 * IN (SEMANTICS §4/§5): the value at the path equals (EQ) one of the listed scalars, so a
 * listed null matches a null or absent value; when the value at the path is an array, it
 * matches when any of its items is listed (an empty array never does). The list becomes a Set
 * once per filter. A checked list holds only scalars; anything else in an unchecked one (or a
 * value that is not a list) never matches.
 */
export function inTest(expected: unknown): ValueTest {
  const list: readonly unknown[] = Array.isArray(expected) ? expected : [];
  const listed = new Set<unknown>(list.filter((item) => typeof item !== 'object'));
  const nullListed = list.includes(null);
  const isListed = (value: unknown): boolean => (isNullish(value) ? nullListed : listed.has(value));
  return (value) => (Array.isArray(value) ? value.some(isListed) : isListed(value));
}
