import type { ComputedAttributeStatus } from '../../../../src/domain/computed/ComputedAttribute';
import type { Duration } from '../../../../src/domain/computed/Duration';
import {
  type ValueDefinition,
  compileComputedValues,
  computeValues,
} from '../../../../src/domain/computed/computeValues';
import { DAY, HOUR, NOW, deepFreeze, definition, event, over } from './fixtures';

const named = (
  name: string,
  status: ComputedAttributeStatus,
  change: Partial<ValueDefinition> = {},
): ValueDefinition => ({ ...definition(), name, status, ...change });

const EVENTS = deepFreeze([
  event('a', HOUR, { total: 10, type: 'buy' }),
  event('b', 2 * DAY, { total: 20, type: 'buy' }),
  event('c', 3 * DAY, { total: 5, type: 'view' }),
  event('d', 20 * DAY, { total: 1000, type: 'buy' }),
]);

const lastDay: Duration = { count: 1, unit: 'DAYS' };

describe('computeValues (SEMANTICS §5: only ACTIVE ones are computed)', () => {
  it('gives the value of each ACTIVE definition by name, in their order', () => {
    const definitions = [
      named('events7d', 'ACTIVE'),
      named('draft', 'DRAFT'),
      named('spend', 'ACTIVE', over('SUM', 'total', 'number')),
      named('off', 'DISABLED'),
      named('buysToday', 'ACTIVE', {
        where: [{ path: 'type', op: 'EQ', value: 'buy' }],
        lookback: lastDay,
      }),
      named('types', 'ACTIVE', {
        ...over('LIST', 'type', 'string'),
        lookback: { count: 1, unit: 'MONTHS' },
      }),
    ];
    const values = computeValues(deepFreeze(definitions), EVENTS, NOW);
    expect([...values]).toStrictEqual([
      ['events7d', 3],
      ['spend', 35],
      ['buysToday', 1],
      ['types', ['buy', 'buy', 'view', 'buy']],
    ]);
  });

  it.each<[string, ValueDefinition[]]>([
    ['no definitions', []],
    ['no ACTIVE definitions', [named('draft', 'DRAFT'), named('off', 'DISABLED')]],
  ])('gives no values for %s', (_name, definitions) => {
    expect(computeValues(definitions, EVENTS, NOW).size).toBe(0);
  });

  it('gives empty values, not none, for a profile without events', () => {
    const definitions = [
      named('count', 'ACTIVE'),
      named('avg', 'ACTIVE', over('AVG', 'total', 'number')),
    ];
    expect([...computeValues(definitions, [], NOW)]).toStrictEqual([
      ['count', 0],
      ['avg', null],
    ]);
  });

  it('compiles once, to run for many profiles and instants', () => {
    const compute = compileComputedValues([named('today', 'ACTIVE', { lookback: lastDay })]);
    expect(compute(EVENTS, NOW).get('today')).toBe(1);
    expect(compute(EVENTS, NOW - DAY).get('today')).toBe(1);
    expect(compute(EVENTS, NOW + DAY).get('today')).toBe(0);
    expect(compute([event('x', 0)], NOW).get('today')).toBe(1);
  });

  it('reads the statuses when compiled', () => {
    const definitions = [named('later', 'DRAFT')];
    const compute = compileComputedValues(definitions);
    definitions[0]!.status = 'ACTIVE';
    expect(compute(EVENTS, NOW).has('later')).toBe(false);
  });
});
