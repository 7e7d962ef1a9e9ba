import {
  MAX_EPOCH_MILLIS,
  isCalendarDate,
  parseDateTime,
} from '../../../../src/domain/records/parseDateTime';

const JAN_1_2024 = Date.UTC(2024, 0, 1);

describe('parseDateTime', () => {
  it.each<[string, number]>([
    ['2024-01-01T00:00:00Z', JAN_1_2024],
    ['2024-01-01T00:00:00z', JAN_1_2024],
    ['2024-01-01t00:00:00Z', JAN_1_2024],
    ['2024-01-01T00:00:00+00:00', JAN_1_2024],
    ['2024-01-01T00:00:00-00:00', JAN_1_2024],
    ['2024-01-01T10:30:00+02:00', Date.UTC(2024, 0, 1, 8, 30)],
    ['2024-01-01T10:30:00+0200', Date.UTC(2024, 0, 1, 8, 30)],
    ['2024-01-01T10:30:00+02', Date.UTC(2024, 0, 1, 8, 30)],
    ['2024-01-01T10:30:00-02:30', Date.UTC(2024, 0, 1, 13, 0)],
    ['2024-01-01T01:00:00+02:00', Date.UTC(2023, 11, 31, 23, 0)],
    ['2024-01-01T10:30Z', Date.UTC(2024, 0, 1, 10, 30)],
    ['2024-01-01T10:30:15.5Z', Date.UTC(2024, 0, 1, 10, 30, 15, 500)],
    ['2024-01-01T10:30:15.05Z', Date.UTC(2024, 0, 1, 10, 30, 15, 50)],
    ['2024-01-01T10:30:15.123456Z', Date.UTC(2024, 0, 1, 10, 30, 15, 123)],
    ['2024-02-29T12:00:00Z', Date.UTC(2024, 1, 29, 12)],
    ['2000-02-29T00:00:00Z', Date.UTC(2000, 1, 29)],
    ['2024-12-31T23:59:59.999-23:59', Date.UTC(2025, 0, 1, 23, 58, 59, 999)],
    ['1969-12-31T23:59:59.999Z', -1],
    ['0099-01-01T00:00:00Z', Date.parse('0099-01-01T00:00:00.000Z')],
    ['0000-01-01T00:00:00Z', Date.parse('0000-01-01T00:00:00.000Z')],
  ])('reads %s', (text, millis) => {
    expect(parseDateTime(text)).toBe(millis);
  });

  it.each<string>([
    '2024-01-01T00:00:00',
    '2024-01-01T00:00',
    '2024-01-01',
    '2024-01-01 00:00:00Z',
    '2024-01-01T00:00:00.Z',
    '2024-01-01T00:00:00,5Z',
    '2024-01-01T0:00:00Z',
    '2024-1-01T00:00:00Z',
    '24-01-01T00:00:00Z',
    '+002024-01-01T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '2024-04-31T00:00:00Z',
    '2024-13-01T00:00:00Z',
    '2024-00-10T00:00:00Z',
    '2024-01-00T00:00:00Z',
    '2024-01-32T00:00:00Z',
    '2024-01-01T24:00:00Z',
    '2024-01-01T23:60:00Z',
    '2024-01-01T23:59:60Z',
    '2024-01-01T00:00:00+24:00',
    '2024-01-01T00:00:00+02:60',
    '2024-01-01T00:00:00+2:00',
    '2024-01-01T00:00:00 Z',
    ' 2024-01-01T00:00:00Z',
    '2024-01-01T00:00:00Z ',
    'Mon, 01 Jan 2024 00:00:00 GMT',
    '1704067200000',
    '',
  ])('rejects the string %j', (text) => {
    expect(parseDateTime(text)).toBeUndefined();
  });

  it.each<[number, number | undefined]>([
    [0, 0],
    [JAN_1_2024, JAN_1_2024],
    [-1, -1],
    [MAX_EPOCH_MILLIS, MAX_EPOCH_MILLIS],
    [-MAX_EPOCH_MILLIS, -MAX_EPOCH_MILLIS],
    [MAX_EPOCH_MILLIS + 1, undefined],
    [-MAX_EPOCH_MILLIS - 1, undefined],
    [1.5, undefined],
    [Number.NaN, undefined],
    [Number.POSITIVE_INFINITY, undefined],
  ])('reads the epoch milliseconds %d as %s', (value, expected) => {
    expect(parseDateTime(value)).toBe(expected);
  });

  it.each<unknown>([null, undefined, true, {}, [], [JAN_1_2024]])('rejects %j', (value) => {
    expect(parseDateTime(value)).toBeUndefined();
  });

  it('covers exactly the range a Date can hold', () => {
    expect(new Date(MAX_EPOCH_MILLIS).getTime()).toBe(MAX_EPOCH_MILLIS);
    expect(new Date(MAX_EPOCH_MILLIS + 1).getTime()).toBeNaN();
  });
});

describe('isCalendarDate', () => {
  it.each<[string, boolean]>([
    ['2024-01-01', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['0000-02-29', true],
    ['2024-12-31', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2024-04-31', false],
    ['2024-12-32', false],
    ['2024-00-01', false],
    ['2024-13-01', false],
    ['2024-01-00', false],
    ['2024-1-01', false],
    ['2024-01-1', false],
    ['20240101', false],
    ['2024/01/01', false],
    ['2024-01-01T00:00:00Z', false],
    [' 2024-01-01', false],
    ['', false],
  ])('says %s is a calendar date: %s', (text, expected) => {
    expect(isCalendarDate(text)).toBe(expected);
  });
});
