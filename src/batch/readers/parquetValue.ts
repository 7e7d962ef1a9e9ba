import type { SchemaField } from '../../domain/catalog/types';
import type { FieldType } from '../../domain/enumValues';
import { defineKey } from './setPath';

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A value as hyparquet decodes it → the JSON-like value a record holds. null or undefined
 * (a missing value) → undefined, which leaves the field out, as an empty CSV cell does; inside
 * a list, nulls stay, to keep positions. int64 (bigint) → a number when it is a safe integer,
 * else its decimal string (validation then names it; a double would change the value).
 * Date (timestamps, dates) → an ISO-8601 string, only the date part when the field is DATE.
 * Structs and maps → plain objects; lists → arrays. hyparquet reads un-annotated BYTE_ARRAY
 * columns as UTF-8 text (older writers store strings so); other raw bytes (FIXED_LEN_BYTE_ARRAY
 * without a logical type) → base64.
 * `path` is the value's dot path, used to find its field; list items are described by the
 * ARRAY field's itemType and, for objects, by the fields under the array's path.
 */
export function parquetValue(
  value: unknown,
  path: string,
  type: FieldType | undefined,
  byPath: ReadonlyMap<string, SchemaField>,
): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'bigint') {
    return value >= MIN_SAFE && value <= MAX_SAFE ? Number(value) : value.toString();
  }
  if (value instanceof Date) return dateText(value, type);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const itemType = byPath.get(path)?.itemType ?? undefined;
    return Array.from(value as ArrayLike<unknown>, (item) =>
      item === null || item === undefined ? null : parquetValue(item, path, itemType, byPath),
    );
  }
  if (typeof value === 'object') {
    return parquetObject(value as Record<string, unknown>, path, byPath);
  }
  return value;
}

function parquetObject(
  value: Record<string, unknown>,
  path: string,
  byPath: ReadonlyMap<string, SchemaField>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const childPath = `${path}.${key}`;
    const converted = parquetValue(child, childPath, byPath.get(childPath)?.type, byPath);
    if (converted !== undefined) defineKey(out, key, converted);
  }
  return out;
}

function dateText(value: Date, type: FieldType | undefined): string {
  // An out-of-range timestamp: keep something validation can reject rather than throw.
  if (Number.isNaN(value.getTime())) return 'Invalid Date';
  const iso = value.toISOString();
  return type === 'DATE' ? iso.slice(0, 10) : iso;
}
