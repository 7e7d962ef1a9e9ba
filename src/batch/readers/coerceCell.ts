import type { SchemaField } from '../../domain/catalog/types';
import { isPlainObject } from './setPath';

export type Coerced = { ok: true; value: unknown } | { ok: false; reason: string };

/** A decimal number as people write it in a spreadsheet: `42`, `-1.5`, `.5`, `6.02e23`. */
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Epoch milliseconds as a DATE_TIME cell holds them: an integer, never a year alone. */
const EPOCH_MILLIS = /^-?\d{5,16}$/;

/**
 * A CSV cell → a value of its field's type (SEMANTICS §2: batch CSV values are coerced). A
 * scalar that does not fit stays the string it was, so validation rejects the record naming
 * the field and its type, together with the record's other problems. An ARRAY or OBJECT cell
 * must hold JSON of that shape: there is no string form to fall back to, so it is an error
 * here. Items inside it are JSON values and are not coerced. A DATE_TIME cell of digits is
 * epoch milliseconds, the other form a DATE_TIME takes; other cells of columns the schema
 * knows as STRING, DATE or DATE_TIME, or does not know, stay strings (validation checks them).
 */
export function coerceCell(cell: string, field: SchemaField | undefined): Coerced {
  switch (field?.type) {
    case 'NUMBER':
      return { ok: true, value: parseNumber(cell) ?? cell };
    case 'INTEGER': {
      // Beyond 2^53 a double would silently change the value: keep the text instead.
      const n = parseNumber(cell);
      return { ok: true, value: n !== undefined && Number.isSafeInteger(n) ? n : cell };
    }
    case 'BOOLEAN':
      return { ok: true, value: parseBoolean(cell) ?? cell };
    case 'DATE_TIME':
      return { ok: true, value: EPOCH_MILLIS.test(cell.trim()) ? Number(cell.trim()) : cell };
    case 'ARRAY':
      return parseJsonCell(cell, 'array', Array.isArray);
    case 'OBJECT':
      return parseJsonCell(cell, 'object', isPlainObject);
    default:
      return { ok: true, value: cell };
  }
}

export function parseNumber(cell: string): number | undefined {
  const text = cell.trim();
  if (!NUMBER.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** `true`/`false`/`1`/`0`, in any case and with surrounding spaces. */
export function parseBoolean(cell: string): boolean | undefined {
  const text = cell.trim().toLowerCase();
  if (text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  return undefined;
}

function parseJsonCell(cell: string, shape: string, fits: (value: unknown) => boolean): Coerced {
  let value: unknown;
  try {
    value = JSON.parse(cell);
  } catch (err) {
    return { ok: false, reason: `is not a JSON ${shape}: ${(err as Error).message}` };
  }
  return fits(value) ? { ok: true, value } : { ok: false, reason: `is not a JSON ${shape}` };
}
