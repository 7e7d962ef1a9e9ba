import type { JsonObject, JsonValue } from '../records/mergePatch';

/**
 * Sets an own key of a JSON object. A `__proto__` key (which parsed JSON may hold) is defined as
 * data: plain assignment would replace the object's prototype instead.
 */
export function setKey(target: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') {
    Object.defineProperty(target, key, {
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  } else target[key] = value;
}
