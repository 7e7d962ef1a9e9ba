import type { Condition, ConditionInput } from '../../../../src/domain/audiences/Audience';
import { checkCondition } from '../../../../src/domain/audiences/checkCondition';
import {
  MAX_CONDITION_DEPTH,
  MAX_CONDITION_NODES,
} from '../../../../src/domain/audiences/conditionLimits';
import { type ExpectedIssue, expectBadInput } from '../expectBadInput';
import { ACTIVE, attr, comp, days, evt, hours } from './fixtures';

const ROOT = 'input.condition';
const ONE_OF = 'must set exactly one of and, or, not, attribute, computed, event; found';
const RANGE = 'takes a number or a string (date-times as ISO-8601 with a time zone), got';
const NAMES = '(letters, digits, "_"; not starting with a digit)';
const NOT_ACTIVE = 'it must exist and be ACTIVE';

const check = (input: ConditionInput, field?: string): Condition =>
  checkCondition(input, field, ACTIVE);

const rejects = (input: ConditionInput, expected: readonly ExpectedIssue[]): void => {
  expectBadInput(() => check(input), expected);
};

/** `leaf` under `depth - 1` nots: a chain `depth` nodes deep. */
function chain(depth: number, leaf: ConditionInput): ConditionInput {
  let node = leaf;
  for (let i = 1; i < depth; i++) node = { not: node };
  return node;
}

const EMAIL: ConditionInput = { attribute: { path: 'email', op: 'EXISTS' } };

describe('checkCondition accepts (SEMANTICS §5)', () => {
  it.each<[string, ConditionInput, Condition]>([
    ['an attribute filter, value left out', EMAIL, attr('email', 'EXISTS')],
    [
      'an attribute filter with a value',
      { attribute: { path: 'person.age', op: 'GTE', value: 18 } },
      attr('person.age', 'GTE', 18),
    ],
    [
      'a computed condition of an ACTIVE attribute',
      { computed: { name: 'lifetimeValue', op: 'GT', value: 100 } },
      comp('lifetimeValue', 'GT', 100),
    ],
    [
      'a computed condition with EXISTS left out',
      { computed: { name: 'orders', op: 'EXISTS' } },
      comp('orders', 'EXISTS'),
    ],
    [
      'an event condition, filling in where and minCount',
      { event: { within: days(7) } },
      evt(days(7)),
    ],
    [
      'an event condition with null where and minCount',
      { event: { where: null, within: hours(24), minCount: null } },
      evt(hours(24)),
    ],
    [
      'an event condition with everything given',
      {
        event: {
          where: [{ path: 'eventType', op: 'EQ', value: 'commerce.purchase' }],
          within: { count: 6, unit: 'MONTHS' },
          minCount: 3,
        },
      },
      evt(
        { count: 6, unit: 'MONTHS' },
        [{ path: 'eventType', op: 'EQ', value: 'commerce.purchase' }],
        3,
      ),
    ],
    [
      'and, or and not nested',
      {
        and: [EMAIL, { or: [{ not: EMAIL }, { event: { within: { count: 4, unit: 'WEEKS' } } }] }],
      },
      {
        and: [
          attr('email', 'EXISTS'),
          { or: [{ not: attr('email', 'EXISTS') }, evt({ count: 4, unit: 'WEEKS' })] },
        ],
      },
    ],
    ['an and of one', { and: [EMAIL] }, { and: [attr('email', 'EXISTS')] }],
    [
      'null fields beside the one that is set',
      { and: null, or: null, not: null, computed: null, event: null, attribute: EMAIL.attribute },
      attr('email', 'EXISTS'),
    ],
    [
      `a chain exactly ${MAX_CONDITION_DEPTH} deep`,
      chain(MAX_CONDITION_DEPTH, EMAIL),
      chain(MAX_CONDITION_DEPTH, attr('email', 'EXISTS')) as Condition,
    ],
  ])('%s', (_name, input, expected) => {
    expect(check(input)).toStrictEqual(expected);
  });

  it(`accepts exactly ${MAX_CONDITION_NODES} nodes`, () => {
    const input = { or: Array.from({ length: MAX_CONDITION_NODES - 1 }, () => EMAIL) };
    const checked = check(input);
    expect('or' in checked && checked.or).toHaveLength(MAX_CONDITION_NODES - 1);
  });

  it('keeps none of the input objects', () => {
    const where = [{ path: 'a', op: 'EQ' as const, value: 1 }];
    const input: ConditionInput = { and: [EMAIL, { event: { where, within: days(1) } }] };
    const checked = check(input);
    if (!('and' in checked)) throw new Error('expected an and');
    const [first, second] = checked.and;
    expect(first && 'attribute' in first && first.attribute).not.toBe(EMAIL.attribute);
    expect(second && 'event' in second && second.event.where).not.toBe(where);
    expect(second && 'event' in second && second.event.where[0]).not.toBe(where[0]);
  });

  it('is the same whatever the order of the keys it was given', () => {
    expect(check({ attribute: { value: 1, op: 'EQ', path: 'a' } })).toStrictEqual(
      attr('a', 'EQ', 1),
    );
  });
});

