import { readBatchFile } from '../../../src/batch/readers/readBatchFile';
import type { SchemaField } from '../../../src/domain/catalog/types';
import { field, fixtureDir, readAll } from './readerFixtures';

const files = fixtureDir();
afterAll(files.cleanup);

/** hyparquet-writer is ESM-only, like hyparquet: loaded with import() (see loadHyparquet). */
const loadWriter = () => import('hyparquet-writer');
type WriteOptions = Parameters<Awaited<ReturnType<typeof loadWriter>>['parquetWriteBuffer']>[0];

/** Writes a Parquet fixture to the temp directory. */
async function writeParquet(name: string, options: WriteOptions): Promise<string> {
  const { parquetWriteBuffer } = await loadWriter();
  return files.write(name, new Uint8Array(parquetWriteBuffer(options)));
}

const read = (path: string, fields?: readonly SchemaField[]) =>
  readAll(readBatchFile(path, 'PARQUET', fields ? { fields } : {}));

describe('readBatchFile PARQUET', () => {
  it('reads scalar columns row by row across row groups, leaving nulls out', async () => {
    const path = await writeParquet('scalars.parquet', {
      columnData: [
        { name: 'crmId', data: ['a', 'b', 'c', 'd', null], type: 'STRING' },
        { name: 'visits', data: [1, -2, null, 4, 5], type: 'INT32' },
        { name: 'balance', data: [1.5, 0, -2.25, null, 1e300], type: 'DOUBLE' },
        { name: 'vip', data: [true, false, null, true, false], type: 'BOOLEAN' },
        {
          name: 'big',
          data: [1n, -(2n ** 53n) + 1n, 2n ** 53n, -(2n ** 63n), null],
          type: 'INT64',
        },
        {
          name: 'seen',
          data: [new Date(Date.UTC(2024, 1, 29, 10, 11, 12, 345)), null, new Date(0), null, null],
          type: 'TIMESTAMP',
        },
      ],
      rowGroupSize: 2,
    });
    expect(await read(path)).toEqual({
      items: [
        {
          line: 1,
          record: {
            crmId: 'a',
            visits: 1,
            balance: 1.5,
            vip: true,
            big: 1,
            seen: '2024-02-29T10:11:12.345Z',
          },
        },
        {
          line: 2,
          record: { crmId: 'b', visits: -2, balance: 0, vip: false, big: -9007199254740991 },
        },
        {
          line: 3,
          record: {
            crmId: 'c',
            balance: -2.25,
            big: '9007199254740992',
            seen: '1970-01-01T00:00:00.000Z',
          },
        },
        { line: 4, record: { crmId: 'd', visits: 4, vip: true, big: '-9223372036854775808' } },
        { line: 5, record: { visits: 5, balance: 1e300, vip: false } },
      ],
      thrown: undefined,
    });
  });

  it('reads structs as objects and lists as arrays; DATE fields as dates', async () => {
    const path = await writeParquet('nested.parquet', {
      columnData: [
        {
          name: 'person',
          data: [
            { name: { firstName: 'Ada', lastName: null }, birthDate: new Date('1815-12-10') },
            { name: null, birthDate: null },
            null,
          ],
        },
        { name: 'tags', data: [['a', null, 'b'], [], null] },
        {
          name: 'lastLogin',
          data: [new Date('2024-03-01T12:00:00Z'), null, new Date('2024-03-02T00:00:00Z')],
        },
      ],
      schema: [
        { name: 'root', num_children: 3 },
        { name: 'person', num_children: 2, repetition_type: 'OPTIONAL' },
        { name: 'name', num_children: 2, repetition_type: 'OPTIONAL' },
        {
          name: 'firstName',
          type: 'BYTE_ARRAY',
          converted_type: 'UTF8',
          repetition_type: 'OPTIONAL',
        },
        {
          name: 'lastName',
          type: 'BYTE_ARRAY',
          converted_type: 'UTF8',
          repetition_type: 'OPTIONAL',
        },
        { name: 'birthDate', type: 'INT32', converted_type: 'DATE', repetition_type: 'OPTIONAL' },
        { name: 'tags', num_children: 1, repetition_type: 'OPTIONAL', converted_type: 'LIST' },
        { name: 'list', num_children: 1, repetition_type: 'REPEATED' },
        {
          name: 'element',
          type: 'BYTE_ARRAY',
          converted_type: 'UTF8',
          repetition_type: 'OPTIONAL',
        },
        {
          name: 'lastLogin',
          type: 'INT64',
          converted_type: 'TIMESTAMP_MICROS',
          repetition_type: 'OPTIONAL',
        },
      ],
    });
    const fields = [
      field('person', 'OBJECT'),
      field('person.birthDate', 'DATE'),
      field('tags', 'ARRAY', 'STRING'),
      field('lastLogin', 'DATE_TIME'),
    ];
    expect(await read(path, fields)).toEqual({
      items: [
        {
          line: 1,
          record: {
            person: { name: { firstName: 'Ada' }, birthDate: '1815-12-10' },
            tags: ['a', null, 'b'],
            lastLogin: '2024-03-01T12:00:00.000Z',
          },
        },
        { line: 2, record: { person: {}, tags: [] } },
        { line: 3, record: { lastLogin: '2024-03-02T00:00:00.000Z' } },
      ],
      thrown: undefined,
    });
  });

  it('reads dates in a list of DATE items as dates', async () => {
    const path = await writeParquet('dates.parquet', {
      columnData: [{ name: 'visits', data: [[new Date('2024-01-05'), new Date('2024-02-06')]] }],
      schema: [
        { name: 'root', num_children: 1 },
        { name: 'visits', num_children: 1, repetition_type: 'OPTIONAL', converted_type: 'LIST' },
        { name: 'list', num_children: 1, repetition_type: 'REPEATED' },
        { name: 'element', type: 'INT32', converted_type: 'DATE', repetition_type: 'REQUIRED' },
      ],
    });
    expect(await read(path, [field('visits', 'ARRAY', 'DATE')])).toEqual({
      items: [{ line: 1, record: { visits: ['2024-01-05', '2024-02-06'] } }],
      thrown: undefined,
    });
  });

  it('reads flat dot-path columns and identityMap.<Namespace> columns like a CSV header', async () => {
    const path = await writeParquet('flat.parquet', {
      columnData: [
        { name: 'person.name.firstName', data: ['Ada', 'Bob'], type: 'STRING' },
        { name: 'identityMap.Email', data: ['ada@example.com', null], type: 'STRING' },
        { name: 'identityMap.Email.primary', data: [true, true], type: 'BOOLEAN' },
      ],
    });
    expect(await read(path)).toEqual({
      items: [
        {
          line: 1,
          record: {
            person: { name: { firstName: 'Ada' } },
            identityMap: { Email: [{ id: 'ada@example.com', primary: true }] },
          },
        },
        { line: 2, record: { person: { name: { firstName: 'Bob' } } } },
      ],
      thrown: undefined,
    });
  });

  it('reads un-annotated BYTE_ARRAY as text and other raw bytes as base64', async () => {
    const path = await writeParquet('bytes.parquet', {
      columnData: [
        { name: 'legacyText', data: [new TextEncoder().encode('Zoë')] },
        { name: 'hash', data: [new Uint8Array([0, 1, 254, 255])] },
      ],
      schema: [
        { name: 'root', num_children: 2 },
        { name: 'legacyText', type: 'BYTE_ARRAY', repetition_type: 'REQUIRED' },
        { name: 'hash', type: 'FIXED_LEN_BYTE_ARRAY', type_length: 4, repetition_type: 'REQUIRED' },
      ],
    });
    expect(await read(path)).toEqual({
      items: [{ line: 1, record: { legacyText: 'Zoë', hash: 'AAH+/w==' } }],
      thrown: undefined,
    });
  });

  it('throws when the file is not Parquet', async () => {
    const { items, thrown } = await read(files.write('fake.parquet', 'crmId\nc1\n'));
    expect(items).toEqual([]);
    expect(thrown).toBe('parquet file invalid (footer != PAR1)');
  });

  it('throws when the file does not exist', async () => {
    const { items, thrown } = await read(files.path('missing.parquet'));
    expect(items).toEqual([]);
    expect(thrown).toMatch(/^ENOENT: no such file or directory/);
  });
});
