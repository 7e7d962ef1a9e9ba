import { decodeEvent, encodeEvent } from '../../../src/realtime/busCodec';

describe('busCodec', () => {
  const roundTrip = (payload: unknown) => decodeEvent(encodeEvent(payload));

  it('brings Dates back as Dates, wherever they are', () => {
    const at = new Date('2026-03-04T05:06:07.089Z');
    const back = roundTrip({ at, nested: { list: [at, 1] } }) as {
      at: Date;
      nested: { list: [Date, number] };
    };
    expect(back.at).toBeInstanceOf(Date);
    expect(back.at.getTime()).toBe(at.getTime());
    expect(back.nested.list[0]).toEqual(at);
    expect(back.nested.list[1]).toBe(1);
  });

  it('leaves plain data as JSON has it', () => {
    const payload = { a: 'x', n: 1.5, yes: true, none: null, list: ['$date', { b: [] }] };
    expect(roundTrip(payload)).toEqual(payload);
    expect(encodeEvent(payload)).toBe(JSON.stringify(payload));
  });

  it('leaves out undefined properties, as JSON does', () => {
    expect(roundTrip({ a: 1, gone: undefined })).toEqual({ a: 1 });
  });

  it('restores only objects that are exactly a tagged Date', () => {
    const lookalike = { $date: '2026-01-01T00:00:00.000Z', other: 1 };
    expect(roundTrip(lookalike)).toEqual(lookalike);
    expect(roundTrip({ $date: 5 })).toEqual({ $date: 5 });
  });

  it('sends an invalid Date as null, as JSON.stringify would', () => {
    expect(roundTrip({ at: new Date(Number.NaN) })).toEqual({ at: null });
  });

  it('keeps a payload that is a bare Date or value', () => {
    expect(roundTrip(new Date(0))).toEqual(new Date(0));
    expect(roundTrip('text')).toBe('text');
  });
});
