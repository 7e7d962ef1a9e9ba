import type { Duration, DurationUnit } from '../../../../src/domain/computed/Duration';
import { LOOKBACK_RANGES, checkLookback } from '../../../../src/domain/computed/checkLookback';
import { Issues } from '../../../../src/domain/Issues';
import { expectBadInput, type ExpectedIssue } from '../expectBadInput';

const run = (duration: Duration): Issues => {
  const issues = new Issues();
  checkLookback(issues, duration, 'input.lookback');
  return issues;
};

describe('checkLookback (SEMANTICS §5)', () => {
  it('has the ranges of SEMANTICS §5', () => {
    expect(LOOKBACK_RANGES).toStrictEqual({
      HOURS: { min: 1, max: 24 },
      DAYS: { min: 1, max: 7 },
      WEEKS: { min: 1, max: 4 },
      MONTHS: { min: 1, max: 6 },
    });
  });

  it.each<[DurationUnit, number]>([
    ['HOURS', 1],
    ['HOURS', 12],
    ['HOURS', 24],
    ['DAYS', 1],
    ['DAYS', 7],
    ['WEEKS', 1],
    ['WEEKS', 4],
    ['MONTHS', 1],
    ['MONTHS', 6],
  ])('accepts %s %d', (unit, count) => {
    expect(run({ count, unit }).isEmpty).toBe(true);
  });

  it.each<[DurationUnit, number, string]>([
    ['HOURS', 0, 'HOURS must be from 1 to 24, got 0'],
    ['HOURS', 25, 'HOURS must be from 1 to 24, got 25'],
    ['HOURS', -1, 'HOURS must be from 1 to 24, got -1'],
    ['DAYS', 0, 'DAYS must be from 1 to 7, got 0'],
    ['DAYS', 8, 'DAYS must be from 1 to 7, got 8'],
    ['WEEKS', 0, 'WEEKS must be from 1 to 4, got 0'],
    ['WEEKS', 5, 'WEEKS must be from 1 to 4, got 5'],
    ['MONTHS', 0, 'MONTHS must be from 1 to 6, got 0'],
    ['MONTHS', 7, 'MONTHS must be from 1 to 6, got 7'],
    ['HOURS', 1.5, 'must be a whole number of HOURS from 1 to 24'],
    ['DAYS', 6.999, 'must be a whole number of DAYS from 1 to 7'],
    ['WEEKS', 0.5, 'must be a whole number of WEEKS from 1 to 4'],
    ['MONTHS', Number.NaN, 'must be a whole number of MONTHS from 1 to 6'],
    ['MONTHS', Number.POSITIVE_INFINITY, 'must be a whole number of MONTHS from 1 to 6'],
  ])('rejects %s %d', (unit, count, message) => {
    const issues = run({ count, unit });
    expectBadInput(() => {
      issues.throwIfAny();
    }, [['input.lookback.count', message]]);
  });

  it('rejects a unit it does not know, at the unit', () => {
    const issues = run({ count: 1, unit: 'YEARS' as DurationUnit });
    const expected: ExpectedIssue[] = [
      ['input.lookback.unit', 'must be one of HOURS, DAYS, WEEKS, MONTHS'],
    ];
    expectBadInput(() => {
      issues.throwIfAny();
    }, expected);
  });

  it('adds to the problems already found, under the path it is given', () => {
    const issues = new Issues();
    issues.add('input.name', 'is required');
    checkLookback(issues, { count: 0, unit: 'DAYS' }, 'input.condition.event.within');
    expectBadInput(() => {
      issues.throwIfAny();
    }, [
      ['input.name', 'is required'],
      ['input.condition.event.within.count', 'DAYS must be from 1 to 7'],
    ]);
  });
});
