import { windowStart } from '../computed/windowStart';
import { compileFilters } from '../filters/compileFilters';
import type { EventCondition, ProfileFacts } from './Audience';

/**
 * SEMANTICS §5 `event`: at least `minCount` of the profile's events have a timestamp in
 * `[windowStart(within, now), now]` (both ends inclusive; events stamped after `now` are not
 * yet in the window) and match every `where` filter. Counting stops at `minCount`. The filters
 * are compiled once; the window moves with each evaluation's `now`.
 */
export function compileEventCondition({
  where,
  within,
  minCount,
}: EventCondition): (facts: ProfileFacts) => boolean {
  const matches = compileFilters(where);
  return ({ events, now }) => {
    const start = windowStart(within, now);
    let count = 0;
    for (const { timestamp, data } of events) {
      if (timestamp >= start && timestamp <= now && matches(data)) {
        count += 1;
        if (count >= minCount) return true;
      }
    }
    return false;
  };
}
