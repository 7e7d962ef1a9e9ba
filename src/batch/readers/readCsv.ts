import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import type { SchemaField } from '../../domain/catalog/types';
import { recordError } from '../../domain/records/RecordError';
import type { BatchItem } from './BatchItem';
import { csvRowToItem } from './csvRowToItem';
import { flatColumns, type FlatColumn } from './flatColumns';
import { MAX_ITEM_CHARS, truncateRaw } from './limits';

/** What csv-parse gives per record with `raw: true`. */
interface CsvRow {
  record: string[];
  /** The record's text and, when one follows, the first character of its line break. */
  raw: string;
}

/**
 * CSV: a header row of dot paths, then one record per row, cells coerced to the schema's types
 * (SEMANTICS §2). `line` is the line the record starts on (the header is line 1 when nothing
 * precedes it); quoted cells may span lines. Rows whose cells are all empty (blank lines, the
 * `,,,` rows spreadsheets leave) are skipped. Quotes are relaxed (`5" disk` is a value), so the
 * only errors csv-parse raises are structural: a quote left open at the end of the file becomes
 * one MALFORMED item for the rest of the file, and a record over MAX_ITEM_CHARS bytes (an
 * unclosed quote in a huge file) throws, as does a bad header.
 */
export async function* readCsv(
  path: string,
  fields?: readonly SchemaField[],
): AsyncGenerator<BatchItem> {
  const parser = parse({
    bom: true,
    raw: true,
    record_delimiter: ['\r\n', '\n'],
    relax_column_count: true, // a short or long row is one bad record, reported below
    relax_quotes: true,
    max_record_size: MAX_ITEM_CHARS,
  });
  // Errors of either stream reach the loop below through the parser's iterator.
  pipeline(createReadStream(path), parser, () => undefined);
  let line = 1; // where the next record starts
  let columns: FlatColumn[] | undefined;
  try {
    for await (const { record, raw } of parser as AsyncIterable<CsvRow>) {
      const start = line;
      line += 1 + countLineBreaks(record);
      if (record.every((cell) => cell === '')) continue;
      if (columns === undefined) columns = flatColumns(record, fields);
      else yield csvRowToItem(columns, record, start, withoutLineBreak(raw));
    }
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    if (err.code !== 'CSV_QUOTE_NOT_CLOSED' || columns === undefined) {
      throw new Error(`CSV line ${line}: ${err.message}`, { cause: err });
    }
    const message = `line ${line} opens a quoted field that is never closed`;
    const raw = typeof err.raw === 'string' ? truncateRaw(err.raw) : null;
    yield { line, error: recordError('MALFORMED', message), raw };
  }
}

/** Line breaks inside quoted cells: the record spans that many more lines. */
function countLineBreaks(cells: readonly string[]): number {
  let count = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) count++;
  }
  return count;
}

function withoutLineBreak(raw: string): string {
  const end = raw.endsWith('\n') ? raw.length - 1 : raw.length;
  return raw.slice(0, raw.charAt(end - 1) === '\r' ? end - 1 : end);
}
