import {
  describeUnionConflict,
  findUnionConflict,
  unionFields,
} from '../../../../src/domain/catalog/unionSchema';
import { IDENTITY_MAP_FIELD, implicitFields } from '../../../../src/domain/catalog/implicitFields';
import type { SchemaField } from '../../../../src/domain/catalog/types';
import { field, makeSchema, shape } from './fixtures';

const base = implicitFields('PROFILE');

describe('findUnionConflict', () => {
  const loyalty = makeSchema('s1', 'PROFILE', [
    ...base,
    field('points', 'INTEGER'),
    field('tier', 'STRING'),
    field('tags', 'ARRAY', { itemType: 'STRING' }),
  ]);
  const crm = makeSchema('s2', 'PROFILE', [
    ...base,
    field('tier', 'STRING', { required: true, description: 'other' }),
    field('segment', 'STRING'),
  ]);
  const me = { id: 's9', name: 'Mine' };

  it.each<[string, SchemaField[]]>([
    ['no fields', []],
    ['only the implicit fields', base],
    [
      'the same types, whatever required and description say',
      [field('tier', 'STRING', { required: true })],
    ],
    ['paths no other schema has', [field('nickname', 'NUMBER'), field('tier2', 'BOOLEAN')]],
    ['the same ARRAY item type', [field('tags', 'ARRAY', { itemType: 'STRING' })]],
  ])('finds no conflict for %s', (_name, fields) => {
    expect(findUnionConflict(me, fields, [loyalty, crm])).toBeUndefined();
  });

  it('finds no conflict without profile-enabled schemas', () => {
    expect(findUnionConflict(me, [field('tier', 'NUMBER')], [])).toBeUndefined();
  });

  it.each<[string, SchemaField, string, string]>([
    ['another scalar type', field('points', 'NUMBER'), 'NUMBER', 'INTEGER'],
    [
      'an ARRAY for a scalar',
      field('tier', 'ARRAY', { itemType: 'STRING' }),
      'ARRAY<STRING>',
      'STRING',
    ],
    [
      'another ARRAY item type',
      field('tags', 'ARRAY', { itemType: 'NUMBER' }),
      'ARRAY<NUMBER>',
      'ARRAY<STRING>',
    ],
    [
      'an object for an implicit DATE_TIME',
      field('extSourceSystemAudit.lastUpdatedDate', 'OBJECT'),
      'OBJECT',
      'DATE_TIME',
    ],
  ])('reports %s', (_name, mine, type, otherType) => {
    expect(findUnionConflict(me, [...base, mine], [loyalty, crm])).toEqual({
      path: mine.path,
      schema: me,
      other: loyalty,
      type,
      otherType,
    });
  });

  it('reports the first profile-enabled schema that clashes', () => {
    const conflict = findUnionConflict(
      me,
      [field('segment', 'INTEGER'), field('tier', 'BOOLEAN')],
      [loyalty, crm],
    );
    expect(conflict).toMatchObject({ path: 'tier', other: { id: 's1' }, otherType: 'STRING' });
  });

  it('skips the schema itself when it is already enabled', () => {
    const widened = [
      ...loyalty.fields.filter((f) => f.path !== 'points'),
      field('points', 'NUMBER'),
    ];
    expect(findUnionConflict(loyalty, widened, [loyalty])).toBeUndefined();
    expect(findUnionConflict(loyalty, widened, [loyalty, crm])).toBeUndefined();
    expect(findUnionConflict(crm, [field('points', 'NUMBER')], [loyalty, crm])).toMatchObject({
      path: 'points',
      schema: crm,
      other: loyalty,
    });
  });

  it('describes a conflict for the user', () => {
    expect(
      describeUnionConflict({
        path: 'points',
        schema: { name: 'Mine' },
        other: { name: 'Loyalty' },
        type: 'NUMBER',
        otherType: 'INTEGER',
      }),
    ).toBe(
      'field "points" is NUMBER in schema "Mine" but INTEGER in profile-enabled schema ' +
        '"Loyalty"; the union schema cannot hold both',
    );
  });
});

