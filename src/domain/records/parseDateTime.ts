/** The range a JavaScript Date can hold (±100,000,000 days around 1970). */
export const MAX_EPOCH_MILLIS = 8.64e15;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO-8601 extended format with a zone: seconds and fraction optional; Z, ±hh:mm, ±hhmm or ±hh.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:[Zz]|([+-])(\d{2})(?::?(\d{2}))?)$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isLeapYear = (year: number): boolean =>
  (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

function isRealDay(year: number, month: number, day: number): boolean {
  const days = month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
  return days !== undefined && day >= 1 && day <= days;
}

/** DATE fields (SEMANTICS §1): `YYYY-MM-DD`, a day that exists. */
export function isCalendarDate(value: string): boolean {
  const match = DATE.exec(value);
  return match !== null && isRealDay(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * DATE_TIME values (SEMANTICS §1, §2 ordering) as epoch milliseconds: an ISO-8601 string with
 * a time zone, or an integer of epoch milliseconds; undefined for anything else. The validator
 * and `lastUpdatedDate` both use this, so what validates is exactly what can be ordered.
 */
export function parseDateTime(value: unknown): number | undefined {
  if (typeof value === 'number') {
    return Number.isInteger(value) && Math.abs(value) <= MAX_EPOCH_MILLIS ? value : undefined;
  }
  const match = typeof value === 'string' ? DATE_TIME.exec(value) : null;
  if (match === null) return undefined;
  const part = (i: number): number => Number(match[i] ?? 0);
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map(part) as Six;
  const [zoneHours, zoneMinutes] = [part(9), part(10)];
  const valid =
    isRealDay(year, month, day) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    zoneHours <= 23 &&
    zoneMinutes <= 59;
  if (!valid) return undefined;
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear takes the year as given.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, Number((match[7] ?? '').padEnd(3, '0').slice(0, 3)));
  const offset = (match[8] === '-' ? -1 : 1) * (zoneHours * 60 + zoneMinutes);
  return date.getTime() - offset * 60_000;
}

type Six = [number, number, number, number, number, number];
