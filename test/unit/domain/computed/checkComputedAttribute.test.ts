import type {
  AggregationFunction,
  ComputedAttributeInput,
} from '../../../../src/domain/computed/ComputedAttribute';
import type { FieldKind } from '../../../../src/domain/computed/FieldKind';
import {
  MAX_DESCRIPTION_LENGTH,
  checkComputedAttribute,
} from '../../../../src/domain/computed/checkComputedAttribute';
import type { FieldFilter } from '../../../../src/domain/filters/FieldFilter';
import { catchAppError, expectBadInput, type ExpectedIssue } from '../expectBadInput';
import { EVENT_FIELDS, deepFreeze } from './fixtures';

const valid: ComputedAttributeInput = {
  name: 'purchases7d',
  function: 'COUNT',
  lookback: { count: 7, unit: 'DAYS' },
};

const check = (change: Partial<ComputedAttributeInput>, activeCount = 0, names: string[] = []) =>
  checkComputedAttribute(deepFreeze({ ...valid, ...change }), EVENT_FIELDS, activeCount, names);

const rejects = (change: Partial<ComputedAttributeInput>, issues: ExpectedIssue[]): void => {
  expectBadInput(() => check(change), issues);
};

const NAME_RULE = 'is not a valid computed attribute name: start with a letter, then up to 63';
const NOT_OBJECT = 'needs a field that holds a value, not an object';

