import type { Statement } from '../../../src/storage/neo4j/cypher';
import { allExamples } from './statementExamples';

/** Identity and link keys hold control characters (unit and record separators): show them. */
const visible = (statement: Statement): unknown =>
  JSON.parse(
    JSON.stringify(statement)
      .replace(/\\u001f/g, '␟')
      .replace(/\\u001e/g, '␞'),
  );

/**
 * The exact Cypher and parameters each builder produces for representative inputs. A change
 * shows up in review as a snapshot diff; `npx jest -u` records an intended one.
 */
describe('Cypher builders', () => {
  it.each(allExamples())('%s', (_name, statement) => {
    expect(visible(statement)).toMatchSnapshot();
  });
});
