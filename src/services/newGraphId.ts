import { randomBytes } from 'node:crypto';

// Graph ids are made for every new identity, so they must be cheap: one random prefix per
// process (no clash with another process or a restart) and a counter.
const prefix = `g${randomBytes(6).toString('base64url')}`;
let counter = 0;

/** A graph id unique across processes: `g<process prefix>.<counter>`. */
export const newGraphId = (): string => `${prefix}.${(counter++).toString(36)}`;
