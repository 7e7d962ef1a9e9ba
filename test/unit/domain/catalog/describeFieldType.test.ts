import {
  canHoldFields,
  describeFieldType,
  sameFieldType,
} from '../../../../src/domain/catalog/describeFieldType';
import type { SchemaField } from '../../../../src/domain/catalog/types';

type FieldTypeOf = Pick<SchemaField, 'type' | 'itemType'>;

const t = (type: SchemaField['type'], itemType: SchemaField['itemType'] = null): FieldTypeOf => ({
  type,
  itemType,
});

describe('describeFieldType', () => {
  it.each<[FieldTypeOf, string]>([
    [t('STRING'), 'STRING'],
    [t('DATE_TIME'), 'DATE_TIME'],
    [t('OBJECT'), 'OBJECT'],
    [t('ARRAY', 'STRING'), 'ARRAY<STRING>'],
    [t('ARRAY', 'OBJECT'), 'ARRAY<OBJECT>'],
    [t('ARRAY'), 'ARRAY<ANY>'],
  ])('describes %j as %s', (fieldType, text) => {
    expect(describeFieldType(fieldType)).toBe(text);
  });
});

describe('sameFieldType', () => {
  it.each<[FieldTypeOf, FieldTypeOf, boolean]>([
    [t('STRING'), t('STRING'), true],
    [t('STRING'), t('NUMBER'), false],
    [t('INTEGER'), t('NUMBER'), false],
    [t('ARRAY', 'STRING'), t('ARRAY', 'STRING'), true],
    [t('ARRAY', 'STRING'), t('ARRAY', 'NUMBER'), false],
    [t('ARRAY', 'OBJECT'), t('OBJECT'), false],
    [t('ARRAY'), t('ARRAY', 'STRING'), false],
  ])('compares %j with %j as %s', (a, b, same) => {
    expect(sameFieldType(a, b)).toBe(same);
    expect(sameFieldType(b, a)).toBe(same);
  });
});

describe('canHoldFields', () => {
  it.each<[FieldTypeOf, boolean]>([
    [t('OBJECT'), true],
    [t('ARRAY', 'OBJECT'), true],
    [t('ARRAY', 'STRING'), false],
    [t('ARRAY'), false],
    [t('STRING'), false],
    [t('DATE_TIME'), false],
    [t('BOOLEAN'), false],
  ])('answers %j with %s', (fieldType, can) => {
    expect(canHoldFields(fieldType)).toBe(can);
  });
});
