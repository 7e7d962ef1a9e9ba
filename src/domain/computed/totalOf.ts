import type { AccumulatorFactory, ReadValue } from './Accumulator';

/** A total beyond the range of a double (±1.8e308) is not a JSON number: it has no value. */
const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

/**
 * SEMANTICS §5 SUM and AVG of the numbers at a field; events with anything else there (absent,
 * null, a string) are skipped. SUM of no numbers is 0, AVG of none is null. Plain IEEE-754
 * doubles are added in the order the events come in, so results carry the usual rounding
 * (0.1 + 0.2 gives 0.30000000000000004); callers round for display.
 */
export function totalOf(read: ReadValue, mean: boolean): AccumulatorFactory {
  return () => {
    let sum = 0;
    let count = 0;
    return {
      add: ({ data }) => {
        const value = read(data);
        if (typeof value !== 'number') return;
        sum += value;
        count += 1;
      },
      result: () => {
        if (!mean) return finiteOrNull(sum);
        return count === 0 ? null : finiteOrNull(sum / count);
      },
    };
  };
}
