import {
  AddSchemaFieldsDocument,
  CreateDatasetDocument,
  CreateNamespaceDocument,
  CreateSchemaDocument,
  DatasetDocument,
  DatasetsDocument,
  EnableSchemaDocument,
  NamespacesDocument,
  SchemasDocument,
  UnionSchemaDocument,
  UpdateDatasetDocument,
} from '../generated/graphql';
import { useTestServer } from '../support/testServer';
import { eventSchema, personSchema } from './fixtures';

const server = useTestServer();

/** Each test gets a fresh sandbox: no shared data, no wiping. */
async function freshSandbox() {
  return { opts: { sandbox: await server.newSandbox('cat') } };
}

describe('identity namespaces (SEMANTICS §1)', () => {
  it('creates a custom namespace', async () => {
    const s = await freshSandbox();
    const { createIdentityNamespace } = await server.data(
      CreateNamespaceDocument,
      { input: { code: 'Loyalty_ID', name: ' Loyalty ', type: 'PERSON' } },
      s.opts,
    );
    expect(createIdentityNamespace).toEqual({
      code: 'Loyalty_ID',
      name: 'Loyalty',
      type: 'PERSON',
      custom: true,
    });
    const { identityNamespaces } = await server.data(NamespacesDocument, undefined, s.opts);
    expect(identityNamespaces.filter((n) => n.custom).map((n) => n.code)).toEqual(['Loyalty_ID']);
  });

  it.each([
    ['EMAIL', 'CONFLICT', 'input.code', 'identity namespace "Email" already exists'],
    ['crmid', 'CONFLICT', 'input.code', 'identity namespace "CRMID" already exists'],
    ['9lives', 'BAD_USER_INPUT', 'input.code', 'is not a valid namespace code'],
    ['has-dash', 'BAD_USER_INPUT', 'input.code', 'is not a valid namespace code'],
    ['A'.repeat(65), 'BAD_USER_INPUT', 'input.code', 'is not a valid namespace code'],
  ])('refuses the code %j with %s', async (code, errorCode, field, message) => {
    const s = await freshSandbox();
    const res = await server.request(
      CreateNamespaceDocument,
      { input: { code, name: 'x', type: 'PERSON' } },
      s.opts,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: errorCode, field });
    expect(res.errors?.[0]?.message).toContain(message);
  });

  it('refuses a blank name, naming the field', async () => {
    const s = await freshSandbox();
    const res = await server.request(
      CreateNamespaceDocument,
      { input: { code: 'Fine', name: '  ', type: 'PERSON' } },
      s.opts,
    );
    expect(res.errors?.[0]).toMatchObject({
      message: 'input.name: must not be blank',
      extensions: { code: 'BAD_USER_INPUT', field: 'input.name' },
    });
  });

  it('reports an unknown enum value as a GraphQL input error, not a 500', async () => {
    const s = await freshSandbox();
    const res = await server.request(
      CreateNamespaceDocument,
      { input: { code: 'Fine', name: 'x', type: 'ALIEN' as never } },
      s.opts,
    );
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain('ALIEN');
  });
});

