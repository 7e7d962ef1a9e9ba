import type { WindowEvent } from '../../../../src/domain/computed/ComputedAttribute';
import type { AggregationDefinition } from '../../../../src/domain/computed/accumulatorFor';
import { aggregate } from '../../../../src/domain/computed/aggregate';
import { DAY, HOUR, NOW, deepFreeze, definition, event, over } from './fixtures';

/** Events `e1`, `e2`, ... one hour apart, newest first, holding `total` (left out when undefined). */
const totals = (...values: unknown[]): WindowEvent[] =>
  values.map((total, i) =>
    event(`e${i + 1}`, (i + 1) * HOUR, total === undefined ? {} : { total }),
  );

/** The value, checked to be the same whatever the order the events come in. */
function value(def: AggregationDefinition, events: WindowEvent[]): unknown {
  const given = deepFreeze(events);
  const result = aggregate(def, given, NOW);
  expect(aggregate(def, [...given].reverse(), NOW)).toStrictEqual(result);
  return result;
}

type Case = [name: string, events: WindowEvent[], expected: unknown];

const OUTSIDE = event('old', 8 * DAY, { total: 1000, eventType: 'x' });

describe('aggregate (SEMANTICS §5)', () => {
  describe('COUNT', () => {
    it.each<Case>([
      ['no events', [], 0],
      ['only events outside the window', [OUTSIDE], 0],
      [
        'every event in the window, with or without data',
        [...totals(1, undefined, null), OUTSIDE],
        3,
      ],
    ])('counts %s', (_name, events, expected) => {
      expect(value(definition(), events)).toBe(expected);
    });

    it('counts only events that match where', () => {
      const def = definition({ where: [{ path: 'total', op: 'EXISTS' }] });
      expect(value(def, [...totals(1, undefined, 0, null, 'x'), OUTSIDE])).toBe(3);
    });
  });

  describe('SUM', () => {
    const sum = over('SUM', 'total', 'number');
    it.each<Case>([
      ['no events', [], 0],
      ['no numbers', totals(undefined, null, '10', true, [1], { n: 1 }), 0],
      ['numbers, skipping everything else', totals(10, -2.5, 0, '5', null, undefined, false), 7.5],
      ['one number', totals(42), 42],
      ['numbers outside the window left out', [...totals(1, 2), OUTSIDE], 3],
      ['as doubles add up, with their rounding', totals(0.1, 0.2), 0.1 + 0.2],
      ['beyond the range of a double: no value', totals(1e308, 1e308), null],
    ])('of %s', (_name, events, expected) => {
      expect(value(sum, events)).toBe(expected);
    });

    it('reads a nested field and applies where', () => {
      const def = over('SUM', 'order.total', 'number', [{ path: 'type', op: 'EQ', value: 'buy' }]);
      const events = [
        event('a', HOUR, { type: 'buy', order: { total: 30 } }),
        event('b', HOUR, { type: 'refund', order: { total: -30 } }),
        event('c', HOUR, { type: 'buy', order: { total: 12 } }),
        event('d', HOUR, { type: 'buy', order: 5 }),
      ];
      expect(value(def, events)).toBe(42);
    });
  });

  describe('AVG', () => {
    const avg = over('AVG', 'total', 'number');
    it.each<Case>([
      ['no events', [], null],
      ['no numbers', totals(undefined, null, '10'), null],
      ['one number', totals(-4), -4],
      ['numbers, skipping everything else', totals(10, 20, '30', null, undefined, 0), 10],
      ['numbers outside the window left out', [...totals(2, 4), OUTSIDE], 3],
      ['beyond the range of a double: no value', totals(1e308, 1e308), null],
    ])('of %s', (_name, events, expected) => {
      expect(value(avg, events)).toBe(expected);
    });
  });

  describe('MIN and MAX of a number field', () => {
    it.each<[string, WindowEvent[], unknown, unknown]>([
      ['no events', [], null, null],
      ['no numbers', totals(undefined, null, '1', '2024-03-10T00:00:00Z'), null, null],
      ['one number', totals(7), 7, 7],
      ['numbers, skipping everything else', totals(5, -3, 12, '-100', null, '99'), -3, 12],
      ['numbers outside the window left out', [...totals(5, 6), OUTSIDE], 5, 6],
      ['equal numbers', totals(2, 2, 2), 2, 2],
    ])('of %s', (_name, events, min, max) => {
      expect(value(over('MIN', 'total', 'number'), events)).toBe(min);
      expect(value(over('MAX', 'total', 'number'), events)).toBe(max);
    });

    it('compares numbers when the kind is not known', () => {
      const events = totals(3, '2024-01-01T00:00:00Z', 1);
      expect(value(definition({ function: 'MIN', field: 'total' }), events)).toBe(1);
      expect(value(definition({ function: 'MAX', field: 'total' }), events)).toBe(3);
    });
  });

  describe('MIN and MAX of a date-time field', () => {
    const min = over('MIN', 'total', 'date-time');
    const max = over('MAX', 'total', 'date-time');

    it('compares instants, not text, and gives the value as written', () => {
      const events = totals(
        '2024-03-10T10:00:00+02:00', // 08:00Z
        '2024-03-10T09:00:00Z', // the latest
        '2024-03-09T23:00:00-05:00', // 04:00Z on the 10th: the earliest
      );
      expect(value(min, events)).toBe('2024-03-09T23:00:00-05:00');
      expect(value(max, events)).toBe('2024-03-10T09:00:00Z');
    });

    it('compares epoch milliseconds with ISO-8601 and gives each as written', () => {
      const events = totals(Date.UTC(2024, 2, 10, 9), '2024-03-10T08:00:00Z', Date.UTC(2024, 2, 1));
      expect(value(min, events)).toBe(Date.UTC(2024, 2, 1));
      expect(value(max, events)).toBe(Date.UTC(2024, 2, 10, 9));
    });

    it('skips what is not a date-time', () => {
      const events = totals('2024-03-10', 'soon', '2024-13-01T00:00:00Z', 1.5, true, null);
      expect(value(min, [...events, ...totals(undefined, '2024-03-05T00:00:00Z')])).toBe(
        '2024-03-05T00:00:00Z',
      );
      expect(value(max, events)).toBeNull();
    });

    it('gives the value of the newest event when equal instants are written differently', () => {
      const events = [
        event('a', 2 * HOUR, { total: '2024-03-01T11:00:00+01:00' }),
        event('b', HOUR, { total: '2024-03-01T10:00:00Z' }),
        event('c', 3 * HOUR, { total: Date.UTC(2024, 2, 1, 10) }),
      ];
      expect(value(min, events)).toBe('2024-03-01T10:00:00Z');
      expect(value(max, events)).toBe('2024-03-01T10:00:00Z');
    });
  });

  describe('MOST_RECENT', () => {
    const mostRecent = over('MOST_RECENT', 'total', 'number');
    it.each<Case>([
      ['no events', [], null],
      ['no values', totals(undefined, null), null],
      ['the newest event', totals(3, 2, 1), 3],
      ['the newest event that has a value', totals(undefined, null, 2, 1), 2],
      ['a value that is false', totals(false, true), false],
      ['a value that is 0', totals(0, 1), 0],
      ['a value that is an empty string', totals('', 'x'), ''],
      ['an array', totals(['a', 'b'], ['c']), ['a', 'b']],
      ['the newest in the window', [OUTSIDE], null],
    ])('gives %s', (_name, events, expected) => {
      expect(value(mostRecent, events)).toStrictEqual(expected);
    });

    it('breaks timestamp ties by the greater event id', () => {
      const events = [
        event('b', HOUR, { total: 'b' }),
        event('c', HOUR, { total: 'c' }),
        event('a', HOUR, { total: 'a' }),
        event('z', 2 * HOUR, { total: 'z' }),
      ];
      expect(value(mostRecent, events)).toBe('c');
    });

    it('gives the newest matching where', () => {
      const def = over('MOST_RECENT', 'total', 'number', [{ path: 'ok', op: 'EQ', value: true }]);
      const events = [
        event('a', HOUR, { total: 1, ok: false }),
        event('b', 2 * HOUR, { total: 2, ok: true }),
        event('c', 3 * HOUR, { total: 3, ok: true }),
      ];
      expect(value(def, events)).toBe(2);
    });
  });

  describe('LIST', () => {
    const list = over('LIST', 'total', 'number');
    const twelve = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    it.each<Case>([
      ['no events', [], []],
      ['no values', totals(undefined, null), []],
      ['every value, newest first', totals(3, 1, 2), [3, 1, 2]],
      ['values only, skipping nulls', totals(null, 'a', undefined, 0, false), ['a', 0, false]],
      ['the newest 10 of 12', totals(...twelve), twelve.slice(0, 10)],
      ['the newest 10 values, skipping nulls', totals(null, ...twelve, null), twelve.slice(0, 10)],
      ['arrays as they are', totals(['x'], []), [['x'], []]],
      ['values in the window only', [...totals(1), OUTSIDE], [1]],
    ])('gives %s', (_name, events, expected) => {
      expect(value(list, events)).toStrictEqual(expected);
    });

    it('orders timestamp ties by event id, greatest first', () => {
      const events = ['e09', 'e10', 'e02', 'e11'].map((id) => event(id, HOUR, { total: id }));
      events.push(event('e99', 2 * HOUR, { total: 'older' }));
      expect(value(list, events)).toStrictEqual(['e11', 'e10', 'e09', 'e02', 'older']);
    });
  });
});
