import { RAW_LIMIT, truncateRaw } from '../../../src/batch/readers/limits';

describe('truncateRaw', () => {
  it('keeps text up to RAW_LIMIT characters as it is', () => {
    const text = 'a'.repeat(RAW_LIMIT);
    expect(truncateRaw(text)).toBe(text);
  });

  it('keeps the first RAW_LIMIT characters of longer text', () => {
    expect(truncateRaw('b'.repeat(RAW_LIMIT + 1))).toBe('b'.repeat(RAW_LIMIT));
  });

  it('never ends in half a surrogate pair', () => {
    const text = `${'c'.repeat(RAW_LIMIT - 1)}😀tail`;
    expect(truncateRaw(text)).toBe('c'.repeat(RAW_LIMIT - 1));
  });
});
