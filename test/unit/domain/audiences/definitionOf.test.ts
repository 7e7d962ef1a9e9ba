import type { Condition } from '../../../../src/domain/audiences/Audience';
import { checkCondition } from '../../../../src/domain/audiences/checkCondition';
import { definitionOf } from '../../../../src/domain/audiences/definitionOf';
import { ACTIVE, attr, comp, days, evt } from './fixtures';

describe('definitionOf (Audience.definition)', () => {
  it.each<[string, Condition, unknown]>([
    [
      'an attribute filter, value left out',
      attr('email', 'EXISTS'),
      { attribute: { path: 'email', op: 'EXISTS' } },
    ],
    [
      'an attribute filter with a null value',
      attr('email', 'EQ', null),
      { attribute: { path: 'email', op: 'EQ', value: null } },
    ],
    [
      'a computed condition',
      comp('orders', 'IN', [1, 2]),
      { computed: { name: 'orders', op: 'IN', value: [1, 2] } },
    ],
    [
      'a computed condition, value left out',
      comp('orders', 'EXISTS'),
      { computed: { name: 'orders', op: 'EXISTS' } },
    ],
    [
      'an event condition',
      evt(days(7), [{ path: 'eventType', op: 'EQ', value: 'view' }], 2),
      {
        event: {
          where: [{ path: 'eventType', op: 'EQ', value: 'view' }],
          within: { count: 7, unit: 'DAYS' },
          minCount: 2,
        },
      },
    ],
    [
      'and, or and not',
      { and: [{ or: [attr('a', 'EXISTS')] }, { not: comp('orders', 'GT', 1) }] },
      {
        and: [
          { or: [{ attribute: { path: 'a', op: 'EXISTS' } }] },
          { not: { computed: { name: 'orders', op: 'GT', value: 1 } } },
        ],
      },
    ],
  ])('%s', (_name, condition, expected) => {
    expect(definitionOf(condition)).toStrictEqual(expected);
  });

  it('shows the defaults a condition was checked with', () => {
    const checked = checkCondition({ event: { within: days(1) } }, undefined, ACTIVE);
    expect(definitionOf(checked)).toStrictEqual({
      event: { where: [], within: { count: 1, unit: 'DAYS' }, minCount: 1 },
    });
  });

  it('survives a JSON round trip unchanged', () => {
    const definition = definitionOf({
      or: [attr('tags', 'EQ', { a: [1, null] }), evt(days(1), [], 3)],
    });
    expect(JSON.parse(JSON.stringify(definition))).toStrictEqual(definition);
  });

  it('shares no value with the condition', () => {
    const value = { nested: ['x'] };
    const condition = attr('a', 'EQ', value);
    const definition = definitionOf(condition);
    value.nested.push('y');
    expect(definition).toStrictEqual({
      attribute: { path: 'a', op: 'EQ', value: { nested: ['x'] } },
    });
  });
});
