import { parse } from 'csv-parse/sync';
import { exportEncoder } from '../../../../src/domain/exports/exportEncoder';
import type { ExportedProfile } from '../../../../src/domain/exports/exportRows';

const ann: ExportedProfile = {
  identities: [
    { namespace: 'CRMID', id: 'c1' },
    { namespace: 'Email', id: 'ann@example.com' },
  ],
  attributes: {
    person: { name: { firstName: 'Ann, "the first"\nof her name' }, age: 41, vip: true },
    tags: ['a', 'b'],
    address: { city: 'Oslo' },
  },
};
const bo: ExportedProfile = { identities: [{ namespace: 'CRMID', id: 'c;2' }], attributes: {} };

describe('exportEncoder (SEMANTICS §7)', () => {
  it('writes NDJSON: one object per line, nothing before the first', () => {
    const encoder = exportEncoder({ format: 'NDJSON', fields: null });
    expect(encoder.start()).toBe('');
    const text = encoder.page([ann, bo]);
    expect(text.endsWith('\n')).toBe(true);
    expect(
      text
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([ann, bo]);
    expect(encoder.page([])).toBe('');
  });

  it('writes CSV that a CSV reader reads back cell for cell', () => {
    const fields = ['person.name.firstName', 'person.age', 'person.vip', 'tags', 'address', 'nope'];
    const encoder = exportEncoder({ format: 'CSV', fields });
    const text = encoder.start() + encoder.page([ann]) + encoder.page([bo]);
    expect(parse(text)).toEqual([
      ['identities', ...fields],
      [
        JSON.stringify(ann.identities),
        'Ann, "the first"\nof her name',
        '41',
        'true',
        '["a","b"]',
        '{"city":"Oslo"}',
        '',
      ],
      ['[{"namespace":"CRMID","id":"c;2"}]', '', '', '', '', '', ''],
    ]);
  });
});
