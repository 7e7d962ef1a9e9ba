import { existsSync, readdirSync, readlinkSync } from 'node:fs';
import type { BatchFormat } from '../../../src/batch/readers/BatchItem';
import { readBatchFile } from '../../../src/batch/readers/readBatchFile';
import { field, fixtureDir, readAll } from './readerFixtures';

const files = fixtureDir();
afterAll(files.cleanup);

const RECORDS = [
  { crmId: 'c1', person: { age: 36, vip: true }, identityMap: { Email: [{ id: 'a@x.io' }] } },
  { crmId: 'c2', person: { age: 41, vip: false }, identityMap: { Email: [{ id: 'b@x.io' }] } },
];
const FIELDS = [
  field('crmId', 'STRING'),
  field('person.age', 'INTEGER'),
  field('person.vip', 'BOOLEAN'),
];

/** The same two records in every format. */
async function writeAll(): Promise<Record<BatchFormat, string>> {
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const parquet = parquetWriteBuffer({
    columnData: [
      { name: 'crmId', data: ['c1', 'c2'], type: 'STRING' },
      { name: 'person.age', data: [36, 41], type: 'INT32' },
      { name: 'person.vip', data: [true, false], type: 'BOOLEAN' },
      { name: 'identityMap.Email', data: ['a@x.io', 'b@x.io'], type: 'STRING' },
    ],
  });
  return {
    NDJSON: files.write('r.ndjson', RECORDS.map((r) => JSON.stringify(r)).join('\n')),
    JSON: files.write('r.json', JSON.stringify(RECORDS)),
    CSV: files.write(
      'r.csv',
      'crmId,person.age,person.vip,identityMap.Email\nc1,36,true,a@x.io\nc2,41,false,b@x.io\n',
    ),
    PARQUET: files.write('r.parquet', new Uint8Array(parquet)),
  };
}

/** Descriptors this process holds open on `path` (Linux only). */
const openDescriptors = (path: string): number =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false; // closed while listing
    }
  }).length;

const FORMATS: BatchFormat[] = ['NDJSON', 'JSON', 'CSV', 'PARQUET'];

describe('readBatchFile', () => {
  let paths: Record<BatchFormat, string>;
  beforeAll(async () => {
    paths = await writeAll();
  });

  it.each(FORMATS)('reads the same records from %s', async (format) => {
    const expected = RECORDS.map((record, i) => ({
      // JSON numbers elements; the CSV header takes line 1; the rest number lines or rows.
      line: format === 'CSV' ? i + 2 : i + 1,
      record,
    }));
    expect(await readAll(readBatchFile(paths[format], format, { fields: FIELDS }))).toEqual({
      items: expected,
      thrown: undefined,
    });
  });

  (existsSync('/proc/self/fd') ? it.each(FORMATS) : it.skip.each(FORMATS))(
    'closes the %s file when the reader is stopped early',
    async (format) => {
      const path = paths[format];
      for await (const item of readBatchFile(path, format, { fields: FIELDS })) {
        expect(item).toEqual({ line: format === 'CSV' ? 2 : 1, record: RECORDS[0] });
        expect(openDescriptors(path)).toBe(1);
        break;
      }
      for (let wait = 0; wait < 100 && openDescriptors(path) > 0; wait++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      expect(openDescriptors(path)).toBe(0);
    },
  );
});