describe('checkCondition rejects (SEMANTICS §5)', () => {
  it.each<[string, ConditionInput, ExpectedIssue[]]>([
    ['a node that sets nothing', {}, [[ROOT, `${ONE_OF} none`]]],
    [
      'a node whose fields are all null',
      { and: null, or: null, not: null, attribute: null, computed: null, event: null },
      [[ROOT, `${ONE_OF} none`]],
    ],
    [
      'a node that sets two fields',
      { attribute: EMAIL.attribute, event: { within: days(1) } },
      [[ROOT, `${ONE_OF} attribute, event`]],
    ],
    [
      'a node that sets all six',
      {
        and: [EMAIL],
        or: [EMAIL],
        not: EMAIL,
        attribute: EMAIL.attribute,
        computed: { name: 'orders', op: 'GT', value: 1 },
        event: { within: days(1) },
      },
      [[ROOT, `${ONE_OF} and, or, not, attribute, computed, event`]],
    ],
    [
      'an empty node deep in the tree, by its path',
      { and: [EMAIL, { or: [{}, EMAIL] }] },
      [[`${ROOT}.and[1].or[0]`, `${ONE_OF} none`]],
    ],
    ['an empty and', { and: [] }, [[`${ROOT}.and`, 'must list at least one condition']]],
    ['an empty or', { not: { or: [] } }, [[`${ROOT}.not.or`, 'must list at least one condition']]],
    [
      `a chain ${MAX_CONDITION_DEPTH + 1} deep, at its deepest node only`,
      chain(MAX_CONDITION_DEPTH + 1, {}),
      [
        [
          `${ROOT}${'.not'.repeat(MAX_CONDITION_DEPTH)}`,
          'nests too deep: a condition tree is at most 10 levels deep',
        ],
      ],
    ],
    [
      'an attribute path that is not a dot path',
      { attribute: { path: 'a..b', op: 'EXISTS' } },
      [[`${ROOT}.attribute.path`, `"a..b" is not a dot path of names ${NAMES}`]],
    ],
    [
      'an attribute value its operator cannot use',
      { attribute: { path: 'age', op: 'LT', value: true } },
      [[`${ROOT}.attribute.value`, `LT ${RANGE} boolean`]],
    ],
    [
      'an attribute EQ without a value',
      { attribute: { path: 'age', op: 'EQ' } },
      [[`${ROOT}.attribute.value`, 'EQ needs a value (null matches a null or absent field)']],
    ],
    [
      'an attribute IN list item that is not a scalar',
      { attribute: { path: 'tier', op: 'IN', value: ['gold', { x: 1 }] } },
      [[`${ROOT}.attribute.value[1]`, 'must be a string, number, boolean or null, got object']],
    ],
    [
      'a computed attribute that does not exist or is not ACTIVE',
      { computed: { name: 'draftOne', op: 'GT', value: 1 } },
      [
        [
          `${ROOT}.computed.name`,
          `there is no ACTIVE computed attribute "draftOne": ${NOT_ACTIVE}`,
        ],
      ],
    ],
    [
      'a computed value its operator cannot use',
      { computed: { name: 'orders', op: 'IN', value: [] } },
      [
        [
          `${ROOT}.computed.value`,
          'IN takes a non-empty list of strings, numbers, booleans or nulls, got an empty list',
        ],
      ],
    ],
    [
      'a computed CONTAINS of null',
      { computed: { name: 'lastSkus', op: 'CONTAINS', value: null } },
      [[`${ROOT}.computed.value`, 'CONTAINS takes a string, number or boolean, got null']],
    ],
    [
      'event where filters with problems, each by its index',
      {
        event: {
          where: [
            { path: 'ok', op: 'EXISTS' },
            { path: '1st', op: 'EXISTS' },
            { path: 'n', op: 'GT', value: null },
          ],
          within: days(1),
        },
      },
      [
        [`${ROOT}.event.where[1].path`, `"1st" is not a dot path of names ${NAMES}`],
        [`${ROOT}.event.where[2].value`, `GT ${RANGE} null`],
      ],
    ],
    [
      'an event window of 0 hours',
      { event: { within: hours(0) } },
      [[`${ROOT}.event.within.count`, 'HOURS must be from 1 to 24, got 0']],
    ],
    [
      'an event window of 25 hours',
      { event: { within: hours(25) } },
      [[`${ROOT}.event.within.count`, 'HOURS must be from 1 to 24, got 25']],
    ],
    [
      'an event window of 8 days',
      { event: { within: days(8) } },
      [[`${ROOT}.event.within.count`, 'DAYS must be from 1 to 7, got 8']],
    ],
    [
      'an event window of 5 weeks',
      { event: { within: { count: 5, unit: 'WEEKS' } } },
      [[`${ROOT}.event.within.count`, 'WEEKS must be from 1 to 4, got 5']],
    ],
    [
      'an event window of 7 months',
      { event: { within: { count: 7, unit: 'MONTHS' } } },
      [[`${ROOT}.event.within.count`, 'MONTHS must be from 1 to 6, got 7']],
    ],
    [
      'an event window of 1.5 days',
      { event: { within: days(1.5) } },
      [[`${ROOT}.event.within.count`, 'must be a whole number of DAYS from 1 to 7']],
    ],
    [
      'a minCount of 0',
      { event: { within: days(1), minCount: 0 } },
      [[`${ROOT}.event.minCount`, 'must be a whole number of at least 1, got 0']],
    ],
    [
      'a negative minCount',
      { event: { within: days(1), minCount: -2 } },
      [[`${ROOT}.event.minCount`, 'must be a whole number of at least 1, got -2']],
    ],
    [
      'a fractional minCount',
      { event: { within: days(1), minCount: 1.5 } },
      [[`${ROOT}.event.minCount`, 'must be a whole number of at least 1, got 1.5']],
    ],
  ])('%s', (_name, input, expected) => {
    rejects(input, expected);
  });

  it(`rejects ${MAX_CONDITION_NODES + 1} nodes, at the root`, () => {
    const input = { or: Array.from({ length: MAX_CONDITION_NODES }, () => EMAIL) };
    rejects(input, [[ROOT, 'holds too many conditions: at most 100, counting every node']]);
  });

  it('gives each message in full', () => {
    const error = expectBadInput(
      () => check({ computed: { name: 'x', op: 'EXISTS' } }),
      [[`${ROOT}.computed.name`, 'x']],
    );
    expect(error.issues).toStrictEqual([
      {
        field: `${ROOT}.computed.name`,
        message: 'there is no ACTIVE computed attribute "x": it must exist and be ACTIVE',
      },
    ]);
  });

  it('reports every problem of the tree at once, in tree order', () => {
    const input: ConditionInput = {
      and: [
        {},
        { or: [] },
        { attribute: { path: 'a b', op: 'EQ' } },
        { not: { computed: { name: 'nope', op: 'GT', value: 'x' } } },
        {
          event: {
            where: [{ path: 'x', op: 'EXISTS', value: null }],
            within: days(9),
            minCount: 0,
          },
        },
      ],
    };
    rejects(input, [
      [`${ROOT}.and[0]`, `${ONE_OF} none`],
      [`${ROOT}.and[1].or`, 'must list at least one condition'],
      [`${ROOT}.and[2].attribute.path`, `"a b" is not a dot path of names ${NAMES}`],
      [`${ROOT}.and[2].attribute.value`, 'EQ needs a value'],
      [`${ROOT}.and[3].not.computed.name`, 'there is no ACTIVE computed attribute "nope"'],
      [
        `${ROOT}.and[4].event.where[0].value`,
        'EXISTS takes true or false (left out means true), got null',
      ],
      [`${ROOT}.and[4].event.within.count`, 'DAYS must be from 1 to 7, got 9'],
      [`${ROOT}.and[4].event.minCount`, 'must be a whole number of at least 1, got 0'],
    ]);
  });

  it('checks every field of a node that sets several', () => {
    rejects({ attribute: { path: 'a', op: 'GT' }, computed: { name: 'nope', op: 'EXISTS' } }, [
      [ROOT, `${ONE_OF} attribute, computed`],
      [`${ROOT}.attribute.value`, `GT ${RANGE} nothing`],
      [`${ROOT}.computed.name`, 'there is no ACTIVE computed attribute "nope"'],
    ]);
  });

  it('reports both too deep and too many together', () => {
    const deep = chain(MAX_CONDITION_DEPTH + 1, EMAIL);
    const input = { or: [deep, ...Array.from({ length: MAX_CONDITION_NODES }, () => EMAIL)] };
    rejects(input, [
      [`${ROOT}.or[0]${'.not'.repeat(MAX_CONDITION_DEPTH - 1)}`, 'nests too deep'],
      [ROOT, 'holds too many conditions'],
    ]);
  });

  it('names paths from the field it is given', () => {
    expectBadInput(
      () => check({ or: [EMAIL, { and: [] }] }, 'input.audiences[2].condition'),
      [['input.audiences[2].condition.or[1].and', 'must list at least one condition']],
    );
  });
});
