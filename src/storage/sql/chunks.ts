/**
 * Splits work into pieces small enough for one statement: SQLite allows 32766 bound values
 * per statement and PostgreSQL 65535; `perItem` is how many values one item binds.
 */
export function chunks<T>(items: readonly T[], perItem = 1, maxValues = 30000): T[][] {
  const size = Math.max(1, Math.floor(maxValues / perItem));
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
