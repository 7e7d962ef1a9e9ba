/**
 * What the statements in this folder may name, for the offline Cypher check (which warns about
 * any label, type or property key not listed). Every node and relationship carries `sandbox`
 * and is matched by it (SEMANTICS §0).
 *
 * (:Identity {sandbox, key, namespace, id, type, firstSeen, lastSeen, graphId})
 *   -[:LINKED {sandbox, key, datasets, firstSeen, lastSeen, graphId}]->(:Identity)
 * (:IdentitySettings {sandbox, settings, updatedAt})
 *
 * A link points from its `a` end to its `b` end (a < b by key, as GraphLink stores it). Times
 * are epoch milliseconds as integers; graph membership is the `graphId` property, on links
 * too, so a graph is read by index and never by traversal.
 */
export const GRAPH_MODEL = {
  labels: ['Identity', 'IdentitySettings'],
  relationshipTypes: ['LINKED'],
  propertyKeys: [
    'sandbox',
    'key',
    'namespace',
    'id',
    'type',
    'firstSeen',
    'lastSeen',
    'graphId',
    'datasets',
    'settings',
    'updatedAt',
    // Fields of the parameter maps a statement unwinds (the ends of a link).
    'a',
    'b',
  ],
} as const;
