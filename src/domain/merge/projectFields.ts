import { isPlainObject } from '../records/jsonTypeOf';
import type { JsonObject, JsonValue } from '../records/mergePatch';
import { copyJson } from './copyJson';
import { setKey } from './setKey';

/** The requested paths as a tree: `true` keeps the whole value at that key. */
type PathTree = Map<string, PathTree | true>;

/**
 * `attributes(fields:)` (SEMANTICS §4): only the values at the given dot paths, read as
 * `valueAtPath` reads them (own keys only; arrays are not descended into). A path to an object
 * keeps the whole object; a path that leads nowhere is simply absent, and leaves no empty parent
 * behind; overlapping paths combine (`person` and `person.name` keep all of `person`). Keys
 * come in the order the paths first name them. The result shares nothing with `attributes`.
 */
export function projectFields(attributes: JsonObject, paths: readonly string[]): JsonObject {
  const tree: PathTree = new Map();
  for (const path of paths) addPath(tree, path.split('.'));
  return project(attributes, tree) ?? {};
}

function addPath(tree: PathTree, segments: readonly string[]): void {
  let node = tree;
  for (const [i, segment] of segments.entries()) {
    const child = node.get(segment);
    // A shorter path already keeps everything below it.
    if (child === true) return;
    if (i === segments.length - 1) {
      node.set(segment, true);
      return;
    }
    if (child === undefined) {
      const next: PathTree = new Map();
      node.set(segment, next);
      node = next;
    } else node = child;
  }
}

/** What `tree` keeps of `source`, or undefined when none of its paths exists there. */
function project(source: JsonObject, tree: PathTree): JsonObject | undefined {
  let kept: JsonObject | undefined;
  for (const [key, below] of tree) {
    if (!Object.hasOwn(source, key)) continue;
    const value = source[key];
    if (value === undefined) continue;
    const part = keep(value, below);
    if (part === undefined) continue;
    kept ??= {};
    setKey(kept, key, part);
  }
  return kept;
}

function keep(value: JsonValue, below: PathTree | true): JsonValue | undefined {
  if (below === true) return copyJson(value);
  return isPlainObject(value) ? project(value, below) : undefined;
}
