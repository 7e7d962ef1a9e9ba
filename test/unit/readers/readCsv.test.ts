import { readBatchFile } from '../../../src/batch/readers/readBatchFile';
import { RAW_LIMIT } from '../../../src/batch/readers/limits';
import type { SchemaField } from '../../../src/domain/catalog/types';
import { field, fixtureDir, jsonParseMessage, readAll } from './readerFixtures';

const files = fixtureDir();
afterAll(files.cleanup);

const FIELDS: SchemaField[] = [
  field('crmId', 'STRING'),
  field('person', 'OBJECT'),
  field('person.name', 'OBJECT'),
  field('person.name.firstName', 'STRING'),
  field('person.age', 'INTEGER'),
  field('person.vip', 'BOOLEAN'),
  field('person.birthDate', 'DATE'),
  field('loyalty', 'OBJECT'),
  field('loyalty.balance', 'NUMBER'),
  field('loyalty.tiers', 'ARRAY', 'STRING'),
  field('extSourceSystemAudit', 'OBJECT'),
  field('extSourceSystemAudit.lastUpdatedDate', 'DATE_TIME'),
  field('identityMap', 'OBJECT'),
];

/** Reads `content` as a CSV file with the schema FIELDS, or with no fields when null. */
const read = (content: string, fields: readonly SchemaField[] | null = FIELDS) =>
  readAll(readBatchFile(files.write('in.csv', content), 'CSV', fields ? { fields } : {}));

