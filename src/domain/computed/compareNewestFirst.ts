import { compareCodePoints } from '../filters/compareCodePoints';
import type { WindowEvent } from './ComputedAttribute';

/**
 * SEMANTICS §5 "most recent": negative when `a` is newer than `b`. Newer is the greater
 * timestamp; on equal timestamps the greater `eventId` (by code point) counts as newer, so the
 * result never depends on the order events are read in.
 */
export const compareNewestFirst = (
  a: Pick<WindowEvent, 'timestamp' | 'eventId'>,
  b: Pick<WindowEvent, 'timestamp' | 'eventId'>,
): number => b.timestamp - a.timestamp || compareCodePoints(b.eventId, a.eventId);
