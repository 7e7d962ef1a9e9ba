// From D800 up, UTF-16 code units sort surrogates (code points above FFFF) below E000–FFFF;
// this moves E000–FFFF down and surrogates up, so code units compare as code points do.
const fixUp = (unit: number): number => (unit >= 0xe000 ? unit - 0x800 : unit + 0x2000);

/**
 * Orders two strings by Unicode code point, the same on every machine whatever its locale
 * (SEMANTICS §4/§5 range filters on strings): negative, zero or positive. Unlike `<`, which
 * compares UTF-16 code units, it puts "\u{FFFF}" before "\u{10000}".
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return x >= 0xd800 && y >= 0xd800 ? fixUp(x) - fixUp(y) : x - y;
  }
  return a.length - b.length;
}
