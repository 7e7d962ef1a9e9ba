import { identityKey } from '../identity/Identity';
import type { PreparedRecord } from '../ingestion/PreparedRecord';
import { recordError } from '../records/RecordError';
import type { StoredEvent } from './Fragment';

/**
 * SEMANTICS §2: events are appended; one whose _id the dataset already holds (stored, or
 * earlier in the same request) is ignored with a DUPLICATE_EVENT warning: retries are safe.
 */
export function newEvents(
  records: readonly PreparedRecord[],
  stored: ReadonlySet<string>,
  datasetId: string,
  batchId: string | null,
  now: number,
): StoredEvent[] {
  const seen = new Set(stored);
  const events: StoredEvent[] = [];
  for (const record of records) {
    const { event } = record;
    if (event === undefined) continue;
    if (seen.has(event.id)) {
      record.warnings.push(
        recordError('DUPLICATE_EVENT', `event "${event.id}" is already stored; ignored`, '_id'),
      );
      continue;
    }
    seen.add(event.id);
    events.push({
      datasetId,
      eventId: event.id,
      identityKey: identityKey(record.primary),
      timestamp: event.timestamp,
      data: record.attributes,
      batchId,
      ingestedAt: now,
    });
  }
  return events;
}
