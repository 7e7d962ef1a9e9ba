import {
  IDENTITY_MAP,
  IDENTITY_MAP_FIELD,
  LAST_UPDATED_DATE,
  implicitFields,
} from '../../../../src/domain/catalog/implicitFields';
import type { SchemaClass } from '../../../../src/domain/enumValues';
import { shape } from './fixtures';

describe('implicitFields', () => {
  it.each<[SchemaClass, string[]]>([
    [
      'PROFILE',
      ['identityMap:OBJECT', 'extSourceSystemAudit:OBJECT', `${LAST_UPDATED_DATE}:DATE_TIME`],
    ],
    [
      'ACCOUNT',
      ['identityMap:OBJECT', 'extSourceSystemAudit:OBJECT', `${LAST_UPDATED_DATE}:DATE_TIME`],
    ],
    ['EXPERIENCE_EVENT', ['identityMap:OBJECT', '_id:STRING', 'timestamp:DATE_TIME']],
  ])('gives a %s schema %j', (schemaClass, expected) => {
    expect(shape(implicitFields(schemaClass))).toEqual(expected);
  });

  it.each<[SchemaClass, string[]]>([
    ['PROFILE', []],
    ['ACCOUNT', []],
    ['EXPERIENCE_EVENT', ['_id', 'timestamp']],
  ])('makes exactly %s fields %j required', (schemaClass, required) => {
    expect(
      implicitFields(schemaClass)
        .filter((f) => f.required)
        .map((f) => f.path),
    ).toEqual(required);
  });

  it.each<SchemaClass>(['PROFILE', 'ACCOUNT', 'EXPERIENCE_EVENT'])(
    'describes every implicit field of a %s schema',
    (schemaClass) => {
      for (const f of implicitFields(schemaClass)) {
        expect(f.description).toEqual(expect.stringMatching(/\S/));
        expect(f.itemType).toBeNull();
      }
    },
  );

  it('names the reserved identity map and the last-updated date', () => {
    expect(IDENTITY_MAP).toBe('identityMap');
    expect(LAST_UPDATED_DATE).toBe('extSourceSystemAudit.lastUpdatedDate');
    expect(IDENTITY_MAP_FIELD).toEqual({
      path: 'identityMap',
      type: 'OBJECT',
      itemType: null,
      required: false,
      description:
        'Identities by namespace: { "<namespace>": [{ "id": "...", "primary": true|false }] }',
    });
  });

  it('returns a new list on every call', () => {
    const first = implicitFields('PROFILE');
    first.pop();
    expect(implicitFields('PROFILE')).toHaveLength(3);
  });
});
