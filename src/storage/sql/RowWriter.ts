import type { Kysely } from 'kysely';
import { chunks } from './chunks';
import type { Tables } from './tables';

export interface Upsert<T extends keyof Tables> {
  table: T;
  rows: readonly Tables[T][];
  /** The columns of the unique key rows may clash on. */
  key: readonly (keyof Tables[T] & string)[];
  /** Columns a clash overwrites with the new row's values; empty: keep the old row. */
  update: readonly (keyof Tables[T] & string)[];
}

/** How a store writes many rows at once: the hot path of ingestion. */
export interface RowWriter {
  upsert<T extends keyof Tables>(db: Kysely<Tables>, upsert: Upsert<T>): Promise<void>;
}

/** Multi-row INSERT … ON CONFLICT statements through Kysely: portable across dialects. */
export const multiRowWriter: RowWriter = {
  async upsert<T extends keyof Tables>(
    db: Kysely<Tables>,
    { table, rows, key, update }: Upsert<T>,
  ) {
    const first = rows[0];
    if (first === undefined) return;
    for (const part of chunks(rows, Object.keys(first).length)) {
      // Kysely's types cannot follow a table chosen at run time; the Upsert type checks the rows.
      const insert = db
        .insertInto(table as 'fragments')
        .values(part as unknown as Tables['fragments'][]);
      await insert
        .onConflict((oc) => {
          const target = oc.columns(key as unknown as (keyof Tables['fragments'])[]);
          if (update.length === 0) return target.doNothing();
          return target.doUpdateSet((eb) =>
            Object.fromEntries(
              update.map((c) => [c, eb.ref(`excluded.${c}` as 'excluded.sandbox')]),
            ),
          );
        })
        .execute();
    }
  },
};