describe('schemas (SEMANTICS §1)', () => {
  it('creates a schema with implied parents, implicit fields and canonical namespace codes', async () => {
    const s = await freshSandbox();
    const { createSchema } = await server.data(
      CreateSchemaDocument,
      { input: personSchema() },
      s.opts,
    );
    expect(createSchema).toMatchObject({
      name: 'Loyalty members',
      class: 'PROFILE',
      version: 1,
      profileEnabled: false,
    });
    expect(createSchema.fields.map((f) => `${f.path}:${f.type}`)).toEqual([
      'crmId:STRING',
      'email:STRING',
      'extSourceSystemAudit:OBJECT',
      'extSourceSystemAudit.lastUpdatedDate:DATE_TIME',
      'identityMap:OBJECT',
      'person:OBJECT',
      'person.age:INTEGER',
      'person.name:OBJECT',
      'person.name.firstName:STRING',
      'tags:ARRAY',
    ]);
    expect(createSchema.fields.find((f) => f.path === 'tags')?.itemType).toBe('STRING');
    expect(createSchema.identityDescriptors).toEqual([
      { path: 'crmId', namespace: 'CRMID', primary: true },
      { path: 'email', namespace: 'Email', primary: false },
    ]);
  });

  it('gives events their required _id and timestamp', async () => {
    const s = await freshSandbox();
    const { createSchema } = await server.data(
      CreateSchemaDocument,
      { input: eventSchema() },
      s.opts,
    );
    const required = createSchema.fields.filter((f) => f.required).map((f) => f.path);
    expect(required).toEqual(['_id', 'eventType', 'timestamp']);
  });

  it('reports every problem of a bad schema at once, each with its path', async () => {
    const s = await freshSandbox();
    const res = await server.request(
      CreateSchemaDocument,
      {
        input: {
          name: 'Bad',
          class: 'PROFILE',
          fields: [
            { path: 'ok', type: 'STRING' },
            { path: 'list', type: 'ARRAY' },
            { path: '1bad', type: 'STRING' },
            { path: 'identityMap.x', type: 'STRING' },
          ],
        },
      },
      s.opts,
    );
    expect(res.errors).toHaveLength(1);
    const [error] = res.errors!;
    expect(error!.extensions?.code).toBe('BAD_USER_INPUT');
    expect(error!.extensions?.field).toBe('input.fields[1].itemType');
    expect(error!.extensions?.issues?.map((i) => i.field)).toEqual([
      'input.fields[1].itemType',
      'input.fields[2].path',
      'input.fields[3].path',
    ]);
    expect(error!.message).toBe(
      'input.fields[1].itemType: is required for ARRAY fields (and 2 more problem(s))',
    );
  });

  it.each([
    [
      { path: 'missing', namespace: 'Email' },
      'input.identityDescriptors[0].path',
      'is not a field of the schema',
    ],
    [
      { path: 'crmId', namespace: 'Nope' },
      'input.identityDescriptors[0].namespace',
      'there is no identity namespace "Nope"',
    ],
    [
      { path: 'person', namespace: 'Email' },
      'input.identityDescriptors[0].path',
      'it must be a STRING field',
    ],
    [
      { path: 'crmId', namespace: 'B2BAccount' },
      'input.identityDescriptors[0].namespace',
      'relationship descriptor',
    ],
  ])('refuses the descriptor %j', async (descriptor, field, message) => {
    const s = await freshSandbox();
    const input = { ...personSchema(), identityDescriptors: [descriptor] };
    const res = await server.request(CreateSchemaDocument, { input }, s.opts);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.errors?.[0]?.message).toContain(message);
  });

  it('refuses a second schema with the same name', async () => {
    const s = await freshSandbox();
    await server.data(CreateSchemaDocument, { input: personSchema('Same') }, s.opts);
    const res = await server.request(CreateSchemaDocument, { input: personSchema('SAME') }, s.opts);
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
  });

  it('adds fields, bumping the version, and never retypes one', async () => {
    const s = await freshSandbox();
    const { createSchema } = await server.data(
      CreateSchemaDocument,
      { input: personSchema() },
      s.opts,
    );
    const { addSchemaFields } = await server.data(
      AddSchemaFieldsDocument,
      { schemaId: createSchema.id, fields: [{ path: 'person.name.lastName', type: 'STRING' }] },
      s.opts,
    );
    expect(addSchemaFields.version).toBe(2);
    expect(addSchemaFields.fields.map((f) => f.path)).toContain('person.name.lastName');
    const same = await server.data(
      AddSchemaFieldsDocument,
      { schemaId: createSchema.id, fields: [{ path: 'person.age', type: 'INTEGER' }] },
      s.opts,
    );
    expect(same.addSchemaFields.version).toBe(2);
    const retype = await server.request(
      AddSchemaFieldsDocument,
      { schemaId: createSchema.id, fields: [{ path: 'person.age', type: 'STRING' }] },
      s.opts,
    );
    expect(retype.errors?.[0]).toMatchObject({
      message: 'fields[0].type: "person.age" is already INTEGER; a field is never retyped',
      extensions: { code: 'BAD_USER_INPUT', field: 'fields[0].type' },
    });
    const unknown = await server.request(
      AddSchemaFieldsDocument,
      { schemaId: 'sch_nope', fields: [{ path: 'x', type: 'STRING' }] },
      s.opts,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'schemaId' });
  });

  it('enables a schema for profile once and for all; needs a primary identity', async () => {
    const s = await freshSandbox();
    const { createSchema } = await server.data(
      CreateSchemaDocument,
      { input: personSchema() },
      s.opts,
    );
    const { enableSchemaForProfile } = await server.data(
      EnableSchemaDocument,
      { schemaId: createSchema.id },
      s.opts,
    );
    expect(enableSchemaForProfile).toMatchObject({ profileEnabled: true, version: 2 });
    const again = await server.data(EnableSchemaDocument, { schemaId: createSchema.id }, s.opts);
    expect(again.enableSchemaForProfile.version).toBe(2);

    const noPrimary = {
      ...personSchema('No primary'),
      identityDescriptors: [{ path: 'crmId', namespace: 'CRMID' }],
    };
    const created = await server.data(CreateSchemaDocument, { input: noPrimary }, s.opts);
    const res = await server.request(
      EnableSchemaDocument,
      { schemaId: created.createSchema.id },
      s.opts,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'schemaId',
    });
    expect(res.errors?.[0]?.message).toContain('has no primary identity descriptor');

    const events = await server.data(CreateSchemaDocument, { input: eventSchema() }, s.opts);
    const enabled = await server.data(
      EnableSchemaDocument,
      { schemaId: events.createSchema.id },
      s.opts,
    );
    expect(enabled.enableSchemaForProfile.profileEnabled).toBe(true);
  });

  it('keeps the union schema consistent: a conflicting schema is refused, naming both', async () => {
    const s = await freshSandbox();
    const first = await server.data(CreateSchemaDocument, { input: personSchema('First') }, s.opts);
    await server.data(EnableSchemaDocument, { schemaId: first.createSchema.id }, s.opts);
    const clashing = {
      ...personSchema('Second'),
      fields: [
        { path: 'crmId', type: 'STRING' as const },
        { path: 'person.age', type: 'STRING' as const },
      ],
      identityDescriptors: [{ path: 'crmId', namespace: 'CRMID', primary: true }],
    };
    const second = await server.data(CreateSchemaDocument, { input: clashing }, s.opts);
    const res = await server.request(
      EnableSchemaDocument,
      { schemaId: second.createSchema.id },
      s.opts,
    );
    expect(res.errors?.[0]).toMatchObject({
      message:
        'field "person.age" is STRING in schema "Second" but INTEGER in profile-enabled schema "First"; the union schema cannot hold both',
      extensions: { code: 'CONFLICT', field: 'schemaId' },
    });
    // Adding a clashing field to an enabled schema is refused the same way.
    const third = {
      ...personSchema('Third'),
      fields: [
        { path: 'crmId', type: 'STRING' as const },
        { path: 'loyalty.points', type: 'INTEGER' as const },
      ],
      identityDescriptors: [{ path: 'crmId', namespace: 'CRMID', primary: true }],
    };
    const created = await server.data(CreateSchemaDocument, { input: third }, s.opts);
    await server.data(EnableSchemaDocument, { schemaId: created.createSchema.id }, s.opts);
    const add = await server.request(
      AddSchemaFieldsDocument,
      { schemaId: created.createSchema.id, fields: [{ path: 'tags', type: 'STRING' }] },
      s.opts,
    );
    expect(add.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'fields' });
    expect(add.errors?.[0]?.message).toContain(
      '"tags" is STRING in schema "Third" but ARRAY<STRING>',
    );

    const { unionSchema } = await server.data(UnionSchemaDocument, { class: 'PROFILE' }, s.opts);
    expect(unionSchema.schemas.map((x) => x.name)).toEqual(['First', 'Third']);
    const paths = unionSchema.fields.map((f) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining(['identityMap', 'person.age', 'loyalty.points', 'tags']),
    );
    expect(unionSchema.fields.find((f) => f.path === 'crmId')?.required).toBe(false);
  });

  it('has a union schema with just identityMap when no schema is enabled', async () => {
    const s = await freshSandbox();
    const { unionSchema } = await server.data(UnionSchemaDocument, { class: 'ACCOUNT' }, s.opts);
    expect(unionSchema).toEqual({
      class: 'ACCOUNT',
      schemas: [],
      fields: [{ path: 'identityMap', type: 'OBJECT', itemType: null, required: false }],
    });
  });

  it('lists schemas by class', async () => {
    const s = await freshSandbox();
    await server.data(CreateSchemaDocument, { input: personSchema() }, s.opts);
    await server.data(CreateSchemaDocument, { input: eventSchema() }, s.opts);
    const all = await server.data(SchemasDocument, {}, s.opts);
    expect(all.schemas.map((x) => x.class)).toEqual(['PROFILE', 'EXPERIENCE_EVENT']);
    const events = await server.data(SchemasDocument, { class: 'EXPERIENCE_EVENT' }, s.opts);
    expect(events.schemas.map((x) => x.name)).toEqual(['Web events']);
  });
});

