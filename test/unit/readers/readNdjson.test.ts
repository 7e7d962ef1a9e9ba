import { readBatchFile } from '../../../src/batch/readers/readBatchFile';
import { MAX_ITEM_CHARS, RAW_LIMIT } from '../../../src/batch/readers/limits';
import { fixtureDir, jsonParseMessage, readAll } from './readerFixtures';

const files = fixtureDir();
afterAll(files.cleanup);

const read = (content: string) =>
  readAll(readBatchFile(files.write('in.ndjson', content), 'NDJSON', {}));

describe('readBatchFile NDJSON', () => {
  it('yields one record per line, numbered by line, any JSON value as it is', async () => {
    const { items, thrown } = await read(
      '{"crmId":"a","person":{"age":"41"}}\n[1,2]\n"text"\n42\nnull\n',
    );
    expect(thrown).toBeUndefined();
    expect(items).toEqual([
      { line: 1, record: { crmId: 'a', person: { age: '41' } } },
      { line: 2, record: [1, 2] },
      { line: 3, record: 'text' },
      { line: 4, record: 42 },
      { line: 5, record: null },
    ]);
  });

  it('skips blank lines but keeps counting them, and reads a last line without a break', async () => {
    const { items } = await read('\n{"a":1}\n   \n\t\n{"a":2}\n\n{"a":3}');
    expect(items).toEqual([
      { line: 2, record: { a: 1 } },
      { line: 5, record: { a: 2 } },
      { line: 7, record: { a: 3 } },
    ]);
  });

  it('reads CRLF files and drops a leading byte-order mark', async () => {
    const { items } = await read('\uFEFF{"a":"x"}\r\n\r\n{"a":"y\\r\\n"}\r\n');
    expect(items).toEqual([
      { line: 1, record: { a: 'x' } },
      { line: 3, record: { a: 'y\r\n' } },
    ]);
  });

  it('reports a line that is not JSON as MALFORMED with its text, and goes on', async () => {
    const { items, thrown } = await read('{"a":1}\n{"a":}\r\nnot json\n{"a":2}\n');
    expect(thrown).toBeUndefined();
    expect(items).toEqual([
      { line: 1, record: { a: 1 } },
      {
        line: 2,
        error: {
          code: 'MALFORMED',
          message: `line 2 is not valid JSON: ${jsonParseMessage('{"a":}')}`,
          path: null,
        },
        raw: '{"a":}',
      },
      {
        line: 3,
        error: {
          code: 'MALFORMED',
          message: `line 3 is not valid JSON: ${jsonParseMessage('not json')}`,
          path: null,
        },
        raw: 'not json',
      },
      { line: 4, record: { a: 2 } },
    ]);
  });

  it('keeps only the first RAW_LIMIT characters of a bad line as raw', async () => {
    const bad = `{${'x'.repeat(RAW_LIMIT * 2)}`;
    const { items } = await read(`${bad}\n{"ok":true}\n`);
    expect(items).toEqual([
      {
        line: 1,
        error: {
          code: 'MALFORMED',
          message: `line 1 is not valid JSON: ${jsonParseMessage(bad)}`,
          path: null,
        },
        raw: bad.slice(0, RAW_LIMIT),
      },
      { line: 2, record: { ok: true } },
    ]);
  });

  it('reads a multi-megabyte line in linear time, across many chunks', async () => {
    const long = 'é'.repeat(3_000_000); // 6 MB of UTF-8, split mid-character by the chunking
    const started = Date.now();
    const { items } = await read(`{"a":1}\n{"long":"${long}"}\n{"a":2}\n`);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(items).toEqual([
      { line: 1, record: { a: 1 } },
      { line: 2, record: { long } },
      { line: 3, record: { a: 2 } },
    ]);
  });

  it('reports a line over MAX_ITEM_CHARS as TOO_LARGE without holding it, and goes on', async () => {
    const huge = `{"s":"${'y'.repeat(MAX_ITEM_CHARS)}"}`;
    const { items } = await read(`${huge}\r\n{"a":2}\n`);
    expect(items).toEqual([
      {
        line: 1,
        error: {
          code: 'TOO_LARGE',
          message: `line 1 is longer than ${MAX_ITEM_CHARS} characters`,
          path: null,
        },
        raw: huge.slice(0, RAW_LIMIT),
      },
      { line: 2, record: { a: 2 } },
    ]);
  });

  it('yields nothing for an empty file', async () => {
    expect(await read('')).toEqual({ items: [], thrown: undefined });
  });

  it('throws when the file does not exist', async () => {
    const { items, thrown } = await readAll(
      readBatchFile(files.path('missing.ndjson'), 'NDJSON', {}),
    );
    expect(items).toEqual([]);
    expect(thrown).toMatch(/^ENOENT: no such file or directory/);
  });
});
