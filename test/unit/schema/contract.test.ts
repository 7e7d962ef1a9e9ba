import { printGraphQLSchema } from '../../../src/graphql/buildGraphQLSchema';
import { breakingChanges } from './compareToContract';

describe('the emitted schema against the API contract (schema/contract.graphql)', () => {
  it('has every part of the contract, and breaks none of it', async () => {
    expect(await breakingChanges(await printGraphQLSchema())).toEqual([]);
  });

  it('notices an incompatible change (the check itself works)', async () => {
    const broken = (await printGraphQLSchema()).replace(
      /(type XdmSchema \{[^}]*?)version: Int!/,
      '$1version: String!',
    );
    expect(await breakingChanges(broken)).toContain(
      "XdmSchema.version: Field 'XdmSchema.version' changed type from 'Int!' to 'String!'",
    );
  });
});
