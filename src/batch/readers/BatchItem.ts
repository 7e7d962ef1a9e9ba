import type { SchemaField } from '../../domain/catalog/types';
import type { RecordError } from '../../domain/records/RecordError';

/** The file formats of a batch (SEMANTICS §2). */
export const BATCH_FORMATS = ['JSON', 'NDJSON', 'CSV', 'PARQUET'] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

/**
 * One record read from a batch file, or the reason it could not be read. `line` is where a user
 * finds it: the line number (NDJSON, CSV), the 1-based element index (JSON) or the 1-based row
 * number (Parquet). `raw` is the item's text, cut to RAW_LIMIT characters, or null when there is
 * no text to show.
 */
export type BatchItem =
  { line: number; record: unknown } | { line: number; error: RecordError; raw: string | null };

export interface ReadBatchOptions {
  /** The schema's full field list; CSV cells are coerced to these types (SEMANTICS §2). */
  fields?: readonly SchemaField[];
}
