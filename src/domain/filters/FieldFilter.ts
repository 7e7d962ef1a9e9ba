/** The operators of a field filter (API enum `FilterOperator`; SEMANTICS §4 events, §5). */
export const FILTER_OPERATORS = [
  'EQ',
  'NE',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'EXISTS',
  'IN',
  'CONTAINS',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/**
 * One condition on the value at a dot path of event data, merged profile attributes or computed
 * values (SEMANTICS §4 `events(where)`, §5 computed attributes and audiences). A list of them
 * means all must match. `value` is any JSON value; `checkFilters` says which fit which `op`.
 */
export interface FieldFilter {
  path: string;
  op: FilterOperator;
  value?: unknown;
}
