import {
  MAX_EVENT_BYTES,
  MAX_RECORD_BYTES,
  checkRecordSize,
} from '../../../../src/domain/records/checkRecordSize';
import { recordError } from '../../../../src/domain/records/RecordError';
import type { SchemaClass } from '../../../../src/domain/enumValues';

/** `{"p":"…"}` of exactly `bytes` bytes of UTF-8: `char` (of `charBytes`), then `x`s. */
function recordOf(bytes: number, char = 'x', charBytes = 1): Record<string, unknown> {
  const fill = bytes - '{"p":""}'.length;
  return { p: char.repeat(Math.floor(fill / charBytes)) + 'x'.repeat(fill % charBytes) };
}

const tooLarge = (size: number, limit: number, what: string): ReturnType<typeof recordError> =>
  recordError(
    'TOO_LARGE',
    `is ${size} bytes of JSON; ${what} may be at most ${limit} bytes (${limit / 1024} KB)`,
  );

describe('checkRecordSize', () => {
  it('measures the limits in KB of 1024 bytes', () => {
    expect(MAX_RECORD_BYTES).toBe(102400);
    expect(MAX_EVENT_BYTES).toBe(10240);
  });

  it.each<[SchemaClass, number, ReturnType<typeof recordError> | undefined]>([
    ['PROFILE', MAX_RECORD_BYTES - 1, undefined],
    ['PROFILE', MAX_RECORD_BYTES, undefined],
    ['PROFILE', MAX_RECORD_BYTES + 1, tooLarge(MAX_RECORD_BYTES + 1, MAX_RECORD_BYTES, 'a record')],
    ['ACCOUNT', MAX_RECORD_BYTES, undefined],
    ['ACCOUNT', MAX_RECORD_BYTES + 1, tooLarge(MAX_RECORD_BYTES + 1, MAX_RECORD_BYTES, 'a record')],
    ['PROFILE', MAX_EVENT_BYTES + 1, undefined],
    ['EXPERIENCE_EVENT', MAX_EVENT_BYTES - 1, undefined],
    ['EXPERIENCE_EVENT', MAX_EVENT_BYTES, undefined],
    [
      'EXPERIENCE_EVENT',
      MAX_EVENT_BYTES + 1,
      tooLarge(MAX_EVENT_BYTES + 1, MAX_EVENT_BYTES, 'an event'),
    ],
    ['EXPERIENCE_EVENT', MAX_RECORD_BYTES, tooLarge(MAX_RECORD_BYTES, MAX_EVENT_BYTES, 'an event')],
  ])('checks a %s record of %d bytes', (schemaClass, bytes, expected) => {
    expect(checkRecordSize(recordOf(bytes), schemaClass)).toEqual(expected);
  });

  it.each<[string, number]>([
    ['é', 2],
    ['€', 3],
    ['😀', 4],
  ])('counts %s as %d bytes of UTF-8, not one character', (char, charBytes) => {
    const atLimit = recordOf(MAX_EVENT_BYTES, char, charBytes);
    const over = recordOf(MAX_EVENT_BYTES + charBytes, char, charBytes);
    expect(checkRecordSize(atLimit, 'EXPERIENCE_EVENT')).toBeUndefined();
    expect(checkRecordSize(over, 'EXPERIENCE_EVENT')).toEqual(
      tooLarge(MAX_EVENT_BYTES + charBytes, MAX_EVENT_BYTES, 'an event'),
    );
    expect(JSON.stringify(over).length).toBeLessThan(MAX_EVENT_BYTES);
  });

  it('counts the JSON text: escapes included', () => {
    // Each quote is one character but two bytes of JSON (\").
    const quotes = { p: '"'.repeat((MAX_EVENT_BYTES - 8) / 2) };
    expect(checkRecordSize(quotes, 'EXPERIENCE_EVENT')).toBeUndefined();
    expect(checkRecordSize({ ...quotes, q: 1 }, 'EXPERIENCE_EVENT')).toEqual(
      tooLarge(MAX_EVENT_BYTES + 6, MAX_EVENT_BYTES, 'an event'),
    );
  });
});
