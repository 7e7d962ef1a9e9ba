import * as cypher from '../../../src/storage/neo4j/cypher';
import type { Statement } from '../../../src/storage/neo4j/cypher';
import { GRAPH_MODEL } from '../../../src/storage/neo4j/cypher/graphModel';
import { allExamples, STATEMENT_EXAMPLES } from './statementExamples';

/**
 * Every statement of the Neo4j adapter, checked with Neo4j's own Cypher parser and semantic
 * analysis (@neo4j-cypher/language-support), offline. The schema given to the checker is the
 * graph model plus the statement's own parameters, so a misspelt label, type or property key, or
 * a parameter the builder forgot, is reported too. Any diagnostic fails: errors, and warnings
 * (deprecations, unknown names, cartesian products).
 */

// ES-module-typed package: import() keeps TypeScript's CommonJS output legal (see
// loadHyparquet); under jest it becomes a require() of the package's CommonJS build.
const loadLinter = () => import('@neo4j-cypher/language-support');

type Linter = Awaited<ReturnType<typeof loadLinter>>;
let linter: Linter;
beforeAll(async () => {
  linter = await loadLinter();
});

const diagnosticsOf = (statement: Statement): string[] =>
  linter
    .lintCypherQuery(
      statement.cypher,
      {
        labels: [...GRAPH_MODEL.labels],
        relationshipTypes: [...GRAPH_MODEL.relationshipTypes],
        propertyKeys: [...GRAPH_MODEL.propertyKeys],
        parameters: { ...statement.params },
      },
      { consoleCommandsEnabled: false },
    )
    .diagnostics.map((d) => {
      const message = typeof d.message === 'string' ? d.message : d.message.value;
      return `${d.severity === 1 ? 'error' : 'warning'}: ${message}`;
    });

/** Node and relationship patterns that name a label or type, up to their closing bracket. */
const LABELLED_PATTERN = /[([]\w*:\w+[^)\]]*/g;
const isSchemaStatement = (s: Statement) => /^CREATE (CONSTRAINT|INDEX) /.test(s.cypher);
/** Statements that read or write data (not the schema, not the ping). */
const dataExamples = () =>
  allExamples().filter(([, s]) => !isSchemaStatement(s) && LABELLED_PATTERN.test(s.cypher));

describe('Cypher statements, checked offline', () => {
  it('cover every export of the cypher folder', () => {
    expect(Object.keys(STATEMENT_EXAMPLES).sort()).toEqual(Object.keys(cypher).sort());
  });

  it.each(allExamples())('%s has no error or warning', (_name, statement) => {
    expect(diagnosticsOf(statement)).toEqual([]);
  });

  it.each(dataExamples())('%s matches every node and link by sandbox', (_name, statement) => {
    expect(statement.params['sandbox']).toEqual(expect.any(String));
    const patterns = statement.cypher.match(LABELLED_PATTERN) ?? [];
    for (const pattern of patterns) expect(pattern).toContain('{sandbox: $sandbox');
  });

  it.each(allExamples())('%s uses no variable-length traversal', (_name, statement) => {
    expect(statement.cypher).not.toMatch(/\[[^\]]*\*[^\]]*\]/);
  });
});

describe('the offline checker (canaries: a broken checker reports nothing)', () => {
  const check = (cypherText: string, params: Record<string, unknown> = {}) =>
    diagnosticsOf({ cypher: cypherText, params });

  it('rejects Neo4j 4 constraint syntax', () => {
    expect(check('CREATE CONSTRAINT ON (n:Identity) ASSERT n.key IS UNIQUE')).toEqual([
      expect.stringMatching(/^error: Invalid constraint syntax/),
    ]);
  });

  it('rejects an undefined variable and a parameter the statement was not given', () => {
    expect(check('MATCH (n:Identity) RETURN m')).toEqual([expect.stringMatching(/^error: /)]);
    expect(check('MATCH (n:Identity {sandbox: $sandbox}) RETURN n')).toEqual([
      'error: Parameter $sandbox is not defined.',
    ]);
  });

  it('warns about deprecations and names outside the graph model', () => {
    expect(check('MATCH (n:Identity) RETURN id(n)')).toEqual([
      expect.stringMatching(/^warning: .*deprecated/),
    ]);
    expect(check('MATCH (n:Identiy) RETURN n.graphid')).toHaveLength(2);
  });
});
