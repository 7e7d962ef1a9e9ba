import type { FieldFilter } from '../filters/FieldFilter';

/** A filter with only its own fields (`value` left out when it was): no input object is kept. */
export const copyFilter = ({ path, op, value }: FieldFilter): FieldFilter =>
  value === undefined ? { path, op } : { path, op, value };
