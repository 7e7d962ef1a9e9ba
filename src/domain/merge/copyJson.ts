import { isPlainObject } from '../records/jsonTypeOf';
import type { JsonObject, JsonValue } from '../records/mergePatch';
import { setKey } from './setKey';

/**
 * A deep copy of a JSON value, kept as it is (nulls too), so that a profile built from stored
 * fragments shares no object or array with them. Walks the value once, with no JSON text
 * round trip.
 */
export function copyJson(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(copyJson);
  if (!isPlainObject(value)) return value;
  const copy: JsonObject = {};
  for (const [key, item] of Object.entries(value)) setKey(copy, key, copyJson(item));
  return copy;
}
