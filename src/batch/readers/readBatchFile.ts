import type { BatchFormat, BatchItem, ReadBatchOptions } from './BatchItem';
import { readCsv } from './readCsv';
import { readJsonArray } from './readJsonArray';
import { readNdjson } from './readNdjson';
import { readParquet } from './readParquet';

/**
 * The records of one batch file, streamed in file order (SEMANTICS §2: every record gets a
 * result, with its file and line). A record that cannot be read is an error item and reading
 * goes on; the iterator throws only when the file is unreadable as a whole (not the declared
 * format, cut short, a bad CSV header), after yielding every record before the problem.
 * Stopping early (break) closes the file.
 */
export function readBatchFile(
  path: string,
  format: BatchFormat,
  options: ReadBatchOptions,
): AsyncIterable<BatchItem> {
  switch (format) {
    case 'NDJSON':
      return readNdjson(path);
    case 'JSON':
      return readJsonArray(path);
    case 'CSV':
      return readCsv(path, options.fields);
    case 'PARQUET':
      return readParquet(path, options.fields);
  }
}

export type { BatchFormat, BatchItem, ReadBatchOptions } from './BatchItem';
