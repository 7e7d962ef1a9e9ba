import type { FieldFilter, FilterOperator } from '../../../../src/domain/filters/FieldFilter';
import { deepFreeze } from '../ingestion/fixtures';

/** Event data with a value of every kind, frozen so that no filter can change it. */
export const EVENT = deepFreeze({
  _id: 'e-1',
  timestamp: '2024-03-01T10:00:00Z',
  eventType: 'commerce.purchase',
  count: 3,
  price: 19.99,
  zero: 0,
  negative: -5,
  on: true,
  off: false,
  empty: '',
  nothing: null,
  numeric: '10',
  code: 'B-10',
  day: '2024-03-01',
  notDate: '2024-13-01T00:00:00Z',
  epoch: 1709287200000, // 2024-03-01T10:00:00Z as epoch milliseconds
  symbol: '\u{1F600}',
  tags: ['sale', 'new', 7, true, null],
  emptyList: [],
  matrix: [[1, 2], [3]],
  commerce: {
    order: {
      total: 120,
      currency: 'EUR',
      placedAt: '2024-03-01T11:30:00+01:00', // 10:30Z
      lines: [{ sku: 'A', qty: 1 }],
    },
  },
});

/** A filter; `value` left out when not given (not even as an undefined key). */
export function filter(path: string, op: FilterOperator, ...value: [unknown?]): FieldFilter {
  return value.length === 0 ? { path, op } : { path, op, value: value[0] };
}
