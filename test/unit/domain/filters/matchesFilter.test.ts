import type { FieldFilter } from '../../../../src/domain/filters/FieldFilter';
import { compileFilter } from '../../../../src/domain/filters/compileFilter';
import { matchesFilter } from '../../../../src/domain/filters/matchesFilter';
import { matchesFilters } from '../../../../src/domain/filters/matchesFilters';
import { EVENT, filter } from './fixtures';

type Row = [path: string, value: unknown, expected: boolean];
type RangeRow = [path: string, op: 'LT' | 'LTE' | 'GT' | 'GTE', value: unknown, expected: boolean];

/** The same answer from every way of asking, on the frozen EVENT. */
function expectMatch(f: FieldFilter, expected: boolean): void {
  expect(matchesFilter(EVENT, f)).toBe(expected);
  expect(compileFilter(f)(EVENT)).toBe(expected);
  expect(matchesFilters(EVENT, [f])).toBe(expected);
}

const EQ_ROWS: Row[] = [
  ['eventType', 'commerce.purchase', true],
  ['eventType', 'commerce.Purchase', false],
  ['count', 3, true],
  ['count', 3.5, false],
  ['count', '3', false],
  ['numeric', 10, false],
  ['numeric', '10', true],
  ['zero', 0, true],
  ['zero', -0, true],
  ['zero', false, false],
  ['zero', null, false],
  ['off', false, true],
  ['off', 0, false],
  ['on', true, true],
  ['on', 'true', false],
  ['empty', '', true],
  ['empty', null, false],
  ['nothing', null, true],
  ['nothing', 'null', false],
  ['nothing', {}, false],
  ['missing', null, true],
  ['missing', '', false],
  ['commerce.missing.deep', null, true],
  ['commerce.order.currency', 'EUR', true],
  ['commerce.order.total', 120, true],
  ['commerce.order.lines.sku', 'A', false],
  ['commerce.order.lines.sku', null, true],
  ['count.more', null, true],
  [
    'commerce.order',
    {
      lines: [{ qty: 1, sku: 'A' }],
      placedAt: '2024-03-01T11:30:00+01:00',
      currency: 'EUR',
      total: 120,
    },
    true,
  ],
  ['commerce.order', { total: 120, currency: 'EUR' }, false],
  ['commerce', {}, false],
  ['commerce', null, false],
  ['tags', ['sale', 'new', 7, true, null], true],
  ['tags', ['new', 'sale', 7, true, null], false],
  ['tags', ['sale', 'new', 7, true], false],
  ['tags', 'sale', false],
  ['emptyList', [], true],
  ['emptyList', {}, false],
  ['emptyList', null, false],
  ['matrix', [[1, 2], [3]], true],
  [
    'matrix',
    [
      [1, 2],
      [3, 4],
    ],
    false,
  ],
  ['timestamp', '2024-03-01T10:00:00Z', true],
  ['timestamp', '2024-03-01T11:00:00+01:00', false],
  ['timestamp', '2024-03-01T10:00:00.000Z', false],
  ['epoch', '2024-03-01T10:00:00Z', false],
];

