import type { ComputedAttribute } from './ComputedAttribute';
import { windowStart } from './windowStart';

/**
 * The earliest window start (epoch ms) of the ACTIVE definitions at `now`: the events from it
 * to `now` are all that `computeValues` reads, so a profile's events are fetched once, through
 * the (identity, timestamp) index, from there. Null when none is ACTIVE: no event is needed.
 */
export function longestLookbackStart(
  definitions: readonly Pick<ComputedAttribute, 'status' | 'lookback'>[],
  now: number,
): number | null {
  let earliest: number | null = null;
  for (const { status, lookback } of definitions) {
    if (status !== 'ACTIVE') continue;
    const start = windowStart(lookback, now);
    if (earliest === null || start < earliest) earliest = start;
  }
  return earliest;
}
