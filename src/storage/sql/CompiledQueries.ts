import { type Compilable, CompiledQuery, type Kysely } from 'kysely';
import type { Tables } from './tables';

/** Lists longer than this are compiled every time: their SQL is long and rarely repeats. */
const MAX_CACHED_VALUES = 64;
/** Catalog answers kept at most (one per shape and values); all are dropped when full. */
const MAX_CATALOG_ANSWERS = 1000;
/**
 * Longest key (shape and values) an answer is kept under: values come from requests (a
 * namespace code can be any string), and 1000 answers under keys of megabytes would hold
 * gigabytes. Real catalog reads are far below it.
 */
const MAX_CATALOG_KEY_CHARS = 4096;

/**
 * Where catalog answers may be kept between requests: reads on `db` itself (not in a
 * transaction, not on a snapshot), while `stamp` is unchanged. The stamp must change whenever
 * a catalog table may have changed, by this connection or another.
 */
export interface CatalogMemo {
  db: Kysely<Tables>;
  stamp(): string;
}

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
  private readonly answers = new Map<string, { stamp: string; rows: readonly unknown[] }>();

  constructor(private readonly memo: CatalogMemo | null = null) {}

  /**
   * As `rows`, for reads of the catalog (namespaces, policies, datasets, settings): a lookup
   * makes four, and they rarely change. Their rows are kept while the memo's stamp says
   * nothing could have changed them; the rows come back frozen, shared by every caller.
   */
  async catalogRows<R>(
    db: Kysely<Tables>,
    shape: string,
    parameters: readonly unknown[],
    build: () => Compilable<R>,
  ): Promise<readonly R[]> {
    if (this.memo?.db !== db) return this.rows(db, shape, parameters, build);
    const key = `${shape}\u0000${JSON.stringify(parameters)}`;
    if (key.length > MAX_CATALOG_KEY_CHARS) return this.rows(db, shape, parameters, build);
    // Taken before the read: a change made meanwhile moves the stamp, so the answer kept
    // under this one is never used.
    const stamp = this.memo.stamp();
    const kept = this.answers.get(key);
    if (kept?.stamp === stamp) return kept.rows as readonly R[];
    const rows = await this.rows(db, shape, parameters, build);
    for (const row of rows) Object.freeze(row);
    if (this.answers.size >= MAX_CATALOG_ANSWERS) this.answers.clear();
    this.answers.set(key, { stamp, rows: Object.freeze(rows) });
    return rows;
  }

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
