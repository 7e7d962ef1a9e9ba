import type { Statement } from './Statement';

const statement = (cypher: string): Statement => ({ cypher, params: {} });

/**
 * Constraints and indexes, created at start-up (IF NOT EXISTS: a no-op once there). The
 * uniqueness constraints make MERGE safe under concurrent writers and back every lookup by
 * key; the graph id indexes serve every read of whole graphs. Relationship constraints and
 * indexes need Neo4j 5.7 or later. Sandbox comes first in each, so it is always filtered.
 */
export const SCHEMA_STATEMENTS: readonly Statement[] = [
  statement(
    'CREATE CONSTRAINT tessera_identity_key IF NOT EXISTS ' +
      'FOR (i:Identity) REQUIRE (i.sandbox, i.key) IS UNIQUE',
  ),
  statement(
    'CREATE INDEX tessera_identity_graph IF NOT EXISTS FOR (i:Identity) ON (i.sandbox, i.graphId)',
  ),
  statement(
    'CREATE CONSTRAINT tessera_link_key IF NOT EXISTS ' +
      'FOR ()-[l:LINKED]-() REQUIRE (l.sandbox, l.key) IS UNIQUE',
  ),
  statement(
    'CREATE INDEX tessera_link_graph IF NOT EXISTS FOR ()-[l:LINKED]-() ON (l.sandbox, l.graphId)',
  ),
  statement(
    'CREATE CONSTRAINT tessera_settings_sandbox IF NOT EXISTS ' +
      'FOR (s:IdentitySettings) REQUIRE s.sandbox IS UNIQUE',
  ),
];
