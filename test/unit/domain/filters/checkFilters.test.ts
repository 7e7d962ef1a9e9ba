import type { Issue } from '../../../../src/domain/AppError';
import type { FieldFilter } from '../../../../src/domain/filters/FieldFilter';
import { checkFilters } from '../../../../src/domain/filters/checkFilters';
import { catchAppError } from '../expectBadInput';
import { filter } from './fixtures';

const NAMES = '(letters, digits, "_"; not starting with a digit)';
const RANGE = 'takes a number or a string (date-times as ISO-8601 with a time zone), got';
const LIST = 'IN takes a non-empty list of strings, numbers, booleans or nulls, got';
const SCALAR = 'must be a string, number, boolean or null, got';

/** Asserts the exact BAD_USER_INPUT error: every issue, in order, and the message it makes. */
function expectIssues(filters: readonly FieldFilter[], prefix: string, issues: Issue[]): void {
  const error = catchAppError(() => {
    checkFilters(filters, prefix);
  });
  const [first] = issues;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem(s))` : '';
  expect(error.code).toBe('BAD_USER_INPUT');
  expect(error.field).toBe(first?.field);
  expect(error.issues).toStrictEqual(issues);
  expect(error.message).toBe(`${first?.field ?? ''}: ${first?.message ?? ''}${more}`);
}

describe('checkFilters (SEMANTICS §4/§5)', () => {
  it.each<[string, FieldFilter[]]>([
    ['no filters', []],
    [
      'EQ of a string, a number, a boolean',
      [filter('a', 'EQ', 'x'), filter('a', 'EQ', -1.5), filter('a', 'EQ', false)],
    ],
    ['EQ and NE of null', [filter('a', 'EQ', null), filter('a', 'NE', null)]],
    ['EQ and NE of an empty string', [filter('a', 'EQ', ''), filter('a', 'NE', '')]],
    [
      'EQ and NE of arrays and objects',
      [filter('a', 'EQ', []), filter('a', 'NE', { b: [1, null] })],
    ],
    [
      'ranges of numbers',
      [
        filter('a', 'LT', 0),
        filter('a', 'LTE', -1),
        filter('a', 'GT', 1.5),
        filter('a', 'GTE', 1e21),
      ],
    ],
    [
      'ranges of strings and date-times',
      [
        filter('a', 'LT', ''),
        filter('a', 'LTE', 'B-10'),
        filter('a', 'GT', '2024-03-01'),
        filter('a', 'GTE', '2024-03-01T10:00:00Z'),
      ],
    ],
    [
      'EXISTS left out, true and false',
      [filter('a', 'EXISTS'), filter('a', 'EXISTS', true), filter('a', 'EXISTS', false)],
    ],
    ['IN of one value', [filter('a', 'IN', ['x'])]],
    ['IN of every kind of scalar', [filter('a', 'IN', ['x', '', 0, 1.5, true, false, null])]],
    [
      'CONTAINS of a string, an empty string, a number, a boolean',
      [
        filter('a', 'CONTAINS', 'x'),
        filter('a', 'CONTAINS', ''),
        filter('a', 'CONTAINS', 7),
        filter('a', 'CONTAINS', false),
      ],
    ],
    [
      'nested paths of names',
      [
        filter('commerce.order.total', 'GT', 0),
        filter('_id', 'EXISTS'),
        filter('a1.B_2.c', 'EQ', 'x'),
        filter('a.b.c.d.e.f.g.h.i.j', 'EXISTS'),
      ],
    ],
  ])('accepts %s', (_name, filters) => {
    expect(() => {
      checkFilters(filters, 'where');
    }).not.toThrow();
  });

  it.each<[string, FieldFilter, Issue]>([
    [
      'an empty path',
      filter('', 'EXISTS'),
      {
        field: 'where[0].path',
        message: `"" is not a dot path of names ${NAMES}`,
      },
    ],
    [
      'an empty segment',
      filter('a..b', 'EXISTS'),
      {
        field: 'where[0].path',
        message: `"a..b" is not a dot path of names ${NAMES}`,
      },
    ],
    [
      'a trailing dot',
      filter('a.', 'EXISTS'),
      {
        field: 'where[0].path',
        message: `"a." is not a dot path of names ${NAMES}`,
      },
    ],
    [
      'a segment starting with a digit',
      filter('tags.0', 'EXISTS'),
      {
        field: 'where[0].path',
        message: `"tags.0" is not a dot path of names ${NAMES}`,
      },
    ],
    [
      'an index',
      filter('tags[0]', 'EXISTS'),
      {
        field: 'where[0].path',
        message: `"tags[0]" is not a dot path of names ${NAMES}`,
      },
    ],
    [
      'a space',
      filter('event type', 'EXISTS'),
      {
        field: 'where[0].path',
        message: `"event type" is not a dot path of names ${NAMES}`,
      },
    ],
    [
      '11 segments',
      filter('a.b.c.d.e.f.g.h.i.j.k', 'EXISTS'),
      {
        field: 'where[0].path',
        message: 'must have at most 10 segments',
      },
    ],
    [
      '257 characters',
      filter('a'.repeat(257), 'EXISTS'),
      {
        field: 'where[0].path',
        message: 'must be at most 256 characters',
      },
    ],
    [
      'EQ left out',
      filter('a', 'EQ'),
      {
        field: 'where[0].value',
        message: 'EQ needs a value (null matches a null or absent field)',
      },
    ],
    [
      'NE left out',
      filter('a', 'NE'),
      {
        field: 'where[0].value',
        message: 'NE needs a value (null matches a null or absent field)',
      },
    ],
    ['LT left out', filter('a', 'LT'), { field: 'where[0].value', message: `LT ${RANGE} nothing` }],
    [
      'LT of null',
      filter('a', 'LT', null),
      { field: 'where[0].value', message: `LT ${RANGE} null` },
    ],
    [
      'LTE of a boolean',
      filter('a', 'LTE', true),
      {
        field: 'where[0].value',
        message: `LTE ${RANGE} boolean`,
      },
    ],
    [
      'GT of an array',
      filter('a', 'GT', [1]),
      {
        field: 'where[0].value',
        message: `GT ${RANGE} array`,
      },
    ],
    [
      'GTE of an object',
      filter('a', 'GTE', { n: 1 }),
      {
        field: 'where[0].value',
        message: `GTE ${RANGE} object`,
      },
    ],
    [
      'EXISTS of null',
      filter('a', 'EXISTS', null),
      {
        field: 'where[0].value',
        message: 'EXISTS takes true or false (left out means true), got null',
      },
    ],
    [
      'EXISTS of a string',
      filter('a', 'EXISTS', 'true'),
      {
        field: 'where[0].value',
        message: 'EXISTS takes true or false (left out means true), got string',
      },
    ],
    [
      'EXISTS of a number',
      filter('a', 'EXISTS', 1),
      {
        field: 'where[0].value',
        message: 'EXISTS takes true or false (left out means true), got number',
      },
    ],
    ['IN left out', filter('a', 'IN'), { field: 'where[0].value', message: `${LIST} nothing` }],
    ['IN of null', filter('a', 'IN', null), { field: 'where[0].value', message: `${LIST} null` }],
    [
      'IN of an empty list',
      filter('a', 'IN', []),
      {
        field: 'where[0].value',
        message: `${LIST} an empty list`,
      },
    ],
    [
      'IN of a string',
      filter('a', 'IN', 'x'),
      { field: 'where[0].value', message: `${LIST} string` },
    ],
    [
      'IN of an object',
      filter('a', 'IN', { 0: 'x' }),
      {
        field: 'where[0].value',
        message: `${LIST} object`,
      },
    ],
    [
      'CONTAINS left out',
      filter('a', 'CONTAINS'),
      {
        field: 'where[0].value',
        message: 'CONTAINS takes a string, number or boolean, got nothing',
      },
    ],
    [
      'CONTAINS of null',
      filter('a', 'CONTAINS', null),
      {
        field: 'where[0].value',
        message: 'CONTAINS takes a string, number or boolean, got null',
      },
    ],
    [
      'CONTAINS of an array',
      filter('a', 'CONTAINS', ['x']),
      {
        field: 'where[0].value',
        message: 'CONTAINS takes a string, number or boolean, got array',
      },
    ],
    [
      'CONTAINS of an object',
      filter('a', 'CONTAINS', { sku: 'A' }),
      {
        field: 'where[0].value',
        message: 'CONTAINS takes a string, number or boolean, got object',
      },
    ],
  ])('rejects %s', (_name, f, issue) => {
    expectIssues([f], 'where', [issue]);
  });

  it('names each item of an IN list that is not a scalar', () => {
    expectIssues([filter('a', 'IN', ['x', [1], null, { b: 1 }, 2])], 'where', [
      { field: 'where[0].value[1]', message: `${SCALAR} array` },
      { field: 'where[0].value[3]', message: `${SCALAR} object` },
    ]);
  });

  it('lists every problem of every filter at once, in order', () => {
    expectIssues(
      [
        filter('eventType', 'EQ', 'commerce.purchase'),
        filter('1st', 'LT'),
        filter('ok', 'EXISTS'),
        filter('tags[0]', 'EXISTS', 'yes'),
        filter('tags', 'IN', [[]]),
      ],
      'input.where',
      [
        {
          field: 'input.where[1].path',
          message: `"1st" is not a dot path of names ${NAMES}`,
        },
        { field: 'input.where[1].value', message: `LT ${RANGE} nothing` },
        {
          field: 'input.where[3].path',
          message: `"tags[0]" is not a dot path of names ${NAMES}`,
        },
        {
          field: 'input.where[3].value',
          message: 'EXISTS takes true or false (left out means true), got string',
        },
        { field: 'input.where[4].value[0]', message: `${SCALAR} array` },
      ],
    );
  });

  it('names problems after the prefix it is given', () => {
    expectIssues([filter('a', 'EQ')], 'input.condition.event.where', [
      {
        field: 'input.condition.event.where[0].value',
        message: 'EQ needs a value (null matches a null or absent field)',
      },
    ]);
  });
});
