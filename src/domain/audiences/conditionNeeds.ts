import { windowStart } from '../computed/windowStart';
import type { Duration } from '../computed/Duration';
import type { Condition } from './Audience';
import { leavesOf } from './leavesOf';

/** What a condition tree reads, so that only the audiences a change can affect are evaluated. */
export interface ConditionNeeds {
  /** It reads merged attributes, which record changes move. */
  attributes: boolean;
  /** The computed attributes it reads, by name. */
  computed: Set<string>;
  /** It has an event condition, which new or removed events move. */
  events: boolean;
  /**
   * The earliest instant (epoch ms) any of its event conditions looks back to at `now`, so the
   * profile's events are read once from there; null when it has no event condition.
   */
  eventWindowStart: (now: number) => number | null;
  /**
   * Its answer can change with nothing ingested (SEMANTICS §5): events and computed values leave
   * their windows as time passes, so the periodic sweep must re-check it.
   */
  timeDependent: boolean;
}

/** SEMANTICS §5: what `condition` reads, from its leaves (under and, or and not alike). */
export function conditionNeeds(condition: Condition): ConditionNeeds {
  let attributes = false;
  const computed = new Set<string>();
  const windows: Duration[] = [];
  for (const leaf of leavesOf(condition)) {
    if ('attribute' in leaf) attributes = true;
    else if ('computed' in leaf) computed.add(leaf.computed.name);
    else windows.push(leaf.event.within);
  }
  const events = windows.length > 0;
  return {
    attributes,
    computed,
    events,
    eventWindowStart: (now) =>
      events ? Math.min(...windows.map((within) => windowStart(within, now))) : null,
    timeDependent: events || computed.size > 0,
  };
}
