import type { TextItem } from '../../../src/batch/readers/ItemBuffer';
import { JsonArrayScanner } from '../../../src/batch/readers/JsonArrayScanner';

/** The element texts of `text` fed in chunks of `size` characters, and what end() threw. */
function scan(text: string, size = text.length): { items: TextItem[]; thrown?: string } {
  const scanner = new JsonArrayScanner();
  const items: TextItem[] = [];
  try {
    for (let i = 0; i < text.length; i += Math.max(size, 1)) {
      for (const item of scanner.push(text.slice(i, i + size))) items.push(item);
    }
    scanner.end();
  } catch (err) {
    return { items, thrown: (err as Error).message };
  }
  return { items };
}

const texts = (text: string, size?: number): string[] => scan(text, size).items.map((i) => i.text);

/** Tricky elements: brackets, braces, commas and quotes inside strings; nesting. */
const TRICKY = [
  '{"s":"a ] b } c , d [ e {"}',
  '{"q":"say \\"hi\\", then ]"}',
  '"\\\\"',
  '[[1,[2,3]],{"a":[{"b":"]"}]}]',
  '"\\u005d\\""',
  '-1.5e3',
  'true',
  'null',
  '{}',
  '[]',
];
const TRICKY_ARRAY = ` [ ${TRICKY.join(' ,\n  ')} ] \n`;

describe('JsonArrayScanner', () => {
  it('cuts elements with brackets, quotes and escapes inside strings, and nested arrays', () => {
    expect(scan(TRICKY_ARRAY)).toEqual({
      items: TRICKY.map((text, i) => ({
        n: i + 1,
        text: `${text} `, // the space before the next `,` or `]`
        oversized: false,
      })),
    });
    expect(texts(TRICKY_ARRAY).map((t) => JSON.parse(t) as unknown)).toEqual(
      JSON.parse(TRICKY_ARRAY),
    );
  });

  it('gives the same elements whatever the chunk boundaries', () => {
    const whole = texts(TRICKY_ARRAY);
    for (let size = 1; size <= 12; size++) expect(texts(TRICKY_ARRAY, size)).toEqual(whole);
  });

  it('reads an empty array, with whitespace around it', () => {
    expect(scan(' \r\n\t[ \n ] \n')).toEqual({ items: [] });
  });

  it('gives an empty element for `,,` and tolerates a trailing comma', () => {
    expect(texts('[1,,2,]')).toEqual(['1', '', '2']);
    expect(scan('[,]').items).toEqual([{ n: 1, text: '', oversized: false }]);
  });

  it('keeps a stray closing brace inside its element and goes on with the next', () => {
    expect(scan('[{"a":1}}, {"b":2}]')).toEqual({
      items: [
        { n: 1, text: '{"a":1}}', oversized: false },
        { n: 2, text: '{"b":2}', oversized: false },
      ],
    });
  });

  it('throws at once when the text does not start with [', () => {
    expect(scan('{"a":1}')).toEqual({
      items: [],
      thrown: 'not a JSON array: the file starts with "{" instead of "["',
    });
    expect(scan('  x')).toEqual({
      items: [],
      thrown: 'not a JSON array: the file starts with "x" instead of "["',
    });
  });

  it('throws at the end for an empty text', () => {
    expect(scan(' \n')).toEqual({
      items: [],
      thrown: 'the file is empty: expected a JSON array',
    });
  });

  it('throws after the complete elements when the array is not closed', () => {
    expect(scan('[1, {"a":"]"}, {"b":')).toEqual({
      items: [
        { n: 1, text: '1', oversized: false },
        { n: 2, text: '{"a":"]"}', oversized: false },
      ],
      thrown: 'the JSON array is not closed: the file ends inside element 3 (truncated?)',
    });
    expect(scan('[1,').thrown).toBe(
      'the JSON array is not closed: the file ends after element 1 (truncated?)',
    );
    expect(scan('[{"a":"unterminated]').thrown).toBe(
      'the JSON array is not closed: the file ends inside element 1 (truncated?)',
    );
  });

  it('throws on content after the closing bracket', () => {
    expect(scan('[1] [2]')).toEqual({
      items: [{ n: 1, text: '1', oversized: false }],
      thrown: '"[" after the end of the JSON array',
    });
  });
});
