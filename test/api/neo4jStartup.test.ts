import { closedPort } from '../support/closedPort';
import { startMain } from '../support/mainProcess';

describe('start-up with Neo4j configured', () => {
  it('stops at once, without a stack trace, when Neo4j is unreachable', async () => {
    const uri = `bolt://127.0.0.1:${await closedPort()}`;
    const main = startMain({ PORT: '0', TESSERA_DATA: ':memory:', NEO4J_URI: uri });
    expect(await main.exited).toBe(1);
    expect(main.output()).toContain(
      `Tessera failed to start: NEO4J_URI="${uri}": cannot use Neo4j`,
    );
    expect(main.output()).not.toContain('    at ');
  });
});