const RANGE_ROWS: RangeRow[] = [
  // numbers, numerically
  ['count', 'LT', 4, true],
  ['count', 'LT', 3, false],
  ['count', 'LT', 2.5, false],
  ['count', 'LTE', 3, true],
  ['count', 'LTE', 2.99, false],
  ['count', 'GT', 2, true],
  ['count', 'GT', 3, false],
  ['count', 'GTE', 3, true],
  ['count', 'GTE', 3.5, false],
  ['count', 'GT', 20, false],
  ['price', 'GT', 19.98, true],
  ['price', 'LT', 19.99, false],
  ['negative', 'LT', 0, true],
  ['negative', 'GT', -5.5, true],
  ['zero', 'GT', -0, false],
  ['zero', 'LTE', -0, true],
  ['commerce.order.total', 'GTE', 100, true],
  ['epoch', 'GT', 1709287199999, true],
  ['epoch', 'LTE', 1709287199999, false],
  // date-times, as instants when both strings parse
  ['timestamp', 'GT', '2024-03-01T09:59:59Z', true],
  ['timestamp', 'LT', '2024-03-01T10:00:00.001Z', true],
  ['timestamp', 'LT', '2024-03-01T11:00:00+01:00', false],
  ['timestamp', 'LTE', '2024-03-01T11:00:00+01:00', true],
  ['timestamp', 'GT', '2024-03-01T11:00:00+01:00', false],
  ['timestamp', 'GTE', '2024-03-01T11:00:00+01:00', true],
  ['timestamp', 'GT', '2024-03-01T10:30:00+02:00', true],
  ['timestamp', 'LT', '2024-03-01T10:30:00+02:00', false],
  ['timestamp', 'GTE', '2024-03-01t09:00:00-0100', true],
  ['commerce.order.placedAt', 'LT', '2024-03-01T11:00:00Z', true],
  ['commerce.order.placedAt', 'GT', '2024-03-01T11:00:00Z', false],
  ['commerce.order.placedAt', 'GT', '2024-03-01T10:00:00Z', true],
  // strings that are not both date-times, by code point
  ['day', 'GT', '2024-02-29', true],
  ['day', 'GTE', '2024-03-01', true],
  ['day', 'LT', '2024-03-01', false],
  ['day', 'LT', '2024-03-01T00:00:00Z', true],
  ['timestamp', 'GT', '2024-03-01', true],
  ['timestamp', 'LT', 'Z', true],
  ['notDate', 'GT', '2024-03-01T00:00:00Z', true],
  ['notDate', 'LT', '2024-03-01T00:00:00Z', false],
  ['code', 'GT', 'B-09', true],
  ['code', 'GT', 'B-10', false],
  ['code', 'GTE', 'B-10', true],
  ['code', 'LT', 'b', true],
  ['eventType', 'LT', 'commerce.purchasf', true],
  ['eventType', 'LT', 'commerce', false],
  ['numeric', 'LT', '9', true],
  ['empty', 'LT', 'a', true],
  ['empty', 'GTE', '', true],
  ['empty', 'LT', '', false],
  ['symbol', 'GT', '\u{FFFD}', true],
  ['symbol', 'LT', '\u{FFFD}', false],
  // mixed types, null, absent, arrays and objects: never
  ['count', 'LT', '4', false],
  ['count', 'GT', '2', false],
  ['numeric', 'GT', 9, false],
  ['eventType', 'GT', 5, false],
  ['epoch', 'GT', '2024-01-01T00:00:00Z', false],
  ['timestamp', 'GT', 1709287199999, false],
  ['on', 'GTE', 1, false],
  ['off', 'LT', 1, false],
  ['on', 'GT', 'a', false],
  ['nothing', 'LT', 1, false],
  ['nothing', 'GTE', '', false],
  ['missing', 'LT', 1, false],
  ['missing', 'GTE', '', false],
  ['commerce.order.lines.qty', 'GTE', 0, false],
  ['tags', 'LT', 100, false],
  ['tags', 'GT', '', false],
  ['emptyList', 'GTE', 0, false],
  ['commerce', 'GT', 0, false],
  ['commerce', 'GT', '', false],
];

const IN_ROWS: Row[] = [
  ['eventType', ['commerce.purchase', 'x'], true],
  ['eventType', ['x', 'y'], false],
  ['eventType', ['commerce.Purchase'], false],
  ['count', [1, 2, 3], true],
  ['count', ['3'], false],
  ['numeric', [10], false],
  ['off', [false], true],
  ['off', [0, null, ''], false],
  ['zero', [false, '0'], false],
  ['zero', [-0], true],
  ['empty', [''], true],
  ['nothing', [null], true],
  ['nothing', ['x'], false],
  ['missing', [null, 'x'], true],
  ['missing', ['x'], false],
  ['commerce.order.currency', ['USD', 'EUR'], true],
  ['commerce.order.lines.sku', ['A'], false],
  ['timestamp', ['2024-03-01T11:00:00+01:00'], false],
  ['timestamp', ['2024-03-01T10:00:00Z'], true],
  // an array at the path: any item listed
  ['tags', ['sale'], true],
  ['tags', ['old', 'new'], true],
  ['tags', [7], true],
  ['tags', ['7'], false],
  ['tags', [true], true],
  ['tags', [null], true],
  ['tags', ['old', false], false],
  ['emptyList', [null], false],
  ['emptyList', ['x'], false],
  ['matrix', [1, 2, 3], false],
  ['commerce', [null], false],
  ['commerce.order', ['EUR', 120], false],
];

const CONTAINS_ROWS: Row[] = [
  ['eventType', 'purchase', true],
  ['eventType', 'commerce.purchase', true],
  ['eventType', 'Purchase', false],
  ['eventType', 'commerce.purchase!', false],
  ['eventType', '', true],
  ['empty', '', true],
  ['empty', 'a', false],
  ['commerce.order.currency', 'EU', true],
  ['numeric', '1', true],
  ['numeric', 1, false],
  ['count', 3, false],
  ['on', true, false],
  ['tags', 'sale', true],
  ['tags', 'sal', false],
  ['tags', 7, true],
  ['tags', '7', false],
  ['tags', true, true],
  ['tags', false, false],
  ['emptyList', 'x', false],
  ['emptyList', '', false],
  ['matrix', 1, false],
  ['commerce.order', 'EUR', false],
  ['commerce.order', 'total', false],
  ['commerce.order.lines.sku', 'A', false],
  ['nothing', 'x', false],
  ['nothing', '', false],
  ['missing', '', false],
];

