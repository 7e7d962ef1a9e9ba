import { lastUpdatedDate } from '../../../../src/domain/records/lastUpdatedDate';

describe('lastUpdatedDate', () => {
  it.each<[string, Record<string, unknown>, number | undefined]>([
    [
      'an ISO-8601 string with a zone',
      { extSourceSystemAudit: { lastUpdatedDate: '2024-01-01T10:00:00+01:00' } },
      Date.UTC(2024, 0, 1, 9),
    ],
    [
      'epoch milliseconds',
      { extSourceSystemAudit: { lastUpdatedDate: 1704067200000 } },
      1704067200000,
    ],
    ['zero epoch milliseconds', { extSourceSystemAudit: { lastUpdatedDate: 0 } }, 0],
    ['no audit object', { crmId: 'c1' }, undefined],
    ['a null audit object', { extSourceSystemAudit: null }, undefined],
    ['an audit object without the date', { extSourceSystemAudit: {} }, undefined],
    ['a null date', { extSourceSystemAudit: { lastUpdatedDate: null } }, undefined],
    [
      'a string without a zone',
      { extSourceSystemAudit: { lastUpdatedDate: '2024-01-01T10:00:00' } },
      undefined,
    ],
    ['a date only', { extSourceSystemAudit: { lastUpdatedDate: '2024-01-01' } }, undefined],
    ['a non-integer number', { extSourceSystemAudit: { lastUpdatedDate: 1.5 } }, undefined],
    [
      'epoch milliseconds as a string',
      { extSourceSystemAudit: { lastUpdatedDate: '1704067200000' } },
      undefined,
    ],
    ['a boolean', { extSourceSystemAudit: { lastUpdatedDate: true } }, undefined],
    ['an audit array', { extSourceSystemAudit: [{ lastUpdatedDate: 1704067200000 }] }, undefined],
    ['a top-level field of that name', { lastUpdatedDate: 1704067200000 }, undefined],
  ])('reads %s', (_, record, expected) => {
    expect(lastUpdatedDate(record)).toBe(expected);
  });
});
