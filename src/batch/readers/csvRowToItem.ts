import { recordError } from '../../domain/records/RecordError';
import type { BatchItem } from './BatchItem';
import { coerceCell, parseBoolean, type Coerced } from './coerceCell';
import type { FlatColumn } from './flatColumns';
import { flatRecord } from './flatRecord';
import { truncateRaw } from './limits';

/**
 * One CSV row → a nested record. An empty cell leaves its field out (CSV cannot tell an empty
 * string from a missing value, and leaving it out never deletes data on MERGE). Value cells are
 * coerced to their field's type; a `primary` cell is read as `true`/`false`/`1`/`0` (anything
 * else is kept for validation to reject); identity ids stay strings. A row with a different
 * number of fields than the header is MALFORMED.
 */
export function csvRowToItem(
  columns: readonly FlatColumn[],
  cells: readonly string[],
  line: number,
  raw: string,
): BatchItem {
  if (cells.length !== columns.length) {
    const message = `line ${line} has ${cells.length} fields; the header has ${columns.length}`;
    return { line, error: recordError('MALFORMED', message), raw: truncateRaw(raw) };
  }
  const values: unknown[] = [];
  for (const [i, column] of columns.entries()) {
    const value = cellValue(cells[i] ?? '', column);
    if (!value.ok) {
      const message = `line ${line}: ${column.path} ${value.reason}`;
      const error = recordError('SCHEMA_VALIDATION', message, column.path);
      return { line, error, raw: truncateRaw(raw) };
    }
    values.push(value.value);
  }
  return { line, record: flatRecord(columns, values) };
}

function cellValue(cell: string, column: FlatColumn): Coerced {
  if (cell === '') return { ok: true, value: undefined };
  if (column.kind === 'identity') return { ok: true, value: cell };
  if (column.kind === 'primary') return { ok: true, value: parseBoolean(cell) ?? cell };
  return coerceCell(cell, column.field);
}
