import type { AccumulatorFactory } from './Accumulator';

/** SEMANTICS §5 COUNT: how many events of the window match `where`; 0 when none. */
export const countEvents: AccumulatorFactory = () => {
  let count = 0;
  return {
    add: () => {
      count += 1;
    },
    result: () => count,
  };
};
