import { setKey } from '../merge/setKey';
import { isPlainObject } from './jsonTypeOf';

/** A parsed JSON value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** A parsed JSON object. */
export interface JsonObject {
  [key: string]: JsonValue;
}

/**
 * SEMANTICS §2 MERGE (as JSON Merge Patch, RFC 7386): objects merge key by key at every depth,
 * a given scalar or array replaces the old value, and `null` removes the key. Neither input is
 * mutated; the result shares untouched values with them. Keys keep the target's order, new
 * keys follow in the patch's order.
 */
export function mergePatch(target: JsonObject, patch: JsonObject): JsonObject {
  // Plain objects rather than a Map: this runs for every record stored (spread and setKey keep
  // a `__proto__` key as data).
  const merged: JsonObject = { ...target };
  for (const key of Object.keys(patch)) {
    const value = patch[key] as JsonValue;
    if (value === null) Reflect.deleteProperty(merged, key);
    else if (isPlainObject(value)) {
      // An object replacing a scalar is merged into nothing, so its own nulls drop out too.
      const old = Object.hasOwn(merged, key) ? merged[key] : undefined;
      setKey(merged, key, mergePatch(isPlainObject(old) ? old : {}, value));
    } else setKey(merged, key, value);
  }
  return merged;
}

/**
 * A record as its own patch of nothing: the same object when no key at any depth is null
 * (the usual case, and then nothing needs copying), else `mergePatch({}, record)`.
 */
export const withoutNulls = (record: JsonObject): JsonObject =>
  hasNullKey(record) ? mergePatch({}, record) : record;

const hasNullKey = (value: JsonObject): boolean =>
  Object.values(value).some((v) => v === null || (isPlainObject(v) && hasNullKey(v)));
