import { badInput } from '../../domain/AppError';
import type { EventPosition } from '../../domain/profile/Fragment';

/** Opaque cursors over events: where one stands in (timestamp, _id, dataset) order. */
export const encodeEventCursor = (p: EventPosition): string =>
  Buffer.from(JSON.stringify([p.timestamp, p.eventId, p.datasetId])).toString('base64url');

export function decodeEventCursor(cursor: string | null | undefined): EventPosition | undefined {
  if (cursor === null || cursor === undefined) return undefined;
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(parts) &&
      typeof parts[0] === 'number' &&
      typeof parts[1] === 'string' &&
      typeof parts[2] === 'string'
    ) {
      return { timestamp: parts[0], eventId: parts[1], datasetId: parts[2] };
    }
  } catch {
    // not JSON: reported below like any other foreign cursor
  }
  throw badInput('after', 'is not a cursor this server gave out');
}
