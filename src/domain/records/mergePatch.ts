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
  const merged = new Map(Object.entries(target));
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) merged.delete(key);
    else if (isPlainObject(value)) {
      // An object replacing a scalar is merged into nothing, so its own nulls drop out too.
      const old = merged.get(key);
      merged.set(key, mergePatch(isPlainObject(old) ? old : {}, value));
    } else merged.set(key, value);
  }
  return Object.fromEntries(merged);
}
