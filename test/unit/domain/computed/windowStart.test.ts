import type { Duration } from '../../../../src/domain/computed/Duration';
import { windowStart } from '../../../../src/domain/computed/windowStart';
import { DAY, HOUR, NOW } from './fixtures';

const at = (iso: string): number => Date.parse(iso);

describe('windowStart (SEMANTICS §5)', () => {
  it.each<[Duration, number]>([
    [{ count: 1, unit: 'HOURS' }, NOW - HOUR],
    [{ count: 24, unit: 'HOURS' }, NOW - 24 * HOUR],
    [{ count: 1, unit: 'DAYS' }, NOW - DAY],
    [{ count: 7, unit: 'DAYS' }, NOW - 7 * DAY],
    [{ count: 1, unit: 'WEEKS' }, NOW - 7 * DAY],
    [{ count: 4, unit: 'WEEKS' }, NOW - 28 * DAY],
  ])('goes back a fixed length for %j', (duration, start) => {
    expect(windowStart(duration, NOW)).toBe(start);
  });

  it('counts days as 24 hours, across a daylight-saving change anywhere', () => {
    // 31 March 2024 is when much of Europe moves its clocks; UTC does not.
    const now = at('2024-04-01T00:30:00Z');
    expect(windowStart({ count: 2, unit: 'DAYS' }, now)).toBe(at('2024-03-30T00:30:00Z'));
  });

  it.each<[string, number, string]>([
    ['2024-03-15T12:00:00Z', 1, '2024-02-15T12:00:00Z'],
    ['2024-03-15T12:00:00Z', 6, '2023-09-15T12:00:00Z'],
    ['2024-01-15T00:00:00Z', 1, '2023-12-15T00:00:00Z'],
    ['2024-06-30T23:59:59.999Z', 6, '2023-12-30T23:59:59.999Z'],
    ['2024-03-31T10:00:00Z', 1, '2024-02-29T10:00:00Z'],
    ['2023-03-31T10:00:00Z', 1, '2023-02-28T10:00:00Z'],
    ['2000-03-31T10:00:00Z', 1, '2000-02-29T10:00:00Z'],
    ['2100-03-31T10:00:00Z', 1, '2100-02-28T10:00:00Z'],
    ['2024-03-30T10:00:00Z', 1, '2024-02-29T10:00:00Z'],
    ['2024-03-29T10:00:00Z', 1, '2024-02-29T10:00:00Z'],
    ['2024-03-28T10:00:00Z', 1, '2024-02-28T10:00:00Z'],
    ['2024-05-31T00:00:00Z', 3, '2024-02-29T00:00:00Z'],
    ['2024-08-31T00:00:00Z', 6, '2024-02-29T00:00:00Z'],
    ['2025-08-31T00:00:00Z', 6, '2025-02-28T00:00:00Z'],
    ['2024-05-31T00:00:00Z', 1, '2024-04-30T00:00:00Z'],
    ['2024-07-31T00:00:00Z', 1, '2024-06-30T00:00:00Z'],
    ['2024-07-31T00:00:00Z', 2, '2024-05-31T00:00:00Z'],
    ['2024-04-30T08:00:00Z', 1, '2024-03-30T08:00:00Z'],
    ['2024-02-29T08:00:00Z', 1, '2024-01-29T08:00:00Z'],
    ['2024-02-29T08:00:00Z', 6, '2023-08-29T08:00:00Z'],
    ['2025-02-28T08:00:00Z', 1, '2025-01-28T08:00:00Z'],
    ['2024-12-31T23:00:00Z', 6, '2024-06-30T23:00:00Z'],
  ])('goes back from %s by %d calendar month(s) to %s', (now, months, start) => {
    expect(windowStart({ count: months, unit: 'MONTHS' }, at(now))).toBe(at(start));
  });

  it('never changes with the local time zone: months are UTC months', () => {
    // Just after midnight UTC on 1 March is still February west of UTC.
    const now = at('2024-03-01T00:30:00Z');
    expect(windowStart({ count: 1, unit: 'MONTHS' }, now)).toBe(at('2024-02-01T00:30:00Z'));
  });
});
