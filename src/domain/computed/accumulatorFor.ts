import { valueAtPath } from '../records/valueAtPath';
import type { AccumulatorFactory, ReadValue } from './Accumulator';
import type { ComputedAttribute } from './ComputedAttribute';
import { countEvents } from './countEvents';
import { extremeOf } from './extremeOf';
import { newestOf } from './newestOf';
import { totalOf } from './totalOf';

/** SEMANTICS §5: LIST holds the last 10 values. */
export const LIST_LENGTH = 10;

/** What an aggregation needs of a definition. */
export type AggregationDefinition = Pick<
  ComputedAttribute,
  'function' | 'field' | 'fieldKind' | 'where' | 'lookback'
>;

/** The run of a definition's function (SEMANTICS §5), with its field read by `valueAtPath`. */
export function accumulatorFor(definition: AggregationDefinition): AccumulatorFactory {
  const { field } = definition;
  const read: ReadValue = field === null ? () => undefined : (data) => valueAtPath(data, field);
  switch (definition.function) {
    case 'COUNT':
      return countEvents;
    case 'SUM':
    case 'AVG':
      return totalOf(read, definition.function === 'AVG');
    case 'MIN':
    case 'MAX':
      return extremeOf(read, definition.fieldKind, definition.function);
    case 'MOST_RECENT':
      return newestOf(read, 1, (newestFirst) => newestFirst[0] ?? null);
    case 'LIST':
      return newestOf(read, LIST_LENGTH, (newestFirst) => newestFirst);
  }
}
