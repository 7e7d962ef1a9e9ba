import { addDeclaredFields, MAX_FIELDS } from '../../../../src/domain/catalog/addDeclaredFields';
import { IDENTITY_MAP_FIELD } from '../../../../src/domain/catalog/implicitFields';
import type { SchemaField, SchemaFieldInput } from '../../../../src/domain/catalog/types';
import type { SchemaClass } from '../../../../src/domain/enumValues';
import { expectBadInput, type ExpectedIssue } from '../expectBadInput';
import { field, shape } from './fixtures';

const PREFIX = 'input.fields';

/** Implicit fields of PROFILE and ACCOUNT schemas, sorted by path. */
const RECORD_IMPLICIT = [
  'extSourceSystemAudit:OBJECT',
  'extSourceSystemAudit.lastUpdatedDate:DATE_TIME',
  'identityMap:OBJECT',
];
const EVENT_IMPLICIT = ['_id:STRING', 'identityMap:OBJECT', 'timestamp:DATE_TIME'];

const implicitShape = (schemaClass: SchemaClass): string[] =>
  schemaClass === 'EXPERIENCE_EVENT' ? EVENT_IMPLICIT : RECORD_IMPLICIT;

const add = (schemaClass: SchemaClass, declared: SchemaFieldInput[]): SchemaField[] =>
  addDeclaredFields(schemaClass, undefined, declared, PREFIX);

/** `n` distinct top-level STRING declarations. */
const strings = (n: number): SchemaFieldInput[] =>
  Array.from({ length: n }, (_, i) => ({ path: `f${String(i).padStart(4, '0')}`, type: 'STRING' }));

