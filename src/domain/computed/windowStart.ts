import type { Duration, DurationUnit } from './Duration';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Milliseconds per unit of the fixed-length units; months vary and are counted on a calendar. */
const FIXED: Readonly<Record<Exclude<DurationUnit, 'MONTHS'>, number>> = {
  HOURS: HOUR,
  DAYS: DAY, // UTC days have no daylight-saving changes: always 24 hours
  WEEKS: 7 * DAY,
};

/**
 * SEMANTICS §5: the first instant (epoch ms, inclusive) of the rolling window of `duration`
 * that ends at `now`. HOURS, DAYS and WEEKS are fixed lengths (a week is 7 days). MONTHS are
 * calendar months in UTC at the same time of day; when the target month is shorter, the day is
 * clamped to its last day, so 31 March minus one month is 29 February in a leap year and 28
 * February otherwise, and 31 May minus three months is 28 or 29 February too. The day is not
 * moved the other way: 30 April minus one month is 30 March, not 31 March.
 */
export function windowStart(duration: Duration, now: number): number {
  const { count, unit } = duration;
  return unit === 'MONTHS' ? monthsBefore(now, count) : now - count * FIXED[unit];
}

function monthsBefore(now: number, months: number): number {
  const date = new Date(now);
  const day = date.getUTCDate();
  date.setUTCDate(1); // day 1 exists in every month, so moving the month never overflows
  date.setUTCMonth(date.getUTCMonth() - months);
  date.setUTCDate(Math.min(day, daysInMonth(date)));
  return date.getTime();
}

function daysInMonth(date: Date): number {
  const last = new Date(date.getTime());
  last.setUTCMonth(last.getUTCMonth() + 1, 0); // day 0 of the next month is this month's last
  return last.getUTCDate();
}
