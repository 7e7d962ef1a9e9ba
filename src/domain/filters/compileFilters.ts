import type { FieldFilter } from './FieldFilter';
import { compileFilter } from './compileFilter';

const matchAll = (): boolean => true;

/**
 * Filters as one predicate on data: all must match (SEMANTICS §4 `events(where)`, §5), so an
 * empty list matches everything. Compile once and call per event or profile; the filters are
 * read now, so later changes to them are not seen.
 */
export function compileFilters(filters: readonly FieldFilter[]): (data: unknown) => boolean {
  const tests = filters.map((filter) => compileFilter(filter));
  if (tests.length <= 1) return tests[0] ?? matchAll;
  return (data) => {
    for (const test of tests) if (!test(data)) return false;
    return true;
  };
}
