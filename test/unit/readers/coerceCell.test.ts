import { coerceCell } from '../../../src/batch/readers/coerceCell';
import type { FieldType } from '../../../src/domain/enumValues';
import { field, jsonParseMessage } from './readerFixtures';

describe('coerceCell', () => {
  it.each<[FieldType, string, unknown]>([
    ['STRING', ' 42 ', ' 42 '],
    ['STRING', 'true', 'true'],
    ['NUMBER', '42', 42],
    ['NUMBER', ' -1.5 ', -1.5],
    ['NUMBER', '.5', 0.5],
    ['NUMBER', '+3.', 3],
    ['NUMBER', '6.02e23', 6.02e23],
    ['NUMBER', '1E-3', 0.001],
    ['NUMBER', '12345678901234567890', Number('12345678901234567890')], // a double, as in JSON
    ['NUMBER', 'abc', 'abc'],
    ['NUMBER', '1,000', '1,000'],
    ['NUMBER', '0x10', '0x10'],
    ['NUMBER', 'Infinity', 'Infinity'],
    ['NUMBER', 'NaN', 'NaN'],
    ['NUMBER', '1e999', '1e999'],
    ['NUMBER', '1 2', '1 2'],
    ['INTEGER', '7', 7],
    ['INTEGER', ' -7 ', -7],
    ['INTEGER', '7.0', 7],
    ['INTEGER', '1e3', 1000],
    ['INTEGER', '9007199254740991', 9007199254740991],
    ['INTEGER', '9007199254740993', '9007199254740993'],
    ['INTEGER', '7.5', '7.5'],
    ['INTEGER', 'seven', 'seven'],
    ['BOOLEAN', 'true', true],
    ['BOOLEAN', 'TRUE', true],
    ['BOOLEAN', ' True ', true],
    ['BOOLEAN', '1', true],
    ['BOOLEAN', 'false', false],
    ['BOOLEAN', 'False', false],
    ['BOOLEAN', '0', false],
    ['BOOLEAN', 'yes', 'yes'],
    ['BOOLEAN', '2', '2'],
    ['DATE', '2024-02-29', '2024-02-29'],
    ['DATE_TIME', '2024-02-29T10:00:00Z', '2024-02-29T10:00:00Z'],
    ['DATE_TIME', '1709200800000', 1709200800000], // epoch ms, as JSON would carry it
    ['DATE_TIME', ' -86400000 ', -86400000],
    ['DATE_TIME', '2024', '2024'], // a year alone is not epoch ms: validation rejects it
    ['ARRAY', '["a","b"]', ['a', 'b']],
    ['ARRAY', ' [1, {"x": "2"}] ', [1, { x: '2' }]],
    ['ARRAY', '[]', []],
    ['OBJECT', '{"a":{"b":1}}', { a: { b: 1 } }],
  ])('%s %j → %j', (type, cell, value) => {
    expect(coerceCell(cell, field('f', type, type === 'ARRAY' ? 'STRING' : null))).toEqual({
      ok: true,
      value,
    });
  });

  it('keeps the cell of a column the schema does not know', () => {
    expect(coerceCell('42', undefined)).toEqual({ ok: true, value: '42' });
  });

  it.each<[FieldType, string, string]>([
    ['ARRAY', 'a,b', 'is not a JSON array: '],
    ['ARRAY', '"a"', 'is not a JSON array'],
    ['ARRAY', '{"a":1}', 'is not a JSON array'],
    ['OBJECT', '[1]', 'is not a JSON object'],
    ['OBJECT', 'null', 'is not a JSON object'],
    ['OBJECT', '{a:1}', 'is not a JSON object: '],
  ])('refuses %s %j', (type, cell, reason) => {
    const parseError = reason.endsWith(': ') ? jsonParseMessage(cell) : '';
    expect(coerceCell(cell, field('f', type, 'STRING'))).toEqual({
      ok: false,
      reason: reason + parseError,
    });
  });
});
