import { compareCodePoints } from '../../../../src/domain/filters/compareCodePoints';

describe('compareCodePoints', () => {
  it.each<[string, string, -1 | 0 | 1]>([
    ['', '', 0],
    ['a', 'a', 0],
    ['', 'a', -1],
    ['a', 'ab', -1],
    ['ab', 'a', 1],
    ['B', 'a', -1],
    ['a', 'B', 1],
    ['B-09', 'B-10', -1],
    ['10', '9', -1],
    ['é', 'z', 1],
    ['\u{FFFD}', '\u{1F600}', -1],
    ['\u{1F600}', '\u{FFFD}', 1],
    ['\u{E000}', '\u{10000}', -1],
    ['\u{D7FF}', '\u{10000}', -1],
    ['\u{1F600}', '\u{1F601}', -1],
    ['\u{10FFFF}', '\u{10000}', 1],
    ['a\u{1F600}', 'a\u{1F600}', 0],
  ])('%j against %j: %d', (a, b, expected) => {
    expect(Math.sign(compareCodePoints(a, b))).toBe(expected);
  });

  it('orders like sorting by code point arrays', () => {
    const words = ['\u{1F600}', 'b', '\u{FFFF}', 'a\u{10000}', 'a\u{FFFF}', 'A', '', 'é'];
    const codePoints = (word: string): number[] => Array.from(word, (c) => c.codePointAt(0)!);
    const byCodePoints = [...words].sort((x, y) => {
      const [a, b] = [codePoints(x), codePoints(y)];
      for (let i = 0; i < Math.min(a.length, b.length); i++) {
        if (a[i] !== b[i]) return a[i]! - b[i]!;
      }
      return a.length - b.length;
    });
    expect([...words].sort(compareCodePoints)).toStrictEqual(byCodePoints);
    expect(byCodePoints).toStrictEqual([
      '',
      'A',
      'a\u{FFFF}',
      'a\u{10000}',
      'b',
      'é',
      '\u{FFFF}',
      '\u{1F600}',
    ]);
  });
});
