const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_DEPTH = 10;
const MAX_LENGTH = 256;

/** Why a dot path is not usable as a field path, or undefined when it is. */
export function fieldPathProblem(path: string): string | undefined {
  const segments = path.split('.');
  if (path.length > MAX_LENGTH) return `must be at most ${MAX_LENGTH} characters`;
  if (segments.length > MAX_DEPTH) return `must have at most ${MAX_DEPTH} segments`;
  if (!segments.every((s) => SEGMENT.test(s))) {
    return `"${path}" is not a dot path of names (letters, digits, "_"; not starting with a digit)`;
  }
  return undefined;
}

/** Sorted by path in code-point order: the same on every machine, whatever its locale. */
export const sortByPath = <T extends { path: string }>(fields: T[]): T[] =>
  fields.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

/** `a.b.c` → `['a', 'a.b']`: the objects that hold the field, outermost first. */
export function parentPaths(path: string): string[] {
  const segments = path.split('.');
  return segments.slice(0, -1).map((_, i) => segments.slice(0, i + 1).join('.'));
}