describe('unionFields', () => {
  it('holds only identityMap when no schema is enabled', () => {
    expect(unionFields([])).toEqual([IDENTITY_MAP_FIELD]);
  });

  it('holds identityMap even when no schema lists it', () => {
    const bare = makeSchema('s1', 'PROFILE', [field('email', 'STRING', { required: true })]);
    expect(unionFields([bare])).toEqual([
      field('email', 'STRING', { required: true }),
      IDENTITY_MAP_FIELD,
    ]);
  });

  it('gives the fields of one schema, sorted by path', () => {
    const one = makeSchema('s1', 'PROFILE', [
      field('zip', 'STRING', { required: true, description: 'Zip code' }),
      ...base,
      field('age', 'INTEGER'),
    ]);
    expect(unionFields([one])).toEqual([
      field('age', 'INTEGER'),
      ...[...base].sort((a, b) => (a.path < b.path ? -1 : 1)),
      field('zip', 'STRING', { required: true, description: 'Zip code' }),
    ]);
  });

  it('merges the fields of several schemas', () => {
    const a = makeSchema('a', 'PROFILE', [
      ...base,
      field('email', 'STRING', { required: true }),
      field('tags', 'ARRAY', { itemType: 'STRING' }),
    ]);
    const b = makeSchema('b', 'PROFILE', [
      ...base,
      field('email', 'STRING', { required: true }),
      field('home', 'OBJECT'),
      field('home.city', 'STRING'),
    ]);
    expect(shape(unionFields([a, b]))).toEqual([
      'email:STRING',
      'extSourceSystemAudit:OBJECT',
      'extSourceSystemAudit.lastUpdatedDate:DATE_TIME',
      'home:OBJECT',
      'home.city:STRING',
      'identityMap:OBJECT',
      'tags:ARRAY<STRING>',
    ]);
  });

  it.each<[string, boolean[], boolean]>([
    ['required by every schema', [true, true, true], true],
    ['required by all but one', [true, false, true], false],
    ['required by none', [false, false], false],
    ['required by the only schema', [true], true],
  ])('makes a field %s required: %s', (_name, required, expected) => {
    const schemas = required.map((r, i) =>
      makeSchema(`s${String(i)}`, 'PROFILE', [field('email', 'STRING', { required: r })]),
    );
    expect(unionFields(schemas).find((f) => f.path === 'email')?.required).toBe(expected);
  });

  it('does not make a field required that some schema lacks', () => {
    const a = makeSchema('a', 'PROFILE', [field('email', 'STRING', { required: true })]);
    const b = makeSchema('b', 'PROFILE', [field('phone', 'STRING', { required: true })]);
    expect(unionFields([a, b]).filter((f) => f.required)).toEqual([]);
  });

  it('keeps _id and timestamp required in a union of event schemas', () => {
    const events = ['e1', 'e2'].map((id) =>
      makeSchema(id, 'EXPERIENCE_EVENT', implicitFields('EXPERIENCE_EVENT')),
    );
    expect(
      unionFields(events)
        .filter((f) => f.required)
        .map((f) => f.path),
    ).toEqual(['_id', 'timestamp']);
  });

  it.each<[string, (string | null)[], string | null]>([
    ['the first schema', ['first', 'second'], 'first'],
    ['the first schema that has one', [null, 'second', 'third'], 'second'],
    ['none', [null, null], null],
  ])('takes the description of %s', (_name, descriptions, expected) => {
    const schemas = descriptions.map((description, i) =>
      makeSchema(`s${String(i)}`, 'PROFILE', [field('email', 'STRING', { description })]),
    );
    expect(unionFields(schemas).find((f) => f.path === 'email')?.description).toBe(expected);
  });

  it('keeps the description of identityMap, whatever the schemas say', () => {
    const s = makeSchema('s', 'PROFILE', [field('identityMap', 'OBJECT', { description: 'mine' })]);
    expect(unionFields([s]).find((f) => f.path === 'identityMap')).toEqual(IDENTITY_MAP_FIELD);
  });

  it('changes neither the schemas nor the implicit identityMap field', () => {
    const a = makeSchema('a', 'PROFILE', [
      field('email', 'STRING', { required: true }),
      field('identityMap', 'OBJECT'),
    ]);
    const b = makeSchema('b', 'PROFILE', [field('email', 'STRING')]);
    const before = structuredClone([a, b]);
    const identityMapBefore = structuredClone(IDENTITY_MAP_FIELD);
    const union = unionFields([a, b]);
    union.forEach((f) => {
      f.required = true;
      f.description = 'changed';
    });
    expect([a, b]).toEqual(before);
    expect(IDENTITY_MAP_FIELD).toEqual(identityMapBefore);
    expect(unionFields([])).toEqual([identityMapBefore]);
  });
});
