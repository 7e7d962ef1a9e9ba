import type { IdentitySettings } from '../../../domain/identity/IdentitySettings';
import type { Statement } from './Statement';

/**
 * Ids of graphs over the size limit or holding two values of a unique namespace: a graph
 * breaks the unique rule when it has more identities of unique namespaces than distinct such
 * namespaces. It reads every identity of the sandbox (like the SQL adapter's GROUP BY); it runs
 * in the background repair, not on the ingestion path.
 */
export const graphsBreaking = (
  sandbox: string,
  settings: IdentitySettings,
  limit: number,
): Statement => ({
  cypher: `MATCH (i:Identity {sandbox: $sandbox})
WITH i.graphId AS graphId, count(*) AS members,
  count(CASE WHEN i.namespace IN $uniqueNamespaces THEN 1 END) AS uniqueIdentities,
  count(DISTINCT CASE WHEN i.namespace IN $uniqueNamespaces THEN i.namespace END) AS uniqueKinds
WHERE members > $maxGraphSize OR uniqueIdentities > uniqueKinds
RETURN graphId
LIMIT $limit`,
  params: {
    sandbox,
    uniqueNamespaces: settings.uniqueNamespaces,
    maxGraphSize: settings.maxGraphSize,
    limit,
  },
});
