import { isNullish } from '../filters/isNullish';
import type { AccumulatorFactory, ReadValue } from './Accumulator';
import type { WindowEvent } from './ComputedAttribute';
import { compareNewestFirst } from './compareNewestFirst';

interface Kept {
  event: WindowEvent;
  value: unknown;
}

/**
 * SEMANTICS §5 MOST_RECENT and LIST: the non-null values at a field of the `limit` newest
 * events that have one (`compareNewestFirst`), newest first, made a result by `finish`. Values
 * are returned as the events hold them (an array field gives arrays). Keeps at most `limit`
 * values while reading, so a run over n events costs n × limit comparisons at most, and no
 * sort; the result never depends on the order events come in.
 */
export function newestOf(
  read: ReadValue,
  limit: number,
  finish: (newestFirst: unknown[]) => unknown,
): AccumulatorFactory {
  return () => {
    const kept: Kept[] = []; // newest first, at most `limit`
    return {
      add: (event) => {
        const value = read(event.data);
        if (isNullish(value)) return;
        const at = insertionPoint(kept, event);
        if (at >= limit) return;
        kept.splice(at, 0, { event, value });
        if (kept.length > limit) kept.pop();
      },
      result: () => finish(kept.map(({ value }) => value)),
    };
  };
}

/** Where `event` goes in `kept` (newest first): before the first older one, after equals. */
function insertionPoint(kept: readonly Kept[], event: WindowEvent): number {
  const at = kept.findIndex((k) => compareNewestFirst(event, k.event) < 0);
  return at === -1 ? kept.length : at;
}
