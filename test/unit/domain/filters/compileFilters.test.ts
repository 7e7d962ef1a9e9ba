import type { FieldFilter } from '../../../../src/domain/filters/FieldFilter';
import { compileFilters } from '../../../../src/domain/filters/compileFilters';
import { filter } from './fixtures';

const EVENTS = [
  { eventType: 'commerce.purchase', total: 120, timestamp: '2024-03-01T10:00:00Z' },
  { eventType: 'commerce.purchase', total: 80, timestamp: '2024-03-02T10:00:00+02:00' },
  { eventType: 'commerce.purchase', total: 200, timestamp: '2024-02-29T23:59:59Z' },
  { eventType: 'web.pageView', timestamp: '2024-03-01T12:00:00Z' },
  { eventType: 'commerce.purchase', total: '150', timestamp: '2024-03-01T12:00:00Z' },
  { eventType: 'commerce.purchase', total: 150 },
  null,
];

const MARCH_PURCHASES_OVER_100: FieldFilter[] = [
  filter('eventType', 'EQ', 'commerce.purchase'),
  filter('total', 'GT', 100),
  filter('timestamp', 'GTE', '2024-03-01T00:00:00Z'),
];

describe('compileFilters (SEMANTICS §4/§5)', () => {
  it('gives one predicate to run over many events', () => {
    const matches = compileFilters(MARCH_PURCHASES_OVER_100);
    expect(EVENTS.map(matches)).toStrictEqual([true, false, false, false, false, false, false]);
    expect(EVENTS.map(matches)).toStrictEqual([true, false, false, false, false, false, false]);
  });

  it('matches everything with no filters', () => {
    const matches = compileFilters([]);
    expect(EVENTS.map(matches)).toStrictEqual([true, true, true, true, true, true, true]);
  });

  it('with one filter, matches as that filter does', () => {
    const matches = compileFilters([filter('total', 'EXISTS')]);
    expect(EVENTS.map(matches)).toStrictEqual([true, true, true, false, true, true, false]);
  });

  it('reads the filters when compiling: later changes to them are not seen', () => {
    const filters = MARCH_PURCHASES_OVER_100.map((f) => ({ ...f }));
    const matches = compileFilters(filters);
    filters.push(filter('eventType', 'EQ', 'never'));
    const [first] = filters;
    if (first !== undefined) first.value = 'web.pageView';
    expect(EVENTS.map(matches)).toStrictEqual([true, false, false, false, false, false, false]);
  });

  it('never changes the filters or the data', () => {
    const filters = MARCH_PURCHASES_OVER_100.map((f) => Object.freeze({ ...f }));
    const events = EVENTS.map((e) => (e === null ? e : Object.freeze({ ...e })));
    expect(events.map(compileFilters(Object.freeze(filters)))).toStrictEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
