import { badInput } from '../../domain/AppError';
import { checkFilters } from '../../domain/filters/checkFilters';
import { compileFilters } from '../../domain/filters/compileFilters';
import type { FieldFilter } from '../../domain/filters/FieldFilter';
import type { EventPosition, StoredEvent } from '../../domain/profile/Fragment';
import type { SandboxStore } from '../../storage/ports';

export const MAX_EVENTS_PER_PAGE = 1000;
/** With a `where` filter, at most this many events are read per page before answering. */
const MAX_SCANNED = 100_000;
const FILTERED_READ = 500;

export interface EventPageArgs {
  from?: Date;
  to?: Date;
  order: 'ASC' | 'DESC';
  first: number;
  after?: EventPosition;
  where?: readonly FieldFilter[];
}

export interface EventPage {
  events: StoredEvent[];
  hasNextPage: boolean;
  /** Where the next page starts; past the last event read, which may be past the last shown. */
  end: EventPosition | null;
}

export const positionOf = (e: StoredEvent): EventPosition => ({
  timestamp: e.timestamp,
  eventId: e.eventId,
  datasetId: e.datasetId,
});

/**
 * SEMANTICS §4 (events): a profile's events, ordered by timestamp then _id, in [from, to),
 * filtered by `where`, `first` at a time after a position. Filtering reads ahead in pages; a
 * page that reads MAX_SCANNED events without filling up answers with what it found.
 */
export async function pageEvents(
  store: SandboxStore,
  keys: readonly string[],
  args: EventPageArgs,
): Promise<EventPage> {
  if (!Number.isInteger(args.first) || args.first < 1 || args.first > MAX_EVENTS_PER_PAGE) {
    throw badInput('first', `must be from 1 to ${MAX_EVENTS_PER_PAGE}`);
  }
  const where = args.where ?? [];
  checkFilters(where, 'where');
  const matches = compileFilters(where);
  const limit = where.length === 0 ? args.first + 1 : FILTERED_READ;
  const found: StoredEvent[] = [];
  let position = args.after;
  let scanned = 0;
  for (;;) {
    const read = await store.profiles.eventsOf(keys, {
      from: args.from?.getTime(),
      to: args.to?.getTime(),
      order: args.order,
      after: position,
      limit,
    });
    for (const event of read) {
      scanned++;
      position = positionOf(event);
      if (matches(event.data)) found.push(event);
      if (found.length > args.first) break;
    }
    if (found.length > args.first || read.length < limit || scanned >= MAX_SCANNED) break;
  }
  const events = found.slice(0, args.first);
  const more = found.length > args.first || (scanned >= MAX_SCANNED && position !== args.after);
  const last = events.at(-1);
  const end =
    more && found.length <= args.first ? (position ?? null) : last ? positionOf(last) : null;
  return { events, hasNextPage: more, end };
}
