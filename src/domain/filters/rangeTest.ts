import { parseDateTime } from '../records/parseDateTime';
import type { ValueTest } from './ValueTest';
import { compareCodePoints } from './compareCodePoints';

export type RangeOperator = 'LT' | 'LTE' | 'GT' | 'GTE';

/** Whether an order (value compared to the filter's value: <0, 0, >0; NaN never) passes. */
const ACCEPTS: Record<RangeOperator, (order: number) => boolean> = {
  LT: (order) => order < 0,
  LTE: (order) => order <= 0,
  GT: (order) => order > 0,
  GTE: (order) => order >= 0,
};

const never: ValueTest = () => false;

/**
 * LT, LTE, GT, GTE (SEMANTICS §4/§5): "value at path OP filter value". Numbers compare
 * numerically. Two strings that are both ISO-8601 date-times with a zone (`parseDateTime`)
 * compare as instants, so `2024-03-01T11:00:00+01:00` equals `2024-03-01T10:00:00Z`; other
 * strings compare by code point (so `YYYY-MM-DD` dates order correctly too). A number against
 * a string, a boolean, null, an array, an object or an absent value never matches: epoch-millis
 * numbers are not compared with date-time strings. The filter's value is parsed once.
 */
export function rangeTest(op: RangeOperator, expected: unknown): ValueTest {
  const accepts = ACCEPTS[op];
  if (typeof expected === 'number') {
    return (value) => typeof value === 'number' && accepts(value - expected);
  }
  if (typeof expected !== 'string') return never; // only in an unchecked filter
  const instant = parseDateTime(expected);
  if (instant === undefined) {
    return (value) => typeof value === 'string' && accepts(compareCodePoints(value, expected));
  }
  return (value) => {
    if (typeof value !== 'string') return false;
    const at = parseDateTime(value);
    return accepts(at === undefined ? compareCodePoints(value, expected) : at - instant);
  };
}
