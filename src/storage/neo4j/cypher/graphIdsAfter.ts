import type { Statement } from './Statement';

/**
 * Graph ids after `after`, in order, `limit` of them: a full scan in pages, served by the
 * (sandbox, graphId) index. Null `after` starts at the beginning (every id is greater than "").
 */
export const graphIdsAfter = (sandbox: string, after: string | null, limit: number): Statement => ({
  cypher: `MATCH (i:Identity {sandbox: $sandbox})
WHERE i.graphId > $after
WITH DISTINCT i.graphId AS graphId
ORDER BY graphId
LIMIT $limit
RETURN graphId`,
  params: { sandbox, after: after ?? '', limit },
});
