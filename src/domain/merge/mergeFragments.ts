import type { Fragment } from '../profile/Fragment';
import { isPlainObject } from '../records/jsonTypeOf';
import type { JsonObject } from '../records/mergePatch';
import { copyJson } from './copyJson';
import type { MergePolicyRules } from './MergePolicyRules';
import { orderFragments } from './orderFragments';
import { setKey } from './setKey';

/**
 * SEMANTICS §4 attributeMerge: one profile's attributes from its fragments. Per leaf, the first
 * fragment in the policy's order (see `orderFragments`) that has a value there gives it, so
 * different leaves may come from different fragments. Where §4 leaves a choice:
 *
 * - Objects merge key by key at every depth. Arrays are leaves: taken whole from one fragment,
 *   never concatenated, nor merged item by item.
 * - `null` is no value, as in a stored fragment (SEMANTICS §2): a leaf that is null or absent
 *   in a fragment shows the next fragment's value. Nulls inside an array stay (it is taken
 *   whole).
 * - A scalar at `a` in one fragment and an object at `a` (say with `a.b`) in another: the first
 *   fragment in order with a value at `a` decides what `a` is. If an object, lower fragments'
 *   objects at `a` merge into it and their scalars or arrays at `a` are dropped; if a scalar or
 *   an array, everything lower at or under `a` is dropped. An empty object is an object.
 * - Keys come in the order first met, fragment by fragment in that order (integer-like keys
 *   first, as JavaScript orders them).
 *
 * identityStitching is not applied here: pass the fragments `fragmentsFor` chose. The inputs are
 * never changed and the result shares no object or array with them; each fragment's values are
 * visited at most once, so the work is linear in the size of the fragments.
 */
export function mergeFragments(
  fragments: readonly Fragment[],
  rules: MergePolicyRules,
): JsonObject {
  const merged: JsonObject = {};
  for (const fragment of orderFragments(fragments, rules)) {
    fill(merged, fragment.attributes as JsonObject);
  }
  return merged;
}

/**
 * Adds to `target` (an object of the result, never an input) the values of `source` at the
 * paths where `target` has none yet, and merges `source`'s objects into `target`'s.
 */
function fill(target: JsonObject, source: JsonObject): JsonObject {
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (value === null || value === undefined) continue;
    if (!Object.hasOwn(target, key)) {
      setKey(target, key, isPlainObject(value) ? fill({}, value) : copyJson(value));
    } else {
      const held = target[key];
      if (isPlainObject(held) && isPlainObject(value)) fill(held, value);
    }
  }
  return target;
}
