import type { FieldFilter } from '../../../../src/domain/filters/FieldFilter';
import { matchesFilters } from '../../../../src/domain/filters/matchesFilters';
import { EVENT, filter } from './fixtures';

const PURCHASE = filter('eventType', 'EQ', 'commerce.purchase');
const IN_EUR = filter('commerce.order.currency', 'IN', ['EUR', 'USD']);
const RECENT = filter('timestamp', 'GTE', '2024-03-01T00:00:00Z');
const ON_SALE = filter('tags', 'CONTAINS', 'sale');
const VIEW = filter('eventType', 'EQ', 'web.pageView');
const NO_TOTAL = filter('commerce.order.total', 'EXISTS', false);

describe('matchesFilters: all filters must match (SEMANTICS §4/§5)', () => {
  it.each<[string, FieldFilter[], boolean]>([
    ['no filters', [], true],
    ['one that matches', [PURCHASE], true],
    ['one that does not', [VIEW], false],
    ['all of four that match', [PURCHASE, IN_EUR, RECENT, ON_SALE], true],
    [
      'four that match and one that does not, last',
      [PURCHASE, IN_EUR, RECENT, ON_SALE, VIEW],
      false,
    ],
    ['one that does not, first', [VIEW, PURCHASE, IN_EUR], false],
    ['one that does not, in the middle', [PURCHASE, NO_TOTAL, IN_EUR], false],
    ['the same filter twice', [PURCHASE, PURCHASE], true],
    ['two on one path that cannot both hold', [PURCHASE, VIEW], false],
    [
      'a range from two filters on one path',
      [filter('count', 'GT', 2), filter('count', 'LTE', 3)],
      true,
    ],
    [
      'a range the value is outside of',
      [filter('count', 'GT', 3), filter('count', 'LTE', 10)],
      false,
    ],
  ])('%s → %s', (_name, filters, expected) => {
    expect(matchesFilters(EVENT, filters)).toBe(expected);
    expect(matchesFilters(EVENT, [...filters].reverse())).toBe(expected);
  });

  it.each<unknown>([null, undefined, 'text', 42, [], {}])('no filters match %j', (data) => {
    expect(matchesFilters(data, [])).toBe(true);
  });
});
