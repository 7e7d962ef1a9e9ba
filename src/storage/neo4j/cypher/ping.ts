import type { Statement } from './Statement';

/** Readiness: the database answers a trivial query. */
export const PING: Statement = { cypher: 'RETURN 1 AS ok', params: {} };
