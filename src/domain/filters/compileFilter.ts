import { valueAtPath } from '../records/valueAtPath';
import type { FieldFilter } from './FieldFilter';
import type { ValueTest } from './ValueTest';
import { containsTest } from './containsTest';
import { equalsTest } from './equalsTest';
import { inTest } from './inTest';
import { isNullish } from './isNullish';
import { rangeTest } from './rangeTest';

const isPresent: ValueTest = (value) => !isNullish(value);

/**
 * One filter as a predicate on data (SEMANTICS §4/§5): the value at its dot path (`valueAtPath`;
 * absent is undefined, arrays are not descended into) tested by its operator, with everything
 * that depends only on the filter worked out here, once. Meant for filters `checkFilters`
 * accepted; an unchecked filter with a value its operator cannot use never matches, and never
 * throws.
 */
export function compileFilter(filter: FieldFilter): (data: unknown) => boolean {
  const test = valueTest(filter);
  const { path } = filter;
  return (data) => test(valueAtPath(data, path));
}

function valueTest({ op, value }: FieldFilter): ValueTest {
  switch (op) {
    case 'EQ':
      return equalsTest(value);
    case 'NE': {
      // The negation of EQ: an absent value is "not equal" to any non-null value.
      const equals = equalsTest(value);
      return (found) => !equals(found);
    }
    case 'LT':
    case 'LTE':
    case 'GT':
    case 'GTE':
      return rangeTest(op, value);
    case 'EXISTS':
      // Left out or true: a non-null value is there; false: null or absent.
      return value === false ? isNullish : isPresent;
    case 'IN':
      return inTest(value);
    case 'CONTAINS':
      return containsTest(value);
  }
}
