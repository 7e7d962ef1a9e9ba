import type { Issues } from '../Issues';
import type { FieldFilter } from '../filters/FieldFilter';
import { checkFilters } from '../filters/checkFilters';
import { collectIssues } from './collectIssues';

/**
 * SEMANTICS §5: checks a single filter that sits at `field` itself rather than in a list, so
 * its problems read `${field}.path` and `${field}.value` (not `${field}[0].value`). The checks
 * are those of `checkFilters`, whose problems are added to `issues`.
 */
export function checkOneFilter(issues: Issues, filter: FieldFilter, field: string): void {
  const listed = `${field}[0]`;
  collectIssues(
    issues,
    () => {
      checkFilters([filter], field);
    },
    (found) => (found.startsWith(listed) ? field + found.slice(listed.length) : found),
  );
}
