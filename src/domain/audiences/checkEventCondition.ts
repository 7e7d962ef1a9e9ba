import type { Issues } from '../Issues';
import { checkLookback } from '../computed/checkLookback';
import { checkFilters } from '../filters/checkFilters';
import type { ConditionInput, EventCondition } from './Audience';
import { collectIssues } from './collectIssues';
import { copyFilter } from './copyFilter';

/** What `minCount` is when left out (API default): one matching event is enough. */
export const DEFAULT_MIN_COUNT = 1;

/**
 * SEMANTICS §5 `event`: `where` filters are checked as everywhere else (`${field}.where[i]`),
 * `within` is a lookback window (HOURS 1–24, DAYS 1–7, WEEKS 1–4, MONTHS 1–6) and `minCount` a
 * whole number of at least 1. Returns the condition with its defaults filled in: no `where`
 * matches every event, no `minCount` is 1.
 */
export function checkEventCondition(
  issues: Issues,
  input: NonNullable<ConditionInput['event']>,
  field: string,
): EventCondition {
  const where = input.where ?? [];
  collectIssues(issues, () => {
    checkFilters(where, `${field}.where`);
  });
  checkLookback(issues, input.within, `${field}.within`);
  const minCount = input.minCount ?? DEFAULT_MIN_COUNT;
  if (!Number.isInteger(minCount) || minCount < 1) {
    issues.add(`${field}.minCount`, `must be a whole number of at least 1, got ${minCount}`);
  }
  const { count, unit } = input.within;
  return { where: where.map(copyFilter), within: { count, unit }, minCount };
}
