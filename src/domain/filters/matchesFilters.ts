import type { FieldFilter } from './FieldFilter';
import { compileFilters } from './compileFilters';

/**
 * Whether data passes all the filters (SEMANTICS §4/§5; an empty list passes). On hot paths,
 * `compileFilters` once and reuse the predicate instead.
 */
export const matchesFilters = (data: unknown, filters: readonly FieldFilter[]): boolean =>
  compileFilters(filters)(data);
