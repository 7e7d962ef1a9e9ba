import type { ValidateFunction } from 'ajv';
import { type RecordError, recordError } from '../../../../src/domain/records/RecordError';
import { RecordValidators } from '../../../../src/domain/records/RecordValidators';
import { validateRecord } from '../../../../src/domain/records/validateRecord';
import { EVENT_SCHEMA, PROFILE_SCHEMA } from './validationFixtures';

const validate = new RecordValidators().forSchema(PROFILE_SCHEMA);

/** A valid record holding only the required field, plus `extra`. */
const check = (extra: Record<string, unknown>): RecordError[] =>
  validate({ name: 'Ada', ...extra });

const invalid = (path: string, message: string): RecordError =>
  recordError('SCHEMA_VALIDATION', message, path);

const DATE = 'DATE (YYYY-MM-DD)';
const DATE_TIME = 'DATE_TIME (ISO-8601 with a time zone, or epoch milliseconds)';

describe('validateRecord', () => {
  it.each<[string, Record<string, unknown>]>([
    ['STRING', { name: 'Ada Lovelace' }],
    ['an empty STRING', { name: '' }],
    ['INTEGER', { age: 36 }],
    ['a negative INTEGER', { age: -3 }],
    ['an INTEGER written 2.0 (JSON cannot tell it from 2)', { age: 2.0 }],
    ['NUMBER', { score: 1.5 }],
    ['a whole NUMBER', { score: 7 }],
    ['BOOLEAN true', { vip: true }],
    ['BOOLEAN false', { vip: false }],
    ['DATE', { birthDate: '1815-12-10' }],
    ['DATE on a leap day', { birthDate: '2024-02-29' }],
    ['DATE_TIME with Z', { seenAt: '2024-01-01T10:00:00Z' }],
    ['DATE_TIME with an offset and fraction', { seenAt: '2024-01-01T10:00:00.123+02:00' }],
    ['DATE_TIME as epoch milliseconds', { seenAt: 1704067200000 }],
    ['DATE_TIME as zero epoch milliseconds', { seenAt: 0 }],
    ['DATE_TIME before 1970', { seenAt: -86400000 }],
    ['ARRAY<STRING>', { tags: ['a', 'b'] }],
    ['an empty ARRAY', { tags: [] }],
    ['ARRAY<DATE>', { dates: ['2024-01-01', '2024-12-31'] }],
    ['ARRAY<DATE_TIME> of both forms', { times: ['2024-01-01T00:00:00Z', 1704067200000] }],
    ['ARRAY<ARRAY> of anything', { matrix: [[1, 'a', null], [], [{ a: 1 }]] }],
    ['a nested object', { person: { name: { first: 'Ada', last: 'Lovelace' } } }],
    ['an empty object whose fields are optional', { person: {} }],
    ['a free-form OBJECT', { prefs: { anything: [1, { deep: true }], at: null } }],
    ['an empty free-form OBJECT', { prefs: {} }],
    ['any identityMap (extractIdentities checks it)', { identityMap: { Email: 'x', odd: 1 } }],
    [
      'ARRAY<OBJECT> items with their fields',
      {
        orders: [{ sku: 'a', qty: 2, meta: { any: 'thing' }, lines: [{ n: 1 }, {}] }, { sku: 'b' }],
      },
    ],
    ['ARRAY<OBJECT> without item fields: free-form items', { blobs: [{ x: 1 }, { y: [2] }, {}] }],
    [
      'the implicit last-updated date',
      { extSourceSystemAudit: { lastUpdatedDate: 1704067200000 } },
    ],
    [
      'null for every optional field (absent, or removed by a MERGE)',
      {
        age: null,
        score: null,
        vip: null,
        birthDate: null,
        seenAt: null,
        tags: null,
        person: { name: { first: null, last: 'L' } },
        prefs: null,
        orders: [{ sku: 'a', qty: null }],
        identityMap: null,
      },
    ],
    ['a required field inside an absent optional object', { person: null }],
  ])('accepts %s', (_, extra) => {
    expect(check(extra)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, [path: string, message: string][]]>([
    // No coercion: JSON values are taken as they are.
    ['a string for INTEGER', { age: '42' }, [['age', 'must be INTEGER, got string']]],
    ['a fraction for INTEGER', { age: 1.5 }, [['age', 'must be INTEGER, got number']]],
    ['a boolean for INTEGER', { age: true }, [['age', 'must be INTEGER, got boolean']]],
    ['a string for NUMBER', { score: '1.5' }, [['score', 'must be NUMBER, got string']]],
    ['an array for NUMBER', { score: [1] }, [['score', 'must be NUMBER, got array']]],
    ['a string for BOOLEAN', { vip: 'true' }, [['vip', 'must be BOOLEAN, got string']]],
    ['a number for BOOLEAN', { vip: 1 }, [['vip', 'must be BOOLEAN, got number']]],
    ['a number for STRING', { name: 42 }, [['name', 'must be STRING, got number']]],
    ['an object for STRING', { name: { first: 'A' } }, [['name', 'must be STRING, got object']]],
    ['null for a required field', { name: null }, [['name', 'must be STRING, got null']]],
    ['a number for DATE', { birthDate: 20240101 }, [['birthDate', `must be ${DATE}, got number`]]],
    [
      'a DATE_TIME for DATE',
      { birthDate: '2024-01-01T00:00:00Z' },
      [['birthDate', `is not a valid ${DATE}`]],
    ],
    [
      'a DATE without zero padding',
      { birthDate: '2024-1-1' },
      [['birthDate', `is not a valid ${DATE}`]],
    ],
    [
      'a DATE that does not exist',
      { birthDate: '2023-02-29' },
      [['birthDate', `is not a valid ${DATE}`]],
    ],
    ['a DATE month 13', { birthDate: '2024-13-01' }, [['birthDate', `is not a valid ${DATE}`]]],
    [
      'a DATE_TIME without a zone',
      { seenAt: '2024-01-01T10:00:00' },
      [['seenAt', `is not a valid ${DATE_TIME}`]],
    ],
    ['a DATE for DATE_TIME', { seenAt: '2024-01-01' }, [['seenAt', `is not a valid ${DATE_TIME}`]]],
    [
      'a DATE_TIME at 24:00',
      { seenAt: '2024-01-01T24:00:00Z' },
      [['seenAt', `is not a valid ${DATE_TIME}`]],
    ],
    [
      'epoch milliseconds as a string',
      { seenAt: '1704067200000' },
      [['seenAt', `is not a valid ${DATE_TIME}`]],
    ],
    [
      'fractional epoch milliseconds',
      { seenAt: 1.5 },
      [['seenAt', `must be ${DATE_TIME}, got number`]],
    ],
    [
      'epoch milliseconds past what a Date holds',
      { seenAt: 8.64e15 + 1 },
      [['seenAt', `is not a valid ${DATE_TIME}`]],
    ],
    [
      'epoch milliseconds before what a Date holds',
      { seenAt: -8.64e15 - 1 },
      [['seenAt', `is not a valid ${DATE_TIME}`]],
    ],
    [
      'a boolean for DATE_TIME',
      { seenAt: true },
      [['seenAt', `must be ${DATE_TIME}, got boolean`]],
    ],
    ['a string for ARRAY', { tags: 'a' }, [['tags', 'must be ARRAY<STRING>, got string']]],
    ['an object for ARRAY', { tags: { 0: 'a' } }, [['tags', 'must be ARRAY<STRING>, got object']]],
    ['a bad item', { tags: ['a', 'b', 3] }, [['tags[2]', 'must be STRING, got number']]],
    ['a null item', { tags: [null] }, [['tags[0]', 'must be STRING, got null']]],
    [
      'a bad DATE item',
      { dates: ['2024-01-01', '2024-02-30'] },
      [['dates[1]', `is not a valid ${DATE}`]],
    ],
    [
      'bad DATE_TIME items',
      { times: [1.5, '2024-01-01T00:00:00', 8.64e15 + 1] },
      [
        ['times[0]', `must be ${DATE_TIME}, got number`],
        ['times[1]', `is not a valid ${DATE_TIME}`],
        ['times[2]', `is not a valid ${DATE_TIME}`],
      ],
    ],
    [
      'a non-array item of ARRAY<ARRAY>',
      { matrix: [[], 1] },
      [['matrix[1]', 'must be ARRAY<ANY>, got number']],
    ],
    ['a string for OBJECT', { person: 'Ada' }, [['person', 'must be OBJECT, got string']]],
    ['an array for OBJECT', { prefs: [] }, [['prefs', 'must be OBJECT, got array']]],
    [
      'a scalar for identityMap',
      { identityMap: 'x' },
      [['identityMap', 'must be OBJECT, got string']],
    ],
    ['a missing required field', { name: undefined }, [['name', 'is required']]],
    [
      'a missing required nested field',
      { person: { name: { first: 'Ada' } } },
      [['person.name.last', 'is required']],
    ],
    [
      'an unknown top-level field',
      { nickname: 'A' },
      [['nickname', 'is not a field of the schema']],
    ],
    [
      'an unknown nested field',
      { person: { name: { last: 'L', middle: 'M' }, nick: 1 } },
      [
        ['person.nick', 'is not a field of the schema'],
        ['person.name.middle', 'is not a field of the schema'],
      ],
    ],
    [
      'an unknown field beside the implicit last-updated date',
      { extSourceSystemAudit: { lastUpdatedDate: 0, source: 'crm' } },
      [['extSourceSystemAudit.source', 'is not a field of the schema']],
    ],
    [
      'a bad implicit last-updated date',
      { extSourceSystemAudit: { lastUpdatedDate: 'yesterday' } },
      [['extSourceSystemAudit.lastUpdatedDate', `is not a valid ${DATE_TIME}`]],
    ],
    [
      'item-level errors, with the index in the path',
      { orders: [{ sku: 'a' }, { qty: '2' }, { sku: 'c', colour: 'red' }, 7] },
      [
        ['orders[1].sku', 'is required'],
        ['orders[1].qty', 'must be INTEGER, got string'],
        ['orders[2].colour', 'is not a field of the schema'],
        ['orders[3]', 'must be OBJECT, got number'],
      ],
    ],
    [
      'errors in arrays of objects inside arrays of objects',
      { orders: [{ sku: 'a', lines: [{ n: 1 }, { n: 'two' }, { m: 3 }] }] },
      [
        ['orders[0].lines[1].n', 'must be INTEGER, got string'],
        ['orders[0].lines[2].m', 'is not a field of the schema'],
      ],
    ],
    [
      'a non-object item without item fields',
      { blobs: [{}, 'x'] },
      [['blobs[1]', 'must be OBJECT, got string']],
    ],
    [
      'odd unknown names, kept as they are',
      { 'a.b': 1, '0': 2, 'x/y~z': 3 },
      [
        ['0', 'is not a field of the schema'],
        ['a.b', 'is not a field of the schema'],
        ['x/y~z', 'is not a field of the schema'],
      ],
    ],
  ])('rejects %s', (_, extra, expected) => {
    expect(check(extra)).toEqual(expected.map(([path, message]) => invalid(path, message)));
  });

  it('reports every problem of a record at once, required and unknown fields first', () => {
    const record = {
      x: 1,
      age: '1',
      seenAt: '2024-01-01',
      person: { name: { first: 2 } },
      orders: [{ sku: 's', qty: 1.5 }],
    };
    expect(validate(record)).toEqual([
      invalid('name', 'is required'),
      invalid('x', 'is not a field of the schema'),
      invalid('age', 'must be INTEGER, got string'),
      invalid('seenAt', `is not a valid ${DATE_TIME}`),
      invalid('person.name.last', 'is required'),
      invalid('person.name.first', 'must be STRING, got number'),
      invalid('orders[0].qty', 'must be INTEGER, got number'),
    ]);
  });

  it("requires an event's implicit _id and timestamp", () => {
    const event = new RecordValidators().forSchema(EVENT_SCHEMA);
    expect(event({ page: 'home' })).toEqual([
      invalid('_id', 'is required'),
      invalid('timestamp', 'is required'),
    ]);
    expect(event({ _id: 'e1', timestamp: 1704067200000, page: null })).toEqual([]);
    expect(event({ _id: 'e1', timestamp: null })).toEqual([
      invalid('timestamp', `must be ${DATE_TIME}, got null`),
    ]);
  });

  describe('of a MERGE patch', () => {
    const patch = new RecordValidators().forPatch(PROFILE_SCHEMA);

    it.each<[string, Record<string, unknown>]>([
      ['nothing at all', {}],
      ['one optional field', { age: 37 }],
      ['a nested object without its required field', { person: { name: { first: 'Ada' } } }],
      ['null to remove optional fields', { age: null, person: { name: { first: null } } }],
      ['the required field', { name: 'Ada' }],
    ])('accepts %s', (_, record) => {
      expect(patch(record)).toEqual([]);
    });

    it.each<[string, Record<string, unknown>, [path: string, message: string][]]>([
      [
        'null for a required field (it cannot be removed)',
        { name: null },
        [['name', 'must be STRING, got null']],
      ],
      ['an unknown field', { nickname: 'A' }, [['nickname', 'is not a field of the schema']]],
      [
        'a wrong type',
        { person: { name: { last: 1 } } },
        [['person.name.last', 'must be STRING, got number']],
      ],
      [
        'array items without their required fields (a given array replaces the old one)',
        { orders: [{ qty: 1 }] },
        [['orders[0].sku', 'is required']],
      ],
    ])('rejects %s', (_, record, expected) => {
      expect(patch(record)).toEqual(expected.map(([path, message]) => invalid(path, message)));
    });

    it('still calls a record that is not an object MALFORMED', () => {
      expect(patch([])).toEqual([
        recordError('MALFORMED', 'a record must be a JSON object, got array'),
      ]);
    });
  });

  it.each<[unknown, string]>([
    [[], 'array'],
    [[{ name: 'Ada' }], 'array'],
    ['{"name": "Ada"}', 'string'],
    [42, 'number'],
    [true, 'boolean'],
    [null, 'null'],
    [undefined, 'undefined'],
  ])('calls %j MALFORMED: a record must be a JSON object', (record, type) => {
    expect(validate(record)).toEqual([
      recordError('MALFORMED', `a record must be a JSON object, got ${type}`),
    ]);
  });

  it('keeps the first error of each path', () => {
    const errors = [
      { keyword: 'type', instancePath: '/age', params: { type: 'integer' }, data: '1' },
      { keyword: 'format', instancePath: '/age', params: { format: 'date' } },
      { keyword: 'required', instancePath: '', params: { missingProperty: 'age' } },
      { keyword: 'required', instancePath: '/tags/0', params: { missingProperty: 'x' } },
    ].map((e) => ({ schemaPath: '#', parentSchema: { xdmType: 'INTEGER' }, ...e }));
    const fake = Object.assign(() => false, { errors }) as unknown as ValidateFunction;
    expect(validateRecord(fake, {})).toEqual([
      invalid('age', 'must be INTEGER, got string'),
      invalid('tags[0].x', 'is required'),
    ]);
  });
});
