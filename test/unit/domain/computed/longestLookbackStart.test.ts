import type { ComputedAttributeStatus } from '../../../../src/domain/computed/ComputedAttribute';
import type { Duration } from '../../../../src/domain/computed/Duration';
import { longestLookbackStart } from '../../../../src/domain/computed/longestLookbackStart';
import { DAY, HOUR, NOW } from './fixtures';

type Definition = { status: ComputedAttributeStatus; lookback: Duration };

const active = (count: number, unit: Duration['unit']): Definition => ({
  status: 'ACTIVE',
  lookback: { count, unit },
});

describe('longestLookbackStart (SEMANTICS §5)', () => {
  it.each<[string, Definition[], number | null]>([
    ['no definitions', [], null],
    [
      'no ACTIVE definitions',
      [
        { status: 'DRAFT', lookback: { count: 1, unit: 'DAYS' } },
        { status: 'DISABLED', lookback: { count: 1, unit: 'DAYS' } },
      ],
      null,
    ],
    ['one ACTIVE definition', [active(3, 'HOURS')], NOW - 3 * HOUR],
    ['the longest of hours and days', [active(24, 'HOURS'), active(2, 'DAYS')], NOW - 2 * DAY],
    ['the longest, whatever the order', [active(4, 'WEEKS'), active(7, 'DAYS')], NOW - 28 * DAY],
    ['a month (29 days) over 4 weeks', [active(4, 'WEEKS'), active(1, 'MONTHS')], NOW - 29 * DAY],
    [
      'ACTIVE ones only',
      [active(1, 'HOURS'), { status: 'DISABLED', lookback: { count: 6, unit: 'MONTHS' } }],
      NOW - HOUR,
    ],
    ['six months', [active(1, 'DAYS'), active(6, 'MONTHS')], Date.UTC(2023, 8, 15, 12)],
  ])('starts at the earliest window for %s', (_name, definitions, start) => {
    expect(longestLookbackStart(definitions, NOW)).toBe(start);
  });
});
