import { AppError } from '../AppError';
import type { Issues } from '../Issues';
import { fieldPathProblem } from '../catalog/fieldPath';
import type { FieldFilter } from '../filters/FieldFilter';
import { checkFilters } from '../filters/checkFilters';
import type { FieldKind } from './FieldKind';
import { lookUpEventField } from './lookUpEventField';

/**
 * SEMANTICS §5: a computed attribute's `where` holds filters `checkFilters` accepts, on event
 * fields an EXPERIENCE_EVENT schema declares (a misspelt path would silently match nothing).
 * Adds every problem at `${prefix}[i].path` and `${prefix}[i].value`: first those of the
 * filters themselves, then paths that are well formed but not event fields.
 */
export function checkWhere(
  issues: Issues,
  where: readonly FieldFilter[],
  eventFields: ReadonlyMap<string, FieldKind>,
  prefix: string,
): void {
  try {
    checkFilters(where, prefix);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    for (const issue of error.issues) issues.add(issue.field, issue.message);
  }
  where.forEach(({ path }, i) => {
    if (fieldPathProblem(path) !== undefined) return; // checkFilters has said why
    const { problem } = lookUpEventField(path, eventFields);
    if (problem !== undefined) issues.add(`${prefix}[${i}].path`, problem);
  });
}
