import type { AppError } from '../../../../src/domain/AppError';
import {
  checkExportRequest,
  MAX_EXPORT_FIELDS,
} from '../../../../src/domain/exports/checkExportRequest';
import type { ExportRequest } from '../../../../src/domain/exports/ExportJob';

const KNOWN = new Set(['crmId', 'email', 'person', 'person.age', 'person.name.firstName']);
const base: ExportRequest = {
  format: 'NDJSON',
  fields: null,
  includeEvents: false,
  eventsSince: null,
};

const issuesOf = (request: Partial<ExportRequest>) => {
  try {
    checkExportRequest({ ...base, ...request }, KNOWN);
    return [];
  } catch (error) {
    return (error as AppError).issues.map((i) => i.field);
  }
};

describe('checkExportRequest (SEMANTICS §7)', () => {
  it.each<[string, Partial<ExportRequest>]>([
    ['NDJSON, everything', {}],
    ['NDJSON, some fields', { fields: ['person.age', 'email'] }],
    ['an object field keeps the whole object', { fields: ['person'] }],
    ['NDJSON with all events', { includeEvents: true }],
    ['NDJSON with recent events', { includeEvents: true, eventsSince: new Date(0) }],
    ['CSV with fields', { format: 'CSV', fields: ['crmId', 'person.age'] }],
  ])('accepts %s', (_, request) => {
    expect(issuesOf(request)).toEqual([]);
  });

  it.each<[string, Partial<ExportRequest>, string[]]>([
    ['CSV without fields', { format: 'CSV' }, ['input.fields']],
    ['CSV with no fields', { format: 'CSV', fields: [] }, ['input.fields']],
    [
      'CSV with events',
      { format: 'CSV', fields: ['crmId'], includeEvents: true },
      ['input.includeEvents'],
    ],
    ['eventsSince without events', { eventsSince: new Date(0) }, ['input.eventsSince']],
    ['an unknown field', { fields: ['email', 'person.nope'] }, ['input.fields[1]']],
    ['a field listed twice', { fields: ['email', 'email'] }, ['input.fields[1]']],
    [
      'a malformed path',
      { fields: ['person..age', '1st'] },
      ['input.fields[0]', 'input.fields[1]'],
    ],
    [
      'every problem at once',
      { format: 'CSV', includeEvents: true, fields: ['x'] },
      ['input.fields[0]', 'input.includeEvents'],
    ],
  ])('refuses %s, naming the paths', (_, request, paths) => {
    expect(issuesOf(request)).toEqual(paths);
  });

  it(`refuses more than ${MAX_EXPORT_FIELDS} fields`, () => {
    const fields = Array.from({ length: MAX_EXPORT_FIELDS + 1 }, () => 'email');
    expect(issuesOf({ fields })[0]).toBe('input.fields');
  });
});