describe('addDeclaredFields', () => {
  describe('a new schema', () => {
    it('starts a PROFILE schema with its implicit fields, descriptions included', () => {
      expect(add('PROFILE', [])).toEqual([
        field('extSourceSystemAudit', 'OBJECT', { description: 'Audit data of the source system' }),
        field('extSourceSystemAudit.lastUpdatedDate', 'DATE_TIME', {
          description: 'When the source last changed the record',
        }),
        IDENTITY_MAP_FIELD,
      ]);
    });

    it('starts an EXPERIENCE_EVENT schema with a required _id and timestamp', () => {
      expect(add('EXPERIENCE_EVENT', [])).toEqual([
        field('_id', 'STRING', {
          required: true,
          description: 'Unique id of the event; a repeated _id is ignored',
        }),
        IDENTITY_MAP_FIELD,
        field('timestamp', 'DATE_TIME', { required: true, description: 'When the event happened' }),
      ]);
    });

    it('starts an ACCOUNT schema with the same implicit fields as a PROFILE schema', () => {
      expect(shape(add('ACCOUNT', []))).toEqual(RECORD_IMPLICIT);
    });

    it('keeps required and description of a declared field, and defaults them', () => {
      const result = add('PROFILE', [
        { path: 'age', type: 'INTEGER', required: true, description: 'Age in years' },
        { path: 'city', type: 'STRING', itemType: null, required: null, description: null },
        { path: 'tags', type: 'ARRAY', itemType: 'STRING' },
      ]);
      expect(result.filter((f) => ['age', 'city', 'tags'].includes(f.path))).toEqual([
        field('age', 'INTEGER', { required: true, description: 'Age in years' }),
        field('city', 'STRING'),
        field('tags', 'ARRAY', { itemType: 'STRING' }),
      ]);
    });

    it('implies parents as optional OBJECT fields without description', () => {
      const result = add('PROFILE', [{ path: 'person.name.first', type: 'STRING' }]);
      expect(result.filter((f) => f.path.startsWith('person'))).toEqual([
        field('person', 'OBJECT'),
        field('person.name', 'OBJECT'),
        field('person.name.first', 'STRING'),
      ]);
    });
  });

  interface Accepted {
    name: string;
    schemaClass: SchemaClass;
    declared: SchemaFieldInput[];
    added: string[];
  }

  const accepted: Accepted[] = [
    {
      name: 'a top-level STRING',
      schemaClass: 'PROFILE',
      declared: [{ path: 'email', type: 'STRING' }],
      added: ['email:STRING'],
    },
    {
      name: 'one field of every scalar type',
      schemaClass: 'ACCOUNT',
      declared: [
        { path: 's', type: 'STRING' },
        { path: 'n', type: 'NUMBER' },
        { path: 'i', type: 'INTEGER' },
        { path: 'b', type: 'BOOLEAN' },
        { path: 'd', type: 'DATE' },
        { path: 'dt', type: 'DATE_TIME' },
      ],
      added: ['b:BOOLEAN', 'd:DATE', 'dt:DATE_TIME', 'i:INTEGER', 'n:NUMBER', 's:STRING'],
    },
    {
      name: 'a deep path, implying every parent',
      schemaClass: 'PROFILE',
      declared: [{ path: 'a.b.c.d', type: 'BOOLEAN' }],
      added: ['a:OBJECT', 'a.b:OBJECT', 'a.b.c:OBJECT', 'a.b.c.d:BOOLEAN'],
    },
    {
      name: 'an explicit OBJECT parent declared before its children',
      schemaClass: 'PROFILE',
      declared: [
        { path: 'home', type: 'OBJECT' },
        { path: 'home.city', type: 'STRING' },
        { path: 'home.zip', type: 'STRING' },
      ],
      added: ['home:OBJECT', 'home.city:STRING', 'home.zip:STRING'],
    },
    {
      name: 'siblings sharing an implied parent',
      schemaClass: 'EXPERIENCE_EVENT',
      declared: [
        { path: 'web.url', type: 'STRING' },
        { path: 'web.referrer', type: 'STRING' },
      ],
      added: ['web:OBJECT', 'web.referrer:STRING', 'web.url:STRING'],
    },
    {
      name: 'fields under an ARRAY of OBJECT',
      schemaClass: 'PROFILE',
      declared: [
        { path: 'addresses', type: 'ARRAY', itemType: 'OBJECT' },
        { path: 'addresses.city', type: 'STRING' },
      ],
      added: ['addresses:ARRAY<OBJECT>', 'addresses.city:STRING'],
    },
    {
      name: 'an ARRAY of every item type',
      schemaClass: 'PROFILE',
      declared: [
        { path: 'tags', type: 'ARRAY', itemType: 'STRING' },
        { path: 'scores', type: 'ARRAY', itemType: 'NUMBER' },
      ],
      added: ['scores:ARRAY<NUMBER>', 'tags:ARRAY<STRING>'],
    },
    {
      name: 'a field under the implicit extSourceSystemAudit object',
      schemaClass: 'PROFILE',
      declared: [{ path: 'extSourceSystemAudit.source', type: 'STRING' }],
      added: ['extSourceSystemAudit.source:STRING'],
    },
    {
      name: 'a re-declared implicit field of the same type (no-op)',
      schemaClass: 'EXPERIENCE_EVENT',
      declared: [
        { path: '_id', type: 'STRING' },
        { path: 'timestamp', type: 'DATE_TIME' },
      ],
      added: [],
    },
    {
      name: 'a re-declared implied parent of the same type (no-op)',
      schemaClass: 'PROFILE',
      declared: [
        { path: 'a.b', type: 'STRING' },
        { path: 'a', type: 'OBJECT' },
      ],
      added: ['a:OBJECT', 'a.b:STRING'],
    },
    {
      name: 'a path that merely starts with "identityMap"',
      schemaClass: 'PROFILE',
      declared: [{ path: 'identityMapNotes', type: 'STRING' }],
      added: ['identityMapNotes:STRING'],
    },
    {
      name: 'a description of exactly 1024 characters',
      schemaClass: 'PROFILE',
      declared: [{ path: 'note', type: 'STRING', description: 'x'.repeat(1024) }],
      added: ['note:STRING'],
    },
    {
      name: 'a path of exactly 10 segments',
      schemaClass: 'PROFILE',
      declared: [{ path: 'a.b.c.d.e.f.g.h.i.j', type: 'STRING' }],
      added: [
        'a:OBJECT',
        'a.b:OBJECT',
        'a.b.c:OBJECT',
        'a.b.c.d:OBJECT',
        'a.b.c.d.e:OBJECT',
        'a.b.c.d.e.f:OBJECT',
        'a.b.c.d.e.f.g:OBJECT',
        'a.b.c.d.e.f.g.h:OBJECT',
        'a.b.c.d.e.f.g.h.i:OBJECT',
        'a.b.c.d.e.f.g.h.i.j:STRING',
      ],
    },
  ];

  it.each(accepted)('accepts $name', ({ schemaClass, declared, added }) => {
    // Order is checked on its own below; here only which fields there are.
    const expected = [...implicitShape(schemaClass), ...added].sort();
    expect(shape(add(schemaClass, declared)).sort()).toEqual(expected);
  });

  it('returns the fields sorted by path', () => {
    const result = add('PROFILE', [
      { path: 'zip', type: 'STRING' },
      { path: 'b.y', type: 'STRING' },
      { path: 'age', type: 'INTEGER' },
      { path: 'b', type: 'OBJECT' },
    ]);
    expect(result.map((f) => f.path)).toEqual([
      'age',
      'b',
      'b.y',
      'extSourceSystemAudit',
      'extSourceSystemAudit.lastUpdatedDate',
      'identityMap',
      'zip',
    ]);
  });

  it('keeps the first definition when a re-declaration of the same type differs otherwise', () => {
    const result = add('EXPERIENCE_EVENT', [
      { path: '_id', type: 'STRING', required: false, description: 'mine' },
    ]);
    expect(result.find((f) => f.path === '_id')).toEqual(
      field('_id', 'STRING', {
        required: true,
        description: 'Unique id of the event; a repeated _id is ignored',
      }),
    );
  });

  interface Rejected {
    name: string;
    schemaClass: SchemaClass;
    declared: SchemaFieldInput[];
    issues: ExpectedIssue[];
  }

  const rejected: Rejected[] = [
    {
      name: 'a path starting with a digit',
      schemaClass: 'PROFILE',
      declared: [{ path: '1st', type: 'STRING' }],
      issues: [[`${PREFIX}[0].path`, '"1st" is not a dot path of names']],
    },
    {
      name: 'an empty path',
      schemaClass: 'PROFILE',
      declared: [{ path: '', type: 'STRING' }],
      issues: [[`${PREFIX}[0].path`, 'is not a dot path of names']],
    },
    {
      name: 'an empty segment',
      schemaClass: 'PROFILE',
      declared: [{ path: 'a..b', type: 'STRING' }],
      issues: [[`${PREFIX}[0].path`, '"a..b" is not a dot path of names']],
    },
    {
      name: 'a dash in a segment',
      schemaClass: 'ACCOUNT',
      declared: [{ path: 'first-name', type: 'STRING' }],
      issues: [[`${PREFIX}[0].path`, '"first-name" is not a dot path of names']],
    },
    {
      name: 'a path of 11 segments',
      schemaClass: 'PROFILE',
      declared: [{ path: 'a.b.c.d.e.f.g.h.i.j.k', type: 'STRING' }],
      issues: [[`${PREFIX}[0].path`, 'must have at most 10 segments']],
    },
    {
      name: 'a path of 257 characters',
      schemaClass: 'PROFILE',
      declared: [{ path: 'a'.repeat(257), type: 'STRING' }],
      issues: [[`${PREFIX}[0].path`, 'must be at most 256 characters']],
    },
    {
      name: 'the reserved identityMap',
      schemaClass: 'PROFILE',
      declared: [{ path: 'identityMap', type: 'OBJECT' }],
      issues: [[`${PREFIX}[0].path`, '"identityMap" is reserved']],
    },
    {
      name: 'a field under the reserved identityMap',
      schemaClass: 'EXPERIENCE_EVENT',
      declared: [{ path: 'identityMap.ECID', type: 'STRING' }],
      issues: [[`${PREFIX}[0].path`, '"identityMap" is reserved']],
    },
    {
      name: 'an ARRAY without itemType',
      schemaClass: 'PROFILE',
      declared: [{ path: 'tags', type: 'ARRAY' }],
      issues: [[`${PREFIX}[0].itemType`, 'is required for ARRAY fields']],
    },
    {
      name: 'an ARRAY with a null itemType',
      schemaClass: 'PROFILE',
      declared: [{ path: 'tags', type: 'ARRAY', itemType: null }],
      issues: [[`${PREFIX}[0].itemType`, 'is required for ARRAY fields']],
    },
    {
      name: 'an itemType on a STRING',
      schemaClass: 'PROFILE',
      declared: [{ path: 'tag', type: 'STRING', itemType: 'STRING' }],
      issues: [[`${PREFIX}[0].itemType`, 'is only allowed on ARRAY fields']],
    },
    {
      name: 'an itemType on an OBJECT',
      schemaClass: 'PROFILE',
      declared: [{ path: 'home', type: 'OBJECT', itemType: 'OBJECT' }],
      issues: [[`${PREFIX}[0].itemType`, 'is only allowed on ARRAY fields']],
    },
    {
      name: 'a description of 1025 characters',
      schemaClass: 'PROFILE',
      declared: [{ path: 'note', type: 'STRING', description: 'x'.repeat(1025) }],
      issues: [[`${PREFIX}[0].description`, 'must be at most 1024 characters']],
    },
    {
      name: 'a path declared twice with the same type',
      schemaClass: 'PROFILE',
      declared: [
        { path: 'email', type: 'STRING' },
        { path: 'phone', type: 'STRING' },
        { path: 'email', type: 'STRING' },
      ],
      issues: [[`${PREFIX}[2].path`, '"email" is declared twice']],
    },
    {
      name: 'a path declared twice with different types',
      schemaClass: 'PROFILE',
      declared: [
        { path: 'age', type: 'INTEGER' },
        { path: 'age', type: 'STRING' },
      ],
      issues: [
        [`${PREFIX}[1].path`, '"age" is declared twice'],
        [`${PREFIX}[1].type`, '"age" is already INTEGER; a field is never retyped'],
      ],
    },
    {
      name: 'a field under a STRING',
      schemaClass: 'PROFILE',
      declared: [
        { path: 'name', type: 'STRING' },
        { path: 'name.first', type: 'STRING' },
      ],
      issues: [[`${PREFIX}[1].path`, '"name" is STRING and cannot hold fields']],
    },
    {
      name: 'a field under an ARRAY of STRING',
      schemaClass: 'PROFILE',
      declared: [
        { path: 'tags', type: 'ARRAY', itemType: 'STRING' },
        { path: 'tags.label', type: 'STRING' },
      ],
      issues: [[`${PREFIX}[1].path`, '"tags" is ARRAY<STRING> and cannot hold fields']],
    },
    {
      name: 'a field under a STRING declared twice, without a cascade of problems',
      schemaClass: 'PROFILE',
      declared: [
        { path: 'name', type: 'STRING' },
        { path: 'name.first', type: 'STRING' },
        { path: 'name.first', type: 'NUMBER' },
      ],
      // Input problems come in input order, then structural ones (parents are placed first).
      issues: [
        [`${PREFIX}[2].path`, '"name.first" is declared twice'],
        [`${PREFIX}[1].path`, '"name" is STRING and cannot hold fields'],
        [`${PREFIX}[2].path`, '"name" is STRING and cannot hold fields'],
      ],
    },
    {
      name: 'a field deep under a non-object ancestor',
      schemaClass: 'PROFILE',
      declared: [
        { path: 'a.b', type: 'NUMBER' },
        { path: 'a.b.c.d', type: 'STRING' },
      ],
      issues: [[`${PREFIX}[1].path`, '"a.b" is NUMBER and cannot hold fields']],
    },
    {
      name: 'a field under the implicit lastUpdatedDate',
      schemaClass: 'ACCOUNT',
      declared: [{ path: 'extSourceSystemAudit.lastUpdatedDate.zone', type: 'STRING' }],
      issues: [
        [
          `${PREFIX}[0].path`,
          '"extSourceSystemAudit.lastUpdatedDate" is DATE_TIME and cannot hold fields',
        ],
      ],
    },
    {
      name: 'a field under the implicit event timestamp',
      schemaClass: 'EXPERIENCE_EVENT',
      declared: [{ path: 'timestamp.zone', type: 'STRING' }],
      issues: [[`${PREFIX}[0].path`, '"timestamp" is DATE_TIME and cannot hold fields']],
    },
    {
      name: 'a retyped implicit timestamp',
      schemaClass: 'EXPERIENCE_EVENT',
      declared: [{ path: 'timestamp', type: 'STRING' }],
      issues: [[`${PREFIX}[0].type`, '"timestamp" is already DATE_TIME; a field is never retyped']],
    },
    {
      name: 'a retyped implicit extSourceSystemAudit',
      schemaClass: 'PROFILE',
      declared: [{ path: 'extSourceSystemAudit', type: 'STRING' }],
      issues: [[`${PREFIX}[0].type`, '"extSourceSystemAudit" is already OBJECT']],
    },
    {
      // The declared parent is authoritative whatever the order: the child is what is wrong.
      name: 'a parent declared as STRING after a child under it',
      schemaClass: 'PROFILE',
      declared: [
        { path: 'a.b', type: 'STRING' },
        { path: 'a', type: 'STRING' },
      ],
      issues: [[`${PREFIX}[0].path`, '"a" is STRING and cannot hold fields']],
    },
    {
      name: 'every problem of one field',
      schemaClass: 'PROFILE',
      declared: [{ path: 'identityMap', type: 'ARRAY', description: 'x'.repeat(2000) }],
      issues: [
        [`${PREFIX}[0].path`, 'is reserved'],
        [`${PREFIX}[0].itemType`, 'is required for ARRAY fields'],
        [`${PREFIX}[0].description`, 'must be at most 1024 characters'],
      ],
    },
    {
      name: 'every problem of several fields',
      schemaClass: 'PROFILE',
      declared: [
        { path: 'ok', type: 'STRING' },
        { path: '9lives', type: 'STRING' },
        { path: 'flag', type: 'BOOLEAN', itemType: 'BOOLEAN' },
        { path: 'list', type: 'ARRAY' },
        { path: 'ok', type: 'STRING' },
        { path: 'ok.inner', type: 'STRING' },
      ],
      issues: [
        [`${PREFIX}[1].path`, '"9lives" is not a dot path of names'],
        [`${PREFIX}[2].itemType`, 'is only allowed on ARRAY fields'],
        [`${PREFIX}[3].itemType`, 'is required for ARRAY fields'],
        [`${PREFIX}[4].path`, '"ok" is declared twice'],
        [`${PREFIX}[5].path`, '"ok" is STRING and cannot hold fields'],
      ],
    },
  ];

  it.each(rejected)('rejects $name', ({ schemaClass, declared, issues }) => {
    expectBadInput(() => add(schemaClass, declared), issues);
  });

  it('does not let an invalid declaration imply or block anything', () => {
    // `a` is rejected (itemType on a STRING), so `a.b` still finds room for an implied object.
    expectBadInput(
      () =>
        add('PROFILE', [
          { path: 'a', type: 'STRING', itemType: 'STRING' },
          { path: 'a.b', type: 'STRING' },
        ]),
      [[`${PREFIX}[0].itemType`, 'is only allowed on ARRAY fields']],
    );
  });

  it('names bad fields after the prefix it is given', () => {
    expectBadInput(
      () => addDeclaredFields('PROFILE', undefined, [{ path: 'x', type: 'ARRAY' }], 'fields'),
      [['fields[0].itemType', 'is required for ARRAY fields']],
    );
  });

  describe('adding to an existing schema', () => {
    const base: readonly SchemaField[] = [
      field('email', 'STRING', { required: true, description: 'Work email' }),
      field('home', 'OBJECT'),
      field('home.city', 'STRING'),
      field('tags', 'ARRAY', { itemType: 'STRING' }),
    ];
    const add2 = (declared: SchemaFieldInput[]): SchemaField[] =>
      addDeclaredFields('PROFILE', base, declared, 'fields');

    it('starts from the given fields instead of the implicit ones', () => {
      expect(add2([])).toEqual(base);
    });

    it('adds new fields and implied parents next to the existing ones, sorted', () => {
      expect(
        shape(
          add2([
            { path: 'home.zip', type: 'STRING' },
            { path: 'work.city', type: 'STRING' },
          ]),
        ),
      ).toEqual([
        'email:STRING',
        'home:OBJECT',
        'home.city:STRING',
        'home.zip:STRING',
        'tags:ARRAY<STRING>',
        'work:OBJECT',
        'work.city:STRING',
      ]);
    });

    it('treats a re-declaration of the same type as a no-op, keeping the stored definition', () => {
      expect(
        add2([
          { path: 'email', type: 'STRING', required: false, description: 'Other' },
          { path: 'tags', type: 'ARRAY', itemType: 'STRING', required: true },
        ]),
      ).toEqual(base);
    });

    it('does not modify the given list', () => {
      const before = structuredClone(base);
      add2([{ path: 'phone', type: 'STRING' }]);
      expect(base).toEqual(before);
    });

    it.each<[string, SchemaFieldInput[], ExpectedIssue[]]>([
      [
        'a retyped field',
        [{ path: 'email', type: 'NUMBER' }],
        [['fields[0].type', '"email" is already STRING; a field is never retyped']],
      ],
      [
        'an ARRAY with another item type',
        [{ path: 'tags', type: 'ARRAY', itemType: 'NUMBER' }],
        [['fields[0].type', '"tags" is already ARRAY<STRING>; a field is never retyped']],
      ],
      [
        'an existing OBJECT retyped as ARRAY of OBJECT',
        [{ path: 'home', type: 'ARRAY', itemType: 'OBJECT' }],
        [['fields[0].type', '"home" is already OBJECT']],
      ],
      [
        'a field under an existing STRING',
        [{ path: 'email.domain', type: 'STRING' }],
        [['fields[0].path', '"email" is STRING and cannot hold fields']],
      ],
      [
        'a path already declared earlier in the same input',
        [
          { path: 'home.zip', type: 'STRING' },
          { path: 'home.zip', type: 'STRING' },
        ],
        [['fields[1].path', '"home.zip" is declared twice']],
      ],
    ])('rejects %s', (_name, declared, issues) => {
      expectBadInput(() => add2(declared), issues);
    });
  });

  describe(`at most ${MAX_FIELDS} fields`, () => {
    it('accepts exactly 1000 fields, implicit ones included', () => {
      expect(add('PROFILE', strings(MAX_FIELDS - 3))).toHaveLength(MAX_FIELDS);
    });

    it('rejects 1001 fields, naming the whole list once', () => {
      expectBadInput(
        () => add('EXPERIENCE_EVENT', strings(MAX_FIELDS - 2)),
        [[PREFIX, 'a schema holds at most 1000 fields']],
      );
    });

    it('counts implied parents', () => {
      const declared: SchemaFieldInput[] = Array.from({ length: 499 }, (_, i) => ({
        path: `g${String(i)}.v`,
        type: 'STRING',
      }));
      // 499 declared + 499 implied + 3 implicit = 1001.
      expectBadInput(() => add('PROFILE', declared), [[PREFIX, 'at most 1000 fields']]);
    });

    it('counts the fields of an existing schema', () => {
      const base = add('PROFILE', strings(MAX_FIELDS - 3));
      expect(addDeclaredFields('PROFILE', base, [{ path: 'f0000', type: 'STRING' }], 'f')).toEqual(
        base,
      );
      expectBadInput(
        () => addDeclaredFields('PROFILE', base, [{ path: 'extra', type: 'STRING' }], 'f'),
        [['f', 'a schema holds at most 1000 fields']],
      );
    });

    it('reports the limit after the problems of single fields', () => {
      expectBadInput(
        () =>
          add('PROFILE', [
            ...strings(MAX_FIELDS - 3),
            { path: 'x', type: 'ARRAY' },
            { path: 'y', type: 'STRING' },
          ]),
        [
          [`${PREFIX}[997].itemType`, 'is required for ARRAY fields'],
          [PREFIX, 'a schema holds at most 1000 fields'],
        ],
      );
    });
  });

  /**
   * Declared parents are declared, not implied: the outcome of one input must not depend on
   * whether a parent comes before or after its children.
   */
  describe('order of declarations within one input', () => {
    it.each<[string, SchemaFieldInput, SchemaFieldInput]>([
      [
        'an ARRAY of OBJECT parent',
        { path: 'orders', type: 'ARRAY', itemType: 'OBJECT' },
        { path: 'orders.sku', type: 'STRING' },
      ],
      [
        'an OBJECT parent with required and description',
        { path: 'home', type: 'OBJECT', required: true, description: 'Home address' },
        { path: 'home.city', type: 'STRING' },
      ],
    ])('gives the same fields for %s declared after its child', (_name, parent, child) => {
      const parentFirst = add('PROFILE', [parent, child]);
      expect(parentFirst.find((f) => f.path === parent.path)).toEqual(
        field(parent.path, parent.type, {
          itemType: parent.itemType ?? null,
          required: parent.required ?? false,
          description: parent.description ?? null,
        }),
      );
      expect(add('PROFILE', [child, parent])).toEqual(parentFirst);
    });
  });
});