describe('readBatchFile CSV', () => {
  it('builds nested records from dot-path headers, coercing cells to the field types', async () => {
    const { items, thrown } = await read(
      [
        'crmId,person.name.firstName,person.age,person.vip,person.birthDate,loyalty.balance,' +
          'loyalty.tiers,extSourceSystemAudit.lastUpdatedDate',
        'c1,Ada,36,TRUE,1815-12-10,12.50,"[""gold"",""silver""]",2024-01-02T03:04:05Z',
        'c2,007,0036,0,1990-01-01,-3,[],1709200800000',
      ].join('\n'),
    );
    expect(thrown).toBeUndefined();
    expect(items).toEqual([
      {
        line: 2,
        record: {
          crmId: 'c1',
          person: { name: { firstName: 'Ada' }, age: 36, vip: true, birthDate: '1815-12-10' },
          loyalty: { balance: 12.5, tiers: ['gold', 'silver'] },
          extSourceSystemAudit: { lastUpdatedDate: '2024-01-02T03:04:05Z' },
        },
      },
      {
        line: 3,
        record: {
          crmId: 'c2',
          person: { name: { firstName: '007' }, age: 36, vip: false, birthDate: '1990-01-01' },
          loyalty: { balance: -3, tiers: [] },
          extSourceSystemAudit: { lastUpdatedDate: 1709200800000 },
        },
      },
    ]);
  });

  it('keeps cells that do not fit their type as strings, for validation to report', async () => {
    const { items } = await read(
      'crmId,person.age,person.vip,loyalty.balance\nc1,old,maybe,lots\n',
    );
    expect(items).toEqual([
      {
        line: 2,
        record: { crmId: 'c1', person: { age: 'old', vip: 'maybe' }, loyalty: { balance: 'lots' } },
      },
    ]);
  });

  it('leaves empty cells out, and skips rows with no value at all', async () => {
    const { items } = await read(
      'crmId,person.age,person.name.firstName\r\nc1,,\r\n,,\r\n\r\n,5,\r\n',
    );
    expect(items).toEqual([
      { line: 2, record: { crmId: 'c1' } },
      { line: 5, record: { person: { age: 5 } } },
    ]);
  });

  it('keeps columns the schema does not know, and coerces nothing without fields', async () => {
    expect((await read('crmId,favouriteColour,person.age\nc1,blue,36\n')).items).toEqual([
      { line: 2, record: { crmId: 'c1', favouriteColour: 'blue', person: { age: 36 } } },
    ]);
    expect((await read('crmId,person.age\nc1,36\n', null)).items).toEqual([
      { line: 2, record: { crmId: 'c1', person: { age: '36' } } },
    ]);
  });

  it('reads identityMap.<Namespace> columns as one id each, with an optional primary flag', async () => {
    const { items } = await read(
      [
        'crmId,identityMap.Email,identityMap.Email.primary,identityMap.Phone',
        'c1,ada@example.com,true,+44 1',
        'c2,bob@example.com,,',
        'c3,,TRUE,+44 3',
        'c4,eve@example.com,no,',
      ].join('\n'),
    );
    expect(items).toEqual([
      {
        line: 2,
        record: {
          crmId: 'c1',
          identityMap: {
            Email: [{ id: 'ada@example.com', primary: true }],
            Phone: [{ id: '+44 1' }],
          },
        },
      },
      { line: 3, record: { crmId: 'c2', identityMap: { Email: [{ id: 'bob@example.com' }] } } },
      { line: 4, record: { crmId: 'c3', identityMap: { Phone: [{ id: '+44 3' }] } } },
      {
        line: 5,
        record: { crmId: 'c4', identityMap: { Email: [{ id: 'eve@example.com', primary: 'no' }] } },
      },
    ]);
  });

  it('takes an identityMap column as JSON', async () => {
    const { items } = await read('crmId,identityMap\nc1,"{""Email"":[{""id"":""a@b.c""}]}"\n');
    expect(items).toEqual([
      { line: 2, record: { crmId: 'c1', identityMap: { Email: [{ id: 'a@b.c' }] } } },
    ]);
  });

  it('numbers records by the line they start on, across quoted line breaks and CRLF', async () => {
    const { items } = await read(
      '\uFEFFcrmId,person.name.firstName\r\n"c1","two\r\nlines"\r\nc2,"three\nlines\r\nhere"\r\n\r\nc3,x\r\n',
    );
    expect(items).toEqual([
      { line: 2, record: { crmId: 'c1', person: { name: { firstName: 'two\r\nlines' } } } },
      { line: 4, record: { crmId: 'c2', person: { name: { firstName: 'three\nlines\r\nhere' } } } },
      { line: 8, record: { crmId: 'c3', person: { name: { firstName: 'x' } } } },
    ]);
  });

  it('counts blank lines before the header', async () => {
    expect((await read('\n\ncrmId\nc1\n')).items).toEqual([{ line: 4, record: { crmId: 'c1' } }]);
  });

  it('reads stray quotes inside unquoted cells as text', async () => {
    const { items } = await read('crmId,person.name.firstName\nc1,5" disk\nc2,"say ""hi"""\n');
    expect(items).toEqual([
      { line: 2, record: { crmId: 'c1', person: { name: { firstName: '5" disk' } } } },
      { line: 3, record: { crmId: 'c2', person: { name: { firstName: 'say "hi"' } } } },
    ]);
  });

  it('reports a row with the wrong number of fields as MALFORMED with its line, and goes on', async () => {
    const { items, thrown } = await read(
      'crmId,person.age\r\nc1,1\r\nc2\r\nc3,3,extra\r\nc4,4\r\n',
    );
    expect(thrown).toBeUndefined();
    expect(items).toEqual([
      { line: 2, record: { crmId: 'c1', person: { age: 1 } } },
      {
        line: 3,
        error: { code: 'MALFORMED', message: 'line 3 has 1 fields; the header has 2', path: null },
        raw: 'c2',
      },
      {
        line: 4,
        error: { code: 'MALFORMED', message: 'line 4 has 3 fields; the header has 2', path: null },
        raw: 'c3,3,extra',
      },
      { line: 5, record: { crmId: 'c4', person: { age: 4 } } },
    ]);
  });

  it('reports an ARRAY cell that is not a JSON array, naming the field, and goes on', async () => {
    const { items } = await read('crmId,loyalty.tiers\nc1,gold\nc2,"{""a"":1}"\nc3,"[""gold""]"\n');
    expect(items).toEqual([
      {
        line: 2,
        error: {
          code: 'SCHEMA_VALIDATION',
          message: `line 2: loyalty.tiers is not a JSON array: ${jsonParseMessage('gold')}`,
          path: 'loyalty.tiers',
        },
        raw: 'c1,gold',
      },
      {
        line: 3,
        error: {
          code: 'SCHEMA_VALIDATION',
          message: 'line 3: loyalty.tiers is not a JSON array',
          path: 'loyalty.tiers',
        },
        raw: 'c2,"{""a"":1}"',
      },
      { line: 4, record: { crmId: 'c3', loyalty: { tiers: ['gold'] } } },
    ]);
  });

  it('cuts the raw text of a bad row to RAW_LIMIT characters', async () => {
    const long = 'x'.repeat(RAW_LIMIT + 100);
    const { items } = await read(`crmId\n${long},extra\n`);
    expect(items).toEqual([
      {
        line: 2,
        error: { code: 'MALFORMED', message: 'line 2 has 2 fields; the header has 1', path: null },
        raw: long.slice(0, RAW_LIMIT),
      },
    ]);
  });

  it('reports a quote never closed as one MALFORMED item for the rest of the file', async () => {
    const { items, thrown } = await read('crmId,person.age\nc1,1\n"c2,2\nc3,3\n');
    expect(thrown).toBeUndefined();
    expect(items).toEqual([
      { line: 2, record: { crmId: 'c1', person: { age: 1 } } },
      {
        line: 3,
        error: {
          code: 'MALFORMED',
          message: 'line 3 opens a quoted field that is never closed',
          path: null,
        },
        raw: '"c2,2\nc3,3\n',
      },
    ]);
  });

  it('throws when the header cannot describe records', async () => {
    expect(await read('crmId,person,person.age\nc1,{},1\n')).toEqual({
      items: [],
      thrown: 'column names: "person.age" is inside column "person"',
    });
  });

  it('yields nothing for an empty file or a header alone', async () => {
    expect(await read('')).toEqual({ items: [], thrown: undefined });
    expect(await read('crmId,person.age\r\n')).toEqual({ items: [], thrown: undefined });
  });

  it('throws when the file does not exist', async () => {
    const { items, thrown } = await readAll(readBatchFile(files.path('missing.csv'), 'CSV', {}));
    expect(items).toEqual([]);
    expect(thrown).toMatch(/^ENOENT: no such file or directory/);
  });
});
