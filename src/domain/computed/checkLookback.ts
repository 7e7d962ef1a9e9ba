import type { Issues } from '../Issues';
import { DURATION_UNITS, type Duration, type DurationUnit } from './Duration';

/**
 * SEMANTICS §5: the counts a rolling window may have, per unit, for computed attribute
 * lookbacks and audience `event.within` alike.
 */
export const LOOKBACK_RANGES: Readonly<Record<DurationUnit, { min: number; max: number }>> = {
  HOURS: { min: 1, max: 24 },
  DAYS: { min: 1, max: 7 },
  WEEKS: { min: 1, max: 4 },
  MONTHS: { min: 1, max: 6 },
};

const isUnit = (unit: unknown): unit is DurationUnit =>
  (DURATION_UNITS as readonly unknown[]).includes(unit);

/**
 * SEMANTICS §5 lookbacks (also audiences' `event.within`): HOURS 1–24, DAYS 1–7, WEEKS 1–4,
 * MONTHS 1–6, whole counts only. Adds problems at `${field}.count` and `${field}.unit`.
 */
export function checkLookback(issues: Issues, duration: Duration, field: string): void {
  const { count, unit } = duration;
  if (!isUnit(unit)) {
    issues.add(`${field}.unit`, `must be one of ${DURATION_UNITS.join(', ')}`);
    return;
  }
  const { min, max } = LOOKBACK_RANGES[unit];
  if (!Number.isInteger(count)) {
    issues.add(`${field}.count`, `must be a whole number of ${unit} from ${min} to ${max}`);
  } else if (count < min || count > max) {
    issues.add(`${field}.count`, `${unit} must be from ${min} to ${max}, got ${count}`);
  }
}
