import type { Statement } from './Statement';

/**
 * Whole graphs, one row per graph id (`nodes`, `links`), each part read by the sandbox and
 * graph id indexes: membership is a property, so no traversal is needed (and none is bounded
 * by anything but the graph's size, which the domain caps).
 */
const WHOLE_GRAPHS = `CALL (graphId) {
  MATCH (i:Identity {sandbox: $sandbox, graphId: graphId})
  RETURN collect(i {.key, .namespace, .id, .type, .firstSeen, .lastSeen, .graphId}) AS nodes
}
CALL (graphId) {
  MATCH (a:Identity {sandbox: $sandbox})
    -[l:LINKED {sandbox: $sandbox, graphId: graphId}]->(b:Identity {sandbox: $sandbox})
  RETURN collect(l {.key, a: a.key, b: b.key, .datasets, .firstSeen, .lastSeen, .graphId}) AS links
}
RETURN nodes, links`;

/** Every identity and link of these graphs. */
export const loadGraphsById = (sandbox: string, graphIds: readonly string[]): Statement => ({
  cypher: `UNWIND $graphIds AS graphId
${WHOLE_GRAPHS}`,
  params: { sandbox, graphIds: [...new Set(graphIds)] },
});

/** Every identity of these graphs, by the sandbox and graph id index, without links. */
export const membersOfGraphs = (sandbox: string, graphIds: readonly string[]): Statement => ({
  cypher: `UNWIND $graphIds AS graphId
MATCH (i:Identity {sandbox: $sandbox, graphId: graphId})
RETURN i {.key, .namespace, .id, .type, .firstSeen, .lastSeen, .graphId} AS node`,
  params: { sandbox, graphIds: [...new Set(graphIds)] },
});

/** Every identity and link of the graphs holding any of these identity keys. */
export const loadGraphsOfKeys = (sandbox: string, keys: readonly string[]): Statement => ({
  cypher: `MATCH (k:Identity {sandbox: $sandbox})
WHERE k.key IN $keys
WITH DISTINCT k.graphId AS graphId
${WHOLE_GRAPHS}`,
  params: { sandbox, keys: [...new Set(keys)] },
});
