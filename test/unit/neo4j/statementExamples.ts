import type { IdentityType } from '../../../src/domain/enumValues';
import { linkKey } from '../../../src/domain/identity/GraphNode';
import { DEFAULT_IDENTITY_SETTINGS } from '../../../src/domain/identity/IdentitySettings';
import * as cypher from '../../../src/storage/neo4j/cypher';
import type { Statement } from '../../../src/storage/neo4j/cypher';

const SANDBOX = 'demo';
const AT = Date.UTC(2026, 0, 2, 3, 4, 5, 678);
const EMAIL = 'Email\u001fann@example.com';
const CRM = 'CRMID\u001fc1';

const node = (key: string, type: IdentityType, graphId: string) => {
  const [namespace = '', id = ''] = key.split('\u001f');
  return { key, namespace, id, type, firstSeen: AT, lastSeen: AT, graphId };
};

const link = { key: linkKey(CRM, EMAIL), a: CRM, b: EMAIL, datasets: ['d1', 'd2'] };

/**
 * Every statement the adapter can run, built from representative inputs (empty and non-empty
 * lists), by export name. A new export of the cypher folder must be added here: the tests
 * check that none is missing.
 */
export const STATEMENT_EXAMPLES: Record<keyof typeof cypher, readonly Statement[]> = {
  SCHEMA_STATEMENTS: cypher.SCHEMA_STATEMENTS,
  PING: [cypher.PING],
  loadGraphsById: [cypher.loadGraphsById(SANDBOX, ['g1', 'g2', 'g1'])],
  loadGraphsOfKeys: [cypher.loadGraphsOfKeys(SANDBOX, [EMAIL, CRM])],
  membersOfGraphs: [cypher.membersOfGraphs(SANDBOX, ['g1', 'g2', 'g1'])],
  saveGraphChanges: [
    cypher.saveGraphChanges(SANDBOX, { nodes: [], links: [], removedLinks: [] }),
    cypher.saveGraphChanges(SANDBOX, {
      nodes: [node(CRM, 'PERSON', 'g1'), node(EMAIL, 'EMAIL', 'g1')],
      links: [{ ...link, firstSeen: AT, lastSeen: AT + 1, graphId: 'g1' }],
      removedLinks: [linkKey(EMAIL, 'Phone\u001f+15550100')],
    }),
  ],
  graphIdsAfter: [
    cypher.graphIdsAfter(SANDBOX, null, 1000),
    cypher.graphIdsAfter(SANDBOX, 'g1', 10),
  ],
  graphsBreaking: [
    cypher.graphsBreaking(SANDBOX, DEFAULT_IDENTITY_SETTINGS, 100),
    cypher.graphsBreaking(SANDBOX, { ...DEFAULT_IDENTITY_SETTINGS, uniqueNamespaces: [] }, 1),
  ],
  readIdentitySettings: [cypher.readIdentitySettings(SANDBOX)],
  writeIdentitySettings: [
    cypher.writeIdentitySettings(SANDBOX, DEFAULT_IDENTITY_SETTINGS, new Date(AT)),
  ],
};

export const allExamples = (): [string, Statement][] =>
  Object.entries(STATEMENT_EXAMPLES).flatMap(([name, statements]) =>
    statements.map((s, i): [string, Statement] => [`${name} #${i + 1}`, s]),
  );
