import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FILTER_OPERATORS } from '../../../../src/domain/filters/FieldFilter';

describe('FILTER_OPERATORS', () => {
  it('lists the values of the contract enum FilterOperator, in its order', () => {
    const contract = readFileSync(join(__dirname, '../../../../schema/contract.graphql'), 'utf8');
    const body = /enum FilterOperator \{([^}]*)\}/.exec(contract)?.[1] ?? '';
    expect(FILTER_OPERATORS).toStrictEqual(body.split(/\s+/).filter((name) => name !== ''));
  });
});
