import {
  type IdentityMapContents,
  type IdentityMapEntry,
  readIdentityMap,
} from '../../../../src/domain/records/readIdentityMap';
import { recordError } from '../../../../src/domain/records/RecordError';

const entry = (key: string, i: number, id: string, primary = false): IdentityMapEntry => ({
  key,
  id,
  primary,
  path: `identityMap.${key}[${i}].id`,
});

const malformed = (path: string, message: string) =>
  recordError('SCHEMA_VALIDATION', message, path);

const ENTRY_SHAPE = 'an object { id, primary }';

describe('readIdentityMap', () => {
  it.each<[string, unknown, IdentityMapContents]>([
    ['nothing from an absent map', undefined, { entries: [], errors: [] }],
    ['nothing from a null map', null, { entries: [], errors: [] }],
    ['nothing from an empty map', {}, { entries: [], errors: [] }],
    ['nothing from an empty list', { Email: [] }, { entries: [], errors: [] }],
    [
      'entries in key, then array order',
      {
        Phone: [{ id: '1' }],
        Email: [
          { id: 'b', primary: true },
          { id: 'a', primary: false },
        ],
      },
      {
        entries: [entry('Phone', 0, '1'), entry('Email', 0, 'b', true), entry('Email', 1, 'a')],
        errors: [],
      },
    ],
    [
      'values as written, untrimmed, keys in their own spelling',
      { eMaIl: [{ id: '  A@X.com ' }], Unknown_NS: [{ id: '' }] },
      { entries: [entry('eMaIl', 0, '  A@X.com '), entry('Unknown_NS', 0, '')], errors: [] },
    ],
    [
      'a null primary as false, and other item properties ignored',
      { ECID: [{ id: 'x', primary: null, authenticatedState: 'ambiguous' }] },
      { entries: [entry('ECID', 0, 'x')], errors: [] },
    ],
  ])('reads %s', (_, identityMap, expected) => {
    expect(readIdentityMap(identityMap)).toEqual(expected);
  });

  it.each<[string, unknown, [path: string, message: string][]]>([
    [
      'a string map',
      'Email',
      [['identityMap', 'must be an object of arrays of { id, primary }, got string']],
    ],
    [
      'an array map',
      [{ id: 'x' }],
      [['identityMap', 'must be an object of arrays of { id, primary }, got array']],
    ],
    [
      'a number map',
      42,
      [['identityMap', 'must be an object of arrays of { id, primary }, got number']],
    ],
    [
      'a boolean map',
      true,
      [['identityMap', 'must be an object of arrays of { id, primary }, got boolean']],
    ],
    [
      'a string list',
      { Email: 'a@x.com' },
      [['identityMap.Email', 'must be an array of { id, primary }, got string']],
    ],
    [
      'an object list',
      { Email: { id: 'a' } },
      [['identityMap.Email', 'must be an array of { id, primary }, got object']],
    ],
    [
      'a null list',
      { Email: null },
      [['identityMap.Email', 'must be an array of { id, primary }, got null']],
    ],
    [
      'a string item',
      { Email: ['a@x.com'] },
      [['identityMap.Email[0]', `must be ${ENTRY_SHAPE}, got string`]],
    ],
    [
      'a null item',
      { Email: [null] },
      [['identityMap.Email[0]', `must be ${ENTRY_SHAPE}, got null`]],
    ],
    [
      'an array item',
      { Email: [[{ id: 'a' }]] },
      [['identityMap.Email[0]', `must be ${ENTRY_SHAPE}, got array`]],
    ],
    [
      'an item without id',
      { Email: [{ primary: true }] },
      [['identityMap.Email[0].id', 'is required']],
    ],
    [
      'a number id',
      { Email: [{ id: 42 }] },
      [['identityMap.Email[0].id', 'must be a string, got number']],
    ],
    [
      'a null id',
      { Email: [{ id: null }] },
      [['identityMap.Email[0].id', 'must be a string, got null']],
    ],
    [
      'an object id',
      { Email: [{ id: { v: 'a' } }] },
      [['identityMap.Email[0].id', 'must be a string, got object']],
    ],
    [
      'a string primary',
      { Email: [{ id: 'a', primary: 'yes' }] },
      [['identityMap.Email[0].primary', 'must be a boolean, got string']],
    ],
    [
      'a number primary',
      { Email: [{ id: 'a', primary: 1 }] },
      [['identityMap.Email[0].primary', 'must be a boolean, got number']],
    ],
    [
      'both a bad id and a bad primary',
      { Email: [{ id: 1, primary: 'no' }] },
      [
        ['identityMap.Email[0].id', 'must be a string, got number'],
        ['identityMap.Email[0].primary', 'must be a boolean, got string'],
      ],
    ],
  ])('calls %s SCHEMA_VALIDATION', (_, identityMap, expected) => {
    expect(readIdentityMap(identityMap)).toEqual({
      entries: [],
      errors: expected.map(([path, message]) => malformed(path, message)),
    });
  });

  it('reports every malformed part and keeps the well-formed ones', () => {
    const identityMap = {
      Email: [{ id: 1 }, { id: 'ok@x.com' }, 'bad'],
      Phone: 'x',
      ECID: [{ id: 'e', primary: true }],
    };
    expect(readIdentityMap(identityMap)).toEqual({
      entries: [entry('Email', 1, 'ok@x.com'), entry('ECID', 0, 'e', true)],
      errors: [
        malformed('identityMap.Email[0].id', 'must be a string, got number'),
        malformed('identityMap.Email[2]', `must be ${ENTRY_SHAPE}, got string`),
        malformed('identityMap.Phone', 'must be an array of { id, primary }, got string'),
      ],
    });
  });
});
