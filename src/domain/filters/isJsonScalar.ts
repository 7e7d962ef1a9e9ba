/** A JSON scalar: a string, number, boolean or null, the values IN lists may hold. */
export const isJsonScalar = (value: unknown): value is string | number | boolean | null =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'number' ||
  typeof value === 'boolean';
