import type { FlatColumn } from './flatColumns';
import { setPath } from './setPath';

/** One identityMap entry being assembled from its `id` and `primary` columns. */
interface IdentityParts {
  id?: unknown;
  primary?: unknown;
}

/**
 * The values of one flat row (undefined: no value) → a nested record. A value column sets its
 * dot path; an identity column gives `identityMap.<Namespace>: [{ id }]`, with `primary` when
 * that column has a value. A `primary` without an id adds nothing: there is no identity to mark.
 */
export function flatRecord(
  columns: readonly FlatColumn[],
  values: readonly unknown[],
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const identities = new Map<string, IdentityParts>();
  for (const [i, column] of columns.entries()) {
    const value = values[i];
    if (value === undefined) continue;
    if (column.kind === 'value') {
      setPath(record, column.segments, value);
      continue;
    }
    const parts = identities.get(column.namespace) ?? {};
    if (column.kind === 'identity') parts.id = value;
    else parts.primary = value;
    identities.set(column.namespace, parts);
  }
  for (const [namespace, { id, primary }] of identities) {
    if (id === undefined) continue;
    setPath(record, ['identityMap', namespace], [primary === undefined ? { id } : { id, primary }]);
  }
  return record;
}
