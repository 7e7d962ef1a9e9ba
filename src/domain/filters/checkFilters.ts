import { Issues } from '../Issues';
import { fieldPathProblem } from '../catalog/fieldPath';
import { jsonTypeOf } from '../records/jsonTypeOf';
import type { FieldFilter } from './FieldFilter';
import { isJsonScalar } from './isJsonScalar';

const got = (value: unknown): string => (value === undefined ? 'nothing' : jsonTypeOf(value));

/**
 * SEMANTICS §4/§5: checks filters from the API, failing with BAD_USER_INPUT that lists every
 * problem (`${prefix}[i].path`, `${prefix}[i].value`, `${prefix}[i].value[j]`). The path is a
 * dot path of names. The value, by operator:
 * - EQ, NE: required, any JSON value; `null` means "null or absent" (for EQ; NE: neither). A
 *   left-out value is refused rather than read as null, so a forgotten value fails loudly;
 *   EXISTS says "present or not" explicitly.
 * - LT, LTE, GT, GTE: a number or a string (date-times as ISO-8601 with a zone).
 * - EXISTS: true, false, or left out (true); null is refused, as it reads like false.
 * - IN: a non-empty list of strings, numbers, booleans or nulls.
 * - CONTAINS: a string, number or boolean (null is refused: look for it with EQ or IN).
 */
export function checkFilters(filters: readonly FieldFilter[], prefix: string): void {
  const issues = new Issues();
  filters.forEach((filter, i) => {
    const pathProblem = fieldPathProblem(filter.path);
    if (pathProblem !== undefined) issues.add(`${prefix}[${i}].path`, pathProblem);
    checkValue(issues, `${prefix}[${i}].value`, filter);
  });
  issues.throwIfAny();
}

function checkValue(issues: Issues, field: string, { op, value }: FieldFilter): void {
  switch (op) {
    case 'EQ':
    case 'NE':
      if (value === undefined) {
        issues.add(field, `${op} needs a value (null matches a null or absent field)`);
      }
      return;
    case 'LT':
    case 'LTE':
    case 'GT':
    case 'GTE':
      if (typeof value !== 'number' && typeof value !== 'string') {
        issues.add(
          field,
          `${op} takes a number or a string (date-times as ISO-8601 with a time zone), got ${got(value)}`,
        );
      }
      return;
    case 'EXISTS':
      if (value !== undefined && typeof value !== 'boolean') {
        issues.add(field, `EXISTS takes true or false (left out means true), got ${got(value)}`);
      }
      return;
    case 'IN':
      checkList(issues, field, value);
      return;
    case 'CONTAINS':
      if (value === null || !isJsonScalar(value)) {
        issues.add(field, `CONTAINS takes a string, number or boolean, got ${got(value)}`);
      }
      return;
  }
}

function checkList(issues: Issues, field: string, value: unknown): void {
  if (!Array.isArray(value) || value.length === 0) {
    const found = Array.isArray(value) ? 'an empty list' : got(value);
    issues.add(
      field,
      `IN takes a non-empty list of strings, numbers, booleans or nulls, got ${found}`,
    );
    return;
  }
  value.forEach((item: unknown, j) => {
    if (!isJsonScalar(item)) {
      issues.add(`${field}[${j}]`, `must be a string, number, boolean or null, got ${got(item)}`);
    }
  });
}
