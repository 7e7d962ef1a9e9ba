import type { FieldFilter } from './FieldFilter';
import { compileFilter } from './compileFilter';

/** Whether data passes one filter (SEMANTICS §4/§5); for many values, `compileFilter` once. */
export const matchesFilter = (data: unknown, filter: FieldFilter): boolean =>
  compileFilter(filter)(data);
