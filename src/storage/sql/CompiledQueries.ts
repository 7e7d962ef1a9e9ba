import { type Compilable, CompiledQuery, type Kysely } from 'kysely';
import type { Tables } from './tables';

/** Lists longer than this are compiled every time: their SQL is long and rarely repeats. */
const MAX_CACHED_VALUES = 64;

/**
 * The SQL of frequent small queries (a profile lookup's), compiled once per shape: building
 * and compiling a Kysely query costs more CPU than SQLite spends running such a statement.
 * A shape names a query and the length of each list it binds, so that its SQL text is always
 * the same; `parameters` are its values in the order the compiled SQL binds them. That order
 * is checked against Kysely's whenever a shape is compiled. One per store: the SQL is its
 * dialect's.
 */
export class CompiledQueries {
  private readonly texts = new Map<string, string>();

  async rows<R>(
    db: Kysely<Tables>,
    shape: string,
    parameters: readonly unknown[],
    build: () => Compilable<R>,
  ): Promise<R[]> {
    const sql = this.texts.get(shape);
    if (sql !== undefined)
      return (await db.executeQuery<R>(CompiledQuery.raw(sql, [...parameters]))).rows;
    const compiled = build().compile();
    if (!sameValues(compiled.parameters, parameters)) {
      throw new Error(`query "${shape}" binds its values in another order than given`);
    }
    if (parameters.length <= MAX_CACHED_VALUES) this.texts.set(shape, compiled.sql);
    return (await db.executeQuery(compiled)).rows;
  }
}

const sameValues = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((value, i) => value === b[i]);
