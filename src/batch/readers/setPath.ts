/**
 * Sets `value` at a dot path's segments inside `target`, creating the objects on the way. Keys
 * are defined, not assigned, so a segment such as `__proto__` (a valid field name) becomes a
 * plain property, as JSON.parse makes it, instead of changing the object's prototype.
 */
export function setPath(
  target: Record<string, unknown>,
  segments: readonly string[],
  value: unknown,
): void {
  let node = target;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i] ?? '';
    const child = Object.hasOwn(node, segment) ? node[segment] : undefined;
    if (isPlainObject(child)) {
      node = child;
    } else {
      const created: Record<string, unknown> = {};
      defineKey(node, segment, created);
      node = created;
    }
  }
  defineKey(node, segments[segments.length - 1] ?? '', value);
}

export function defineKey(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
