import { flatColumns } from '../../../src/batch/readers/flatColumns';
import { field } from './readerFixtures';

describe('flatColumns', () => {
  it('reads dot paths, identity columns and their primary flags, with schema fields', () => {
    const points = field('loyalty.points', 'INTEGER');
    expect(
      flatColumns(
        [' loyalty.points ', 'unknown', 'identityMap.Email', 'identityMap.Email.primary'],
        [points],
      ),
    ).toEqual([
      { kind: 'value', path: 'loyalty.points', segments: ['loyalty', 'points'], field: points },
      { kind: 'value', path: 'unknown', segments: ['unknown'], field: undefined },
      { kind: 'identity', path: 'identityMap.Email', namespace: 'Email' },
      { kind: 'primary', path: 'identityMap.Email.primary', namespace: 'Email' },
    ]);
  });

  it('takes a column named identityMap as a value (the whole map, as JSON)', () => {
    expect(flatColumns(['identityMap'])).toEqual([
      { kind: 'value', path: 'identityMap', segments: ['identityMap'], field: undefined },
    ]);
  });

  it.each([
    [['a', ' '], 'column names: column 2 has no name'],
    [['a..b'], 'column names: "a..b" is not a dot path'],
    [['.a'], 'column names: ".a" is not a dot path'],
    [['a', ' a'], 'column names: "a" is named twice'],
    [['person.name', 'person'], 'column names: "person.name" is inside column "person"'],
    [
      ['identityMap', 'identityMap.Email'],
      'column names: "identityMap.Email" is inside column "identityMap"',
    ],
    [
      ['identityMap.Email.primary'],
      'column names: "identityMap.Email.primary" needs an "identityMap.Email" column',
    ],
    [
      ['identityMap.Email.id'],
      'column names: "identityMap.Email.id": identity columns are identityMap.<Namespace> (the id) and identityMap.<Namespace>.primary',
    ],
  ])('refuses %j', (names, message) => {
    expect(() => flatColumns(names)).toThrow(new Error(message));
  });
});
