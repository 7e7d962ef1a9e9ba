import { readBatchFile } from '../../../src/batch/readers/readBatchFile';
import { MAX_ITEM_CHARS, RAW_LIMIT } from '../../../src/batch/readers/limits';
import { fixtureDir, jsonParseMessage, readAll } from './readerFixtures';

const files = fixtureDir();
afterAll(files.cleanup);

const read = (content: string) =>
  readAll(readBatchFile(files.write('in.json', content), 'JSON', {}));

const malformed = (line: number, text: string) => ({
  line,
  error: {
    code: 'MALFORMED',
    message: `element ${line} is not valid JSON: ${jsonParseMessage(text)}`,
    path: null,
  },
  raw: text,
});

describe('readBatchFile JSON', () => {
  it('streams a pretty-printed array element by element, numbered by index', async () => {
    const records = [
      { crmId: 'a', note: 'has ] and } and , and "quotes" inside', tags: [['x'], []] },
      { crmId: 'b', person: { name: { firstName: 'B\\"}' } } },
      { crmId: 'c', loyalty: { points: 7 } },
    ];
    const { items, thrown } = await read(`\uFEFF${JSON.stringify(records, null, 2)}\r\n`);
    expect(thrown).toBeUndefined();
    expect(items).toEqual(records.map((record, i) => ({ line: i + 1, record })));
  });

  it('reports a malformed element with its index and text, and goes on', async () => {
    const { items, thrown } = await read('[{"a":1},\n {"a":},\n {"a" 2}, , {"a":3}]');
    expect(thrown).toBeUndefined();
    expect(items).toEqual([
      { line: 1, record: { a: 1 } },
      malformed(2, '{"a":}'),
      malformed(3, '{"a" 2}'),
      malformed(4, ''),
      { line: 5, record: { a: 3 } },
    ]);
  });

  it('yields nothing for an empty array', async () => {
    expect(await read('[]')).toEqual({ items: [], thrown: undefined });
  });

  it('throws when the file is not a JSON array', async () => {
    expect(await read('{"a":1}\n{"a":2}\n')).toEqual({
      items: [],
      thrown: 'not a JSON array: the file starts with "{" instead of "["',
    });
  });

  it('throws when the file is empty', async () => {
    expect(await read('')).toEqual({
      items: [],
      thrown: 'the file is empty: expected a JSON array',
    });
  });

  it('yields the complete elements of a truncated file, then throws', async () => {
    expect(await read('[{"a":1},{"a":2},{"a":"thr')).toEqual({
      items: [
        { line: 1, record: { a: 1 } },
        { line: 2, record: { a: 2 } },
      ],
      thrown: 'the JSON array is not closed: the file ends inside element 3 (truncated?)',
    });
  });

  it('reports an element over MAX_ITEM_CHARS as TOO_LARGE and goes on', async () => {
    const huge = `"${'z'.repeat(MAX_ITEM_CHARS)}"`;
    const { items } = await read(`[1, ${huge}, 3]`);
    expect(items).toEqual([
      { line: 1, record: 1 },
      {
        line: 2,
        error: {
          code: 'TOO_LARGE',
          message: `element 2 is longer than ${MAX_ITEM_CHARS} characters`,
          path: null,
        },
        raw: huge.slice(0, RAW_LIMIT),
      },
      { line: 3, record: 3 },
    ]);
  });
});
