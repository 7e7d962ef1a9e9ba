import type { GraphChanges } from '../../../domain/identity/GraphWorkspace';
import type { Statement } from './Statement';

/**
 * What a workspace changed, in one statement (one round trip, one transaction): identities
 * and links are MERGEd by their keys and given their whole state, so running it again changes
 * nothing (idempotent), and removed links are deleted. Each part is a subquery that returns one
 * count row even for an empty list, so no part stops the next. A link is made only between
 * identities of this sandbox; the counts let the caller check that every link found its ends.
 * Relabelling on a union is just the new `graphId` on the moved identities and their links.
 */
export const saveGraphChanges = (sandbox: string, changes: GraphChanges): Statement => ({
  cypher: `CALL () {
  UNWIND $nodes AS node
  MERGE (i:Identity {sandbox: $sandbox, key: node.key})
  SET i.namespace = node.namespace, i.id = node.id, i.type = node.type,
    i.firstSeen = node.firstSeen, i.lastSeen = node.lastSeen, i.graphId = node.graphId
  RETURN count(i) AS nodesSaved
}
CALL () {
  UNWIND $removedLinks AS removed
  MATCH (:Identity {sandbox: $sandbox})
    -[l:LINKED {sandbox: $sandbox, key: removed}]->(:Identity {sandbox: $sandbox})
  DELETE l
  RETURN count(*) AS linksRemoved
}
CALL () {
  UNWIND $links AS link
  MATCH (a:Identity {sandbox: $sandbox, key: link.a})
  MATCH (b:Identity {sandbox: $sandbox, key: link.b})
  MERGE (a)-[l:LINKED {sandbox: $sandbox, key: link.key}]->(b)
  SET l.datasets = link.datasets, l.firstSeen = link.firstSeen, l.lastSeen = link.lastSeen,
    l.graphId = link.graphId
  RETURN count(l) AS linksSaved
}
RETURN nodesSaved, linksRemoved, linksSaved`,
  params: {
    sandbox,
    nodes: changes.nodes.map((n) => ({
      key: n.key,
      namespace: n.namespace,
      id: n.id,
      type: n.type,
      firstSeen: n.firstSeen,
      lastSeen: n.lastSeen,
      graphId: n.graphId,
    })),
    links: changes.links.map((l) => ({
      key: l.key,
      a: l.a,
      b: l.b,
      datasets: l.datasets,
      firstSeen: l.firstSeen,
      lastSeen: l.lastSeen,
      graphId: l.graphId,
    })),
    removedLinks: changes.removedLinks,
  },
});
