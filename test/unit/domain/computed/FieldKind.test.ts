import { FIELD_KINDS, fieldKindOf } from '../../../../src/domain/computed/FieldKind';
import { FIELD_TYPES, type FieldType } from '../../../../src/domain/enumValues';
import type { FieldKind } from '../../../../src/domain/computed/FieldKind';

describe('fieldKindOf (SEMANTICS §1 field types, §5)', () => {
  it.each<[FieldType, FieldKind]>([
    ['STRING', 'string'],
    ['NUMBER', 'number'],
    ['INTEGER', 'number'],
    ['BOOLEAN', 'boolean'],
    ['DATE', 'string'],
    ['DATE_TIME', 'date-time'],
    ['OBJECT', 'object'],
    ['ARRAY', 'array'],
  ])('gives %s fields the kind %s', (type, kind) => {
    expect(fieldKindOf(type)).toBe(kind);
  });

  it('gives every field type one of the kinds', () => {
    const kinds: readonly string[] = FIELD_KINDS;
    for (const type of FIELD_TYPES) expect(kinds).toContain(fieldKindOf(type));
  });
});
