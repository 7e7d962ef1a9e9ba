import type { Duration } from '../../../../src/domain/computed/Duration';
import { compileAggregation } from '../../../../src/domain/computed/compileAggregation';
import { windowStart } from '../../../../src/domain/computed/windowStart';
import type { FieldFilter } from '../../../../src/domain/filters/FieldFilter';
import { DAY, HOUR, NOW, deepFreeze, definition, event, over } from './fixtures';

describe('compileAggregation (SEMANTICS §5)', () => {
  describe('the window', () => {
    it.each<[Duration, number]>([
      [{ count: 1, unit: 'HOURS' }, HOUR],
      [{ count: 24, unit: 'HOURS' }, 24 * HOUR],
      [{ count: 7, unit: 'DAYS' }, 7 * DAY],
      [{ count: 4, unit: 'WEEKS' }, 28 * DAY],
      [{ count: 1, unit: 'MONTHS' }, 29 * DAY], // 15 Feb to 15 Mar 2024
    ])('of %j holds its start and now, not before or after', (lookback, length) => {
      const count = compileAggregation(definition({ lookback }));
      const at = (ago: number) => event(`e${ago}`, ago);
      expect(count([at(length)], NOW)).toBe(1);
      expect(count([at(length + 1)], NOW)).toBe(0);
      expect(count([at(0)], NOW)).toBe(1);
      expect(count([at(-1)], NOW)).toBe(0);
      expect(count([at(length + 1), at(length), at(1), at(0), at(-1), at(-DAY)], NOW)).toBe(3);
    });

    it('counts months on the calendar: from 29 February, on 31 March 2024', () => {
      const now = Date.UTC(2024, 2, 31, 12);
      const count = compileAggregation(definition({ lookback: { count: 1, unit: 'MONTHS' } }));
      const at = (timestamp: number) => ({ timestamp, eventId: String(timestamp), data: {} });
      expect(count([at(Date.UTC(2024, 1, 29, 12))], now)).toBe(1);
      expect(count([at(Date.UTC(2024, 1, 29, 12) - 1)], now)).toBe(0);
      expect(windowStart({ count: 1, unit: 'MONTHS' }, now)).toBe(Date.UTC(2024, 1, 29, 12));
    });

    it('moves with now: events leave the window and future events enter it, no refresh', () => {
      const sum = compileAggregation({
        ...over('SUM', 'n', 'number'),
        lookback: { count: 1, unit: 'DAYS' },
      });
      const events = deepFreeze([
        event('old', DAY, { n: 1 }),
        event('now', 0, { n: 10 }),
        event('soon', -HOUR, { n: 100 }),
      ]);
      expect(sum(events, NOW - HOUR)).toBe(1);
      expect(sum(events, NOW)).toBe(11);
      expect(sum(events, NOW + HOUR)).toBe(110);
      expect(sum(events, NOW + DAY)).toBe(110);
      expect(sum(events, NOW + DAY + 1)).toBe(100);
      expect(sum(events, NOW + 2 * DAY)).toBe(0);
    });
  });

  it('applies every where filter to the event data', () => {
    const where: FieldFilter[] = [
      { path: 'type', op: 'IN', value: ['buy', 'rent'] },
      { path: 'total', op: 'GTE', value: 10 },
      { path: 'at', op: 'LT', value: '2024-03-15T00:00:00Z' },
    ];
    const count = compileAggregation(definition({ where }));
    const events = deepFreeze([
      event('a', HOUR, { type: 'buy', total: 10, at: '2024-03-14T23:00:00-02:00' }), // 01:00Z 15th
      event('b', HOUR, { type: 'buy', total: 10, at: '2024-03-14T23:00:00Z' }),
      event('c', HOUR, { type: 'rent', total: 50, at: '2024-03-01T00:00:00Z' }),
      event('d', HOUR, { type: 'sell', total: 50, at: '2024-03-01T00:00:00Z' }),
      event('e', HOUR, { type: 'buy', total: 9.99, at: '2024-03-01T00:00:00Z' }),
      event('f', HOUR, { type: 'buy', total: '50', at: '2024-03-01T00:00:00Z' }),
    ]);
    expect(count(events, NOW)).toBe(2);
  });

  it('runs many times over different events, each run on its own', () => {
    const list = compileAggregation(over('LIST', 'n', 'number'));
    expect(list([event('a', HOUR, { n: 1 })], NOW)).toStrictEqual([1]);
    expect(list([event('b', HOUR, { n: 2 })], NOW)).toStrictEqual([2]);
    expect(list([], NOW)).toStrictEqual([]);
  });

  it('reads the definition when compiled: later changes to it are not seen', () => {
    const def = over('SUM', 'n', 'number', [{ path: 'n', op: 'GT', value: 1 }]);
    const sum = compileAggregation(def);
    def.field = 'm';
    def.function = 'COUNT';
    def.lookback.count = 1;
    def.lookback.unit = 'HOURS';
    def.where[0]!.value = 100;
    const events = deepFreeze([event('a', 2 * DAY, { n: 2, m: 5 }), event('b', HOUR, { n: 1 })]);
    expect(sum(events, NOW)).toBe(2);
  });

  it('never changes the events, which may be frozen', () => {
    const events = deepFreeze([event('a', HOUR, { n: [3, 1] }), event('b', 2 * HOUR, { n: [2] })]);
    const list = compileAggregation(over('LIST', 'n', 'array'));
    expect(list(events, NOW)).toStrictEqual([[3, 1], [2]]);
    expect(events.map((e) => e.data)).toStrictEqual([{ n: [3, 1] }, { n: [2] }]);
  });
});
