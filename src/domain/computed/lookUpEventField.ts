import { fieldPathProblem, parentPaths } from '../catalog/fieldPath';
import type { FieldKind } from './FieldKind';

/** A usable event field and its kind, or why the path is not one. */
export type EventFieldLookup =
  { kind: FieldKind; problem?: undefined } | { kind?: undefined; problem: string };

/**
 * SEMANTICS §5: a computed attribute names event fields by dot paths that an EXPERIENCE_EVENT
 * schema declares (`eventFields`), and not below an array: an event holds no single value
 * there, as paths never index arrays, so such a field would never be found.
 */
export function lookUpEventField(
  path: string,
  eventFields: ReadonlyMap<string, FieldKind>,
): EventFieldLookup {
  const pathProblem = fieldPathProblem(path);
  if (pathProblem !== undefined) return { problem: pathProblem };
  const kind = eventFields.get(path);
  if (kind === undefined) return { problem: `no EXPERIENCE_EVENT schema declares "${path}"` };
  const array = parentPaths(path).find((parent) => eventFields.get(parent) === 'array');
  if (array !== undefined) {
    return {
      problem: `"${path}" is inside the array "${array}", where an event has no single value for it`,
    };
  }
  return { kind };
}
