/**
 * Per-record problems are data, not thrown errors (SEMANTICS §2: every record gets a result).
 * A REJECTED record has at least one error; an ACCEPTED one may carry warnings here too
 * (a dropped identity, a stale update).
 */
export type RecordErrorCode =
  | 'SCHEMA_VALIDATION' // type, required or unknown field; path names it
  | 'MISSING_IDENTITY' // no usable identity in the record
  | 'AMBIGUOUS_IDENTITY' // an event with two values of its highest-ranked namespace
  | 'GRAPH_COLLAPSE' // two values of one unique namespace in one record
  | 'TOO_LARGE' // over 100 KB (records) or 10 KB (events)
  | 'NOT_UPSERT_ENABLED' // MERGE into a dataset that is not upsert-enabled
  | 'MALFORMED' // not a JSON object, or unreadable in a batch file
  | 'UNSUPPORTED_OPERATION' // e.g. DELETE of events (system jobs remove events)
  | 'INVALID_IDENTITY' // warning: a value that is not an identity was dropped
  | 'UNKNOWN_NAMESPACE' // warning: identityMap names a namespace the catalog lacks
  | 'STALE' // warning: older than the stored fragment, ignored
  | 'DUPLICATE_EVENT'; // warning: an event with an _id already stored, ignored

export interface RecordError {
  code: RecordErrorCode;
  message: string;
  /** Dot path inside the record (`person.age`, `identityMap.Email[0].id`), where one applies. */
  path: string | null;
}

export const recordError = (
  code: RecordErrorCode,
  message: string,
  path: string | null = null,
): RecordError => ({ code, message, path });

/** Warnings leave the record ACCEPTED; every other code rejects it. */
export const WARNING_CODES: ReadonlySet<RecordErrorCode> = new Set([
  'INVALID_IDENTITY',
  'UNKNOWN_NAMESPACE',
  'STALE',
  'DUPLICATE_EVENT',
]);