describe('matchesFilter, compileFilter (SEMANTICS §4/§5)', () => {
  describe('EQ: scalars by ===, arrays and objects by JSON structure, null for null or absent', () => {
    it.each<Row>(EQ_ROWS)('%s EQ %j → %s', (path, value, expected) => {
      expectMatch(filter(path, 'EQ', value), expected);
    });
  });

  describe('NE: the negation of EQ', () => {
    it.each<Row>(EQ_ROWS)('%s NE %j → not %s', (path, value, expected) => {
      expectMatch(filter(path, 'NE', value), !expected);
    });

    it.each<Row>([
      ['missing', 'x', true],
      ['missing', null, false],
      ['nothing', null, false],
      ['nothing', 'x', true],
      ['empty', null, true],
      ['count', '3', true],
    ])('%s NE %j → %s', (path, value, expected) => {
      expectMatch(filter(path, 'NE', value), expected);
    });
  });

  describe('LT, LTE, GT, GTE: numbers, date-time instants, else code points; never mixed', () => {
    it.each<RangeRow>(RANGE_ROWS)('%s %s %j → %s', (path, op, value, expected) => {
      expectMatch(filter(path, op, value), expected);
    });
  });

  describe('EXISTS: true (or left out) for a non-null value, false for null or absent', () => {
    it.each<[string, boolean, boolean]>([
      ['eventType', true, false],
      ['zero', true, false],
      ['off', true, false],
      ['empty', true, false],
      ['emptyList', true, false],
      ['commerce', true, false],
      ['commerce.order.total', true, false],
      ['nothing', false, true],
      ['missing', false, true],
      ['commerce.missing', false, true],
      ['commerce.order.lines.sku', false, true],
      ['eventType.length', false, true],
    ])('%s: EXISTS → %s, EXISTS false → %s', (path, exists, absent) => {
      expectMatch(filter(path, 'EXISTS'), exists);
      expectMatch(filter(path, 'EXISTS', true), exists);
      expectMatch(filter(path, 'EXISTS', false), absent);
    });
  });

  describe('IN: EQ one of the listed scalars; for an array, any item listed', () => {
    it.each<Row>(IN_ROWS)('%s IN %j → %s', (path, value, expected) => {
      expectMatch(filter(path, 'IN', value), expected);
    });
  });

  describe('CONTAINS: a substring of a string, an item of an array', () => {
    it.each<Row>(CONTAINS_ROWS)('%s CONTAINS %j → %s', (path, value, expected) => {
      expectMatch(filter(path, 'CONTAINS', value), expected);
    });
  });

  describe('data that is not an object has nothing at any path', () => {
    it.each<unknown>([null, undefined, 'text', 42, ['a'], true])('%j', (data) => {
      expect(matchesFilter(data, filter('a', 'EXISTS'))).toBe(false);
      expect(matchesFilter(data, filter('a', 'EXISTS', false))).toBe(true);
      expect(matchesFilter(data, filter('a', 'EQ', null))).toBe(true);
      expect(matchesFilter(data, filter('a', 'NE', 'x'))).toBe(true);
      expect(matchesFilter(data, filter('length', 'GTE', 0))).toBe(false);
      expect(matchesFilter(data, filter('a', 'IN', ['a', null]))).toBe(true);
      expect(matchesFilter(data, filter('a', 'CONTAINS', 'a'))).toBe(false);
    });
  });

  it('reads an own __proto__ key as data, never the prototype', () => {
    const data: unknown = JSON.parse('{"__proto__": {"a": 1}}');
    expect(matchesFilter(data, filter('__proto__.a', 'EQ', 1))).toBe(true);
    expect(matchesFilter({}, filter('constructor', 'EXISTS'))).toBe(false);
    expect(matchesFilter({}, filter('toString', 'EQ', null))).toBe(true);
  });

  describe('unchecked filters never throw; values their operator cannot use never match', () => {
    it.each<[FieldFilter, boolean]>([
      [filter('count', 'LT', null), false],
      [filter('count', 'LT'), false],
      [filter('count', 'GTE', { n: 1 }), false],
      [filter('tags', 'GT', ['sale']), false],
      [filter('eventType', 'IN', 'commerce.purchase'), false],
      [filter('eventType', 'IN'), false],
      [filter('commerce.order', 'IN', [{ total: 120 }]), false],
      [filter('matrix', 'IN', [[3]]), false],
      [filter('tags', 'CONTAINS', null), false],
      [filter('tags', 'CONTAINS'), false],
      [filter('commerce.order.lines', 'CONTAINS', { sku: 'A', qty: 1 }), false],
      [filter('eventType', 'EXISTS', 'no'), true],
      [filter('eventType', 'EXISTS', null), true],
      [filter('nothing', 'EQ'), true],
      [filter('eventType', 'EQ'), false],
      [filter('nothing', 'NE'), false],
    ])('%j → %s', (f, expected) => {
      expectMatch(f, expected);
    });
  });
});
