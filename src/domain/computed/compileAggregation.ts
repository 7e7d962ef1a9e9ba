import { compileFilters } from '../filters/compileFilters';
import type { WindowEvent } from './ComputedAttribute';
import { accumulatorFor, type AggregationDefinition } from './accumulatorFor';
import { windowStart } from './windowStart';

/** A compiled aggregation: one profile's events (any order) and the instant to compute at. */
export type Aggregation = (events: readonly WindowEvent[], now: number) => unknown;

/**
 * SEMANTICS §5: a definition as a function of a profile's events, current at `now` (**better**:
 * no refresh job; an event counts as soon as it is stored and drops out when it leaves the
 * window). It aggregates the events with `windowStart(lookback, now) <= timestamp <= now`
 * (events dated in the future are left out until their time comes) that match `where`,
 * reading the list once. Filters, field and lookback are read now, once, so compile once and
 * run per profile; later changes to the definition are not seen.
 */
export function compileAggregation(definition: AggregationDefinition): Aggregation {
  const matches = compileFilters(definition.where);
  const start = accumulatorFor(definition);
  const lookback = { ...definition.lookback };
  return (events, now) => {
    const from = windowStart(lookback, now);
    const run = start();
    for (const event of events) {
      if (event.timestamp >= from && event.timestamp <= now && matches(event.data)) run.add(event);
    }
    return run.result();
  };
}
