import { parseDateTime } from '../records/parseDateTime';
import type { AccumulatorFactory, ReadValue } from './Accumulator';
import type { WindowEvent } from './ComputedAttribute';
import type { FieldKind } from './FieldKind';
import { compareNewestFirst } from './compareNewestFirst';

const asNumber = (value: unknown): number | undefined =>
  typeof value === 'number' ? value : undefined;

interface Best {
  score: number;
  value: unknown;
  event: WindowEvent;
}

/**
 * SEMANTICS §5 MIN and MAX. Of a date-time field, values are compared as instants
 * (`parseDateTime`: ISO-8601 with a zone, or epoch milliseconds) and the value is returned as
 * the event holds it; of any other field, numbers compare as numbers. Values not of the field's
 * kind (a string in a number field, text that is no date-time) are skipped. Equal values
 * written differently (`11:00+01:00`, `10:00Z`) give the one of the newest event. Null when
 * the window holds no such value.
 */
export function extremeOf(
  read: ReadValue,
  kind: FieldKind | null,
  which: 'MIN' | 'MAX',
): AccumulatorFactory {
  const rank = kind === 'date-time' ? parseDateTime : asNumber;
  const sign = which === 'MAX' ? 1 : -1;
  return () => {
    let best: Best | undefined;
    return {
      add: (event) => {
        const value = read(event.data);
        const at = rank(value);
        if (at === undefined) return;
        const score = sign * at;
        if (best === undefined || isBetter(score, event, best)) best = { score, value, event };
      },
      result: () => (best === undefined ? null : best.value),
    };
  };
}

const isBetter = (score: number, event: WindowEvent, best: Best): boolean =>
  score > best.score || (score === best.score && compareNewestFirst(event, best.event) < 0);
