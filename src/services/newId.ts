import { randomBytes } from 'node:crypto';

/** A short random id with a readable prefix, e.g. `sch_Zb3k9QwA1xYt`. 72 random bits. */
export const newId = (prefix: string): string =>
  `${prefix}_${randomBytes(9).toString('base64url')}`;
