import type { WindowEvent } from './ComputedAttribute';
import type { AggregationDefinition } from './accumulatorFor';
import { compileAggregation } from './compileAggregation';

/**
 * The value (JSON) of one computed attribute over one profile's events at `now` (SEMANTICS §5);
 * for many profiles, `compileAggregation` once and reuse it.
 */
export const aggregate = (
  definition: AggregationDefinition,
  events: readonly WindowEvent[],
  now: number,
): unknown => compileAggregation(definition)(events, now);
