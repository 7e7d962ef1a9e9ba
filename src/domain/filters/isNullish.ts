/** Null or absent: what EQ null matches and EXISTS false means (SEMANTICS §4/§5 filters). */
export const isNullish = (value: unknown): value is null | undefined =>
  value === null || value === undefined;