describe('datasets (SEMANTICS §1)', () => {
  async function schemas(s: Awaited<ReturnType<typeof freshSandbox>>) {
    const person = await server.data(CreateSchemaDocument, { input: personSchema() }, s.opts);
    const events = await server.data(CreateSchemaDocument, { input: eventSchema() }, s.opts);
    return { person: person.createSchema.id, events: events.createSchema.id };
  }

  it('creates datasets within the enable and upsert rules', async () => {
    const s = await freshSandbox();
    const ids = await schemas(s);
    const notYet = await server.request(
      CreateDatasetDocument,
      { input: { name: 'CRM', schemaId: ids.person, profileEnabled: true } },
      s.opts,
    );
    expect(notYet.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.profileEnabled',
    });
    await server.data(EnableSchemaDocument, { schemaId: ids.person }, s.opts);
    const { createDataset } = await server.data(
      CreateDatasetDocument,
      {
        input: {
          name: 'CRM',
          schemaId: ids.person,
          profileEnabled: true,
          identityEnabled: true,
          upsertEnabled: true,
        },
      },
      s.opts,
    );
    expect(createDataset).toMatchObject({
      name: 'CRM',
      profileEnabled: true,
      identityEnabled: true,
      upsertEnabled: true,
      eventTtlDays: null,
      schema: { id: ids.person, name: 'Loyalty members' },
    });
    const { dataset } = await server.data(DatasetDocument, { id: createDataset.id }, s.opts);
    expect(dataset).toEqual(createDataset);
  });

  it.each([
    [{ upsertEnabled: true }, 'input.upsertEnabled', 'needs profileEnabled'],
    [{ eventTtlDays: 30 }, 'input.eventTtlDays', 'only datasets of EXPERIENCE_EVENT schemas'],
  ])('refuses person dataset flags %j', async (flags, field, message) => {
    const s = await freshSandbox();
    const ids = await schemas(s);
    const res = await server.request(
      CreateDatasetDocument,
      { input: { name: 'CRM', schemaId: ids.person, ...flags } },
      s.opts,
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(res.errors?.[0]?.message).toContain(message);
  });

  it('refuses upserts and short TTLs on event datasets, accepts a TTL', async () => {
    const s = await freshSandbox();
    const ids = await schemas(s);
    await server.data(EnableSchemaDocument, { schemaId: ids.events }, s.opts);
    const upsert = await server.request(
      CreateDatasetDocument,
      { input: { name: 'Web', schemaId: ids.events, profileEnabled: true, upsertEnabled: true } },
      s.opts,
    );
    expect(upsert.errors?.[0]?.message).toContain('events are appended, never upserted');
    const zero = await server.request(
      CreateDatasetDocument,
      { input: { name: 'Web', schemaId: ids.events, eventTtlDays: 0 } },
      s.opts,
    );
    expect(zero.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.eventTtlDays',
    });
    const ok = await server.data(
      CreateDatasetDocument,
      { input: { name: 'Web', schemaId: ids.events, profileEnabled: true, eventTtlDays: 90 } },
      s.opts,
    );
    expect(ok.createDataset.eventTtlDays).toBe(90);
  });

  it('updates a dataset under the same rules; left-out fields stay', async () => {
    const s = await freshSandbox();
    const ids = await schemas(s);
    await server.data(EnableSchemaDocument, { schemaId: ids.person }, s.opts);
    const { createDataset } = await server.data(
      CreateDatasetDocument,
      { input: { name: 'CRM', schemaId: ids.person } },
      s.opts,
    );
    const bad = await server.request(
      UpdateDatasetDocument,
      { id: createDataset.id, input: { upsertEnabled: true } },
      s.opts,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.upsertEnabled',
    });
    const { updateDataset } = await server.data(
      UpdateDatasetDocument,
      {
        id: createDataset.id,
        input: { name: 'CRM nightly', profileEnabled: true, upsertEnabled: true },
      },
      s.opts,
    );
    expect(updateDataset).toMatchObject({
      name: 'CRM nightly',
      profileEnabled: true,
      upsertEnabled: true,
      identityEnabled: false,
    });
    const unknown = await server.request(
      UpdateDatasetDocument,
      { id: 'ds_nope', input: { name: 'x' } },
      s.opts,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });

  it('refuses duplicate dataset names and unknown schemas', async () => {
    const s = await freshSandbox();
    const ids = await schemas(s);
    await server.data(
      CreateDatasetDocument,
      { input: { name: 'CRM', schemaId: ids.person } },
      s.opts,
    );
    const dup = await server.request(
      CreateDatasetDocument,
      { input: { name: 'crm', schemaId: ids.person } },
      s.opts,
    );
    expect(dup.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
    const unknown = await server.request(
      CreateDatasetDocument,
      { input: { name: 'X', schemaId: 'sch_nope' } },
      s.opts,
    );
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'there is no schema "sch_nope"',
      extensions: { code: 'NOT_FOUND', field: 'input.schemaId' },
    });
    const { datasets } = await server.data(DatasetsDocument, undefined, s.opts);
    expect(datasets.map((d) => d.name)).toEqual(['CRM']);
  });
});