describe('checkComputedAttribute (SEMANTICS §5)', () => {
  it('gives the checked definition, with its defaults', () => {
    expect(check({})).toStrictEqual({
      name: 'purchases7d',
      description: null,
      function: 'COUNT',
      field: null,
      fieldKind: null,
      where: [],
      lookback: { count: 7, unit: 'DAYS' },
      status: 'ACTIVE',
    });
  });

  it('keeps everything given, and copies where and lookback', () => {
    const where: FieldFilter[] = [{ path: 'eventType', op: 'EQ', value: 'commerce.purchase' }];
    const input: ComputedAttributeInput = {
      name: 'spend',
      description: 'Spend over a month',
      function: 'SUM',
      field: 'commerce.order.total',
      where,
      lookback: { count: 1, unit: 'MONTHS' },
      status: 'DRAFT',
    };
    const checked = checkComputedAttribute(input, EVENT_FIELDS, 0, []);
    expect(checked).toStrictEqual({ ...input, fieldKind: 'number' });
    expect(checked.where).not.toBe(where);
    expect(checked.where[0]).not.toBe(where[0]);
    expect(checked.lookback).not.toBe(input.lookback);
  });

  it.each<[string, Partial<ComputedAttributeInput>]>([
    ['a one-letter name', { name: 'a' }],
    ['an upper-case name with digits', { name: 'A1B2' }],
    ['a name of 64 characters', { name: `n${'7'.repeat(63)}` }],
    ['a null description', { description: null }],
    ['an empty description', { description: '' }],
    ['a description of the longest length', { description: 'd'.repeat(MAX_DESCRIPTION_LENGTH) }],
    ['COUNT with a null field', { field: null }],
    ['a null where', { where: null }],
    ['a null status', { status: null }],
    ['the shortest lookback', { lookback: { count: 1, unit: 'HOURS' } }],
    ['the longest lookback', { lookback: { count: 6, unit: 'MONTHS' } }],
    [
      'filters on declared fields, objects and arrays too',
      {
        where: [
          { path: 'eventType', op: 'IN', value: ['commerce.purchase', 'commerce.refund'] },
          { path: 'commerce.order.total', op: 'GTE', value: 10 },
          { path: 'commerce.order', op: 'EXISTS' },
          { path: 'web.page.tags', op: 'CONTAINS', value: 'sale' },
        ],
      },
    ],
  ])('accepts %s', (_name, change) => {
    expect(check(change).name).toBe(change.name ?? valid.name);
  });

  it.each<[AggregationFunction, string, FieldKind]>([
    ['SUM', 'commerce.order.total', 'number'],
    ['AVG', 'commerce.order.total', 'number'],
    ['MIN', 'commerce.order.total', 'number'],
    ['MAX', 'commerce.order.total', 'number'],
    ['MIN', 'commerce.order.placedAt', 'date-time'],
    ['MAX', 'timestamp', 'date-time'],
    ['MOST_RECENT', 'eventType', 'string'],
    ['MOST_RECENT', 'commerce.order.paid', 'boolean'],
    ['MOST_RECENT', 'commerce.order.placedAt', 'date-time'],
    ['LIST', 'commerce.order.total', 'number'],
    ['LIST', 'web.page.tags', 'array'],
    ['LIST', '_id', 'string'],
  ])('accepts %s of %s and keeps its kind, %s', (fn, field, kind) => {
    const checked = check({ function: fn, field });
    expect(checked.field).toBe(field);
    expect(checked.fieldKind).toBe(kind);
  });

  it.each(['', '1abc', '9', '_abc', 'a_b', 'a-b', 'a b', 'a.b', ' abc', 'abc\n', 'Émile'])(
    'rejects the name %j',
    (name) => {
      rejects({ name }, [['input.name', `"${name}" ${NAME_RULE}`]]);
    },
  );

  it('rejects a name of 65 characters', () => {
    rejects({ name: `n${'7'.repeat(64)}` }, [['input.name', NAME_RULE]]);
  });

  it('rejects a description over the longest length', () => {
    rejects({ description: 'd'.repeat(MAX_DESCRIPTION_LENGTH + 1) }, [
      ['input.description', `must be at most ${MAX_DESCRIPTION_LENGTH} characters`],
    ]);
  });

  it.each<[string, Partial<ComputedAttributeInput>, string]>([
    [
      'COUNT with a field',
      { function: 'COUNT', field: 'commerce.order.total' },
      'COUNT counts events and takes no field; to count events that have one, use `where` with EXISTS',
    ],
    ['COUNT with an empty field', { function: 'COUNT', field: '' }, 'COUNT counts events'],
    ['SUM without a field', { function: 'SUM' }, 'SUM needs a number field of an EXPERIENCE_EVENT'],
    ['AVG with a null field', { function: 'AVG', field: null }, 'AVG needs a number field'],
    ['MIN without a field', { function: 'MIN' }, 'MIN needs a number or date-time field'],
    ['LIST without a field', { function: 'LIST' }, `LIST ${NOT_OBJECT}`],
    [
      'SUM of a string field',
      { function: 'SUM', field: 'eventType' },
      'SUM needs a number field; "eventType" is a string field',
    ],
    [
      'SUM of a date-time field',
      { function: 'SUM', field: 'timestamp' },
      'SUM needs a number field; "timestamp" is a date-time field',
    ],
    [
      'AVG of a boolean field',
      { function: 'AVG', field: 'commerce.order.paid' },
      'AVG needs a number field; "commerce.order.paid" is a boolean field',
    ],
    [
      'MIN of a string field',
      { function: 'MIN', field: '_id' },
      'MIN needs a number or date-time field; "_id" is a string field',
    ],
    [
      'MAX of an array field',
      { function: 'MAX', field: 'web.page.tags' },
      'MAX needs a number or date-time field; "web.page.tags" is an array field',
    ],
    [
      'MOST_RECENT of an object field',
      { function: 'MOST_RECENT', field: 'commerce.order' },
      `MOST_RECENT ${NOT_OBJECT}; "commerce.order" is an object field`,
    ],
    [
      'LIST of an object field',
      { function: 'LIST', field: 'identityMap' },
      `LIST ${NOT_OBJECT}; "identityMap" is an object field`,
    ],
    [
      'a field no schema declares',
      { function: 'SUM', field: 'commerce.order.totl' },
      'no EXPERIENCE_EVENT schema declares "commerce.order.totl"',
    ],
    [
      'a field inside an array',
      { function: 'LIST', field: 'commerce.order.lines.sku' },
      '"commerce.order.lines.sku" is inside the array "commerce.order.lines"',
    ],
    [
      'a field that is no dot path',
      { function: 'MAX', field: 'a..b' },
      'is not a dot path of names',
    ],
  ])('rejects %s', (_name, change, message) => {
    rejects(change, [['input.field', message]]);
  });

  it.each<[string, FieldFilter[], ExpectedIssue[]]>([
    [
      'a filter without the value its operator needs',
      [{ path: 'eventType', op: 'EQ' }],
      [['input.where[0].value', 'EQ needs a value']],
    ],
    [
      'a filter on a path that is no dot path',
      [{ path: 'event type', op: 'EXISTS' }],
      [['input.where[0].path', 'is not a dot path of names']],
    ],
    [
      'a filter on a field no schema declares',
      [
        { path: 'eventType', op: 'EXISTS' },
        { path: 'evntType', op: 'EQ', value: 'x' },
      ],
      [['input.where[1].path', 'no EXPERIENCE_EVENT schema declares "evntType"']],
    ],
    [
      'a filter on a field inside an array',
      [{ path: 'commerce.order.lines.sku', op: 'EQ', value: 'A' }],
      [['input.where[0].path', 'is inside the array "commerce.order.lines"']],
    ],
    [
      'problems of the filters, then undeclared paths',
      [
        { path: 'nope', op: 'GT', value: true },
        { path: '1x', op: 'EXISTS' },
      ],
      [
        ['input.where[0].value', 'GT takes a number or a string'],
        ['input.where[1].path', 'is not a dot path of names'],
        ['input.where[0].path', 'no EXPERIENCE_EVENT schema declares "nope"'],
      ],
    ],
  ])('rejects %s', (_name, where, issues) => {
    rejects({ where }, issues);
  });

  it.each<[Partial<ComputedAttributeInput>, ExpectedIssue]>([
    [
      { lookback: { count: 0, unit: 'DAYS' } },
      ['input.lookback.count', 'DAYS must be from 1 to 7'],
    ],
    [{ lookback: { count: 25, unit: 'HOURS' } }, ['input.lookback.count', 'from 1 to 24, got 25']],
    [{ lookback: { count: 2.5, unit: 'WEEKS' } }, ['input.lookback.count', 'a whole number']],
    [
      { function: 'TOP' as AggregationFunction },
      ['input.function', 'must be one of SUM, COUNT, MIN, MAX, AVG, MOST_RECENT, LIST'],
    ],
    [
      { status: 'ARCHIVED' as ComputedAttributeInput['status'] },
      ['input.status', 'must be one of DRAFT, ACTIVE, DISABLED'],
    ],
  ])('rejects %j', (change, issue) => {
    rejects(change, [issue]);
  });

  it('lists every problem at once, in the order of the input', () => {
    rejects(
      {
        name: '7days',
        description: 'd'.repeat(MAX_DESCRIPTION_LENGTH + 1),
        function: 'AVG',
        field: 'eventType',
        where: [{ path: 'eventType', op: 'IN', value: [] }],
        lookback: { count: 7, unit: 'MONTHS' },
        status: 'PAUSED' as ComputedAttributeInput['status'],
      },
      [
        ['input.name', NAME_RULE],
        ['input.description', 'must be at most'],
        ['input.field', 'AVG needs a number field'],
        ['input.where[0].value', 'IN takes a non-empty list'],
        ['input.lookback.count', 'MONTHS must be from 1 to 6, got 7'],
        ['input.status', 'must be one of'],
      ],
    );
  });

  describe('against the other definitions', () => {
    it.each(['purchases7d', 'PURCHASES7D', 'Purchases7D'])(
      'refuses a name taken as %s, with CONFLICT',
      (taken) => {
        const error = catchAppError(() => check({ status: 'DRAFT' }, 0, ['other', taken]));
        expect(error.code).toBe('CONFLICT');
        expect(error.field).toBe('input.name');
        expect(error.message).toContain(`named "${taken}" already exists`);
      },
    );

    it('accepts a name that only starts like a taken one', () => {
      expect(check({}, 0, ['purchases7', 'purchases7dx']).name).toBe('purchases7d');
    });

    it('refuses a 101st ACTIVE one, ACTIVE by default, with CONFLICT', () => {
      const error = catchAppError(() => check({}, 100));
      expect(error.code).toBe('CONFLICT');
      expect(error.field).toBe('input.status');
      expect(error.message).toContain('at most 100 computed attributes can be ACTIVE');
    });

    it('accepts the 100th ACTIVE one', () => {
      expect(check({ status: 'ACTIVE' }, 99).status).toBe('ACTIVE');
    });

    it.each(['DRAFT', 'DISABLED'] as const)('accepts a %s one over the limit', (status) => {
      expect(check({ status }, 250).status).toBe(status);
    });

    it('reports problems of the input before a taken name or the limit', () => {
      expectBadInput(
        () => check({ lookback: { count: 0, unit: 'HOURS' } }, 100, ['purchases7d']),
        [['input.lookback.count', 'HOURS must be from 1 to 24, got 0']],
      );
    });

    it('reports a taken name before the limit', () => {
      expect(catchAppError(() => check({}, 100, ['purchases7d'])).field).toBe('input.name');
    });
  });
});
