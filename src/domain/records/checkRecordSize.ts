import type { SchemaClass } from '../enumValues';
import { type RecordError, recordError } from './RecordError';

const KB = 1024;

/** SEMANTICS §2: the most a record may weigh, in bytes of UTF-8 JSON. */
export const MAX_RECORD_BYTES = 100 * KB;
export const MAX_EVENT_BYTES = 10 * KB;

/** TOO_LARGE when the record's JSON is over its class's limit (at the limit is fine). */
export function checkRecordSize(
  record: Record<string, unknown>,
  schemaClass: SchemaClass,
): RecordError | undefined {
  const isEvent = schemaClass === 'EXPERIENCE_EVENT';
  const limit = isEvent ? MAX_EVENT_BYTES : MAX_RECORD_BYTES;
  const size = Buffer.byteLength(JSON.stringify(record), 'utf8');
  if (size <= limit) return undefined;
  const what = isEvent ? 'an event' : 'a record';
  return recordError(
    'TOO_LARGE',
    `is ${size} bytes of JSON; ${what} may be at most ${limit} bytes (${limit / KB} KB)`,
  );
}
