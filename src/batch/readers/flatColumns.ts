import type { SchemaField } from '../../domain/catalog/types';

const IDENTITY_MAP = 'identityMap';

/**
 * What one column of a flat file (a CSV column, a Parquet top-level column) holds. `value`: the
 * field at a dot path (a column named `identityMap` itself holds the whole map, as JSON in CSV).
 * `identity`: `identityMap.<Namespace>`, one id of that namespace. `primary`:
 * `identityMap.<Namespace>.primary`, whether that id is the primary one.
 */
export type FlatColumn =
  | { kind: 'value'; path: string; segments: string[]; field: SchemaField | undefined }
  | { kind: 'identity'; path: string; namespace: string }
  | { kind: 'primary'; path: string; namespace: string };

/**
 * The column names (a CSV header row, Parquet's top-level columns) → what they hold: each name
 * is a dot path (`person.name.firstName`), surrounding spaces ignored. Throws when the names
 * cannot describe records (every row would be wrong, so the file is unreadable as a whole): a
 * nameless column, an empty path segment, a column named twice, a column inside another
 * column's value (`person` and `person.name`), or an `identityMap` column other than the two
 * identity forms. Columns the schema lacks are kept; validation rejects them with their path.
 */
export function flatColumns(
  header: readonly string[],
  fields?: readonly SchemaField[],
): FlatColumn[] {
  const byPath = new Map(fields?.map((field) => [field.path, field]));
  const columns = header.map((name, i) => toColumn(name.trim(), i + 1, byPath));
  checkPlacement(columns);
  return columns;
}

function toColumn(path: string, position: number, byPath: Map<string, SchemaField>): FlatColumn {
  if (path === '') throw headerError(`column ${position} has no name`);
  const segments = path.split('.');
  if (segments.includes('')) throw headerError(`"${path}" is not a dot path`);
  const [first, namespace, last] = segments;
  if (first !== IDENTITY_MAP || namespace === undefined) {
    return { kind: 'value', path, segments, field: byPath.get(path) };
  }
  if (segments.length === 2) return { kind: 'identity', path, namespace };
  if (segments.length === 3 && last === 'primary') return { kind: 'primary', path, namespace };
  throw headerError(
    `"${path}": identity columns are identityMap.<Namespace> (the id) and ` +
      'identityMap.<Namespace>.primary',
  );
}

function checkPlacement(columns: readonly FlatColumn[]): void {
  const paths = new Set<string>();
  for (const { path } of columns) {
    if (paths.has(path)) throw headerError(`"${path}" is named twice`);
    paths.add(path);
  }
  for (const column of columns) {
    if (column.kind === 'primary') {
      const idPath = `${IDENTITY_MAP}.${column.namespace}`;
      if (!paths.has(idPath)) throw headerError(`"${column.path}" needs an "${idPath}" column`);
      continue;
    }
    const segments = column.path.split('.');
    for (let end = 1; end < segments.length; end++) {
      const parent = segments.slice(0, end).join('.');
      if (paths.has(parent)) throw headerError(`"${column.path}" is inside column "${parent}"`);
    }
  }
}

const headerError = (problem: string): Error => new Error(`column names: ${problem}`);
