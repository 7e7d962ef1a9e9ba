import {
  CreateDatasetDocument,
  CreateNamespaceDocument,
  CreateSandboxDocument,
  CreateSchemaDocument,
  DatasetsDocument,
  NamespacesDocument,
  SandboxesDocument,
  SchemaDocument,
  SchemasDocument,
} from '../generated/graphql';
import { useTestServer, uniqueName } from '../support/testServer';
import { personSchema } from './fixtures';

const server = useTestServer();

describe('sandboxes (SEMANTICS §0)', () => {
  it('prod exists from the start and is used when no sandbox is named', async () => {
    const { sandboxes } = await server.data(SandboxesDocument);
    expect(sandboxes.map((s) => s.name)).toContain('prod');
    const { identityNamespaces } = await server.data(NamespacesDocument);
    expect(identityNamespaces).toHaveLength(8);
  });

  it('creates a sandbox seeded like a fresh install', async () => {
    const name = uniqueName('seeded');
    const { createSandbox } = await server.data(CreateSandboxDocument, { name });
    expect(createSandbox.name).toBe(name);
    expect(Date.parse(createSandbox.createdAt)).toBeGreaterThan(Date.now() - 60_000);
    const { identityNamespaces } = await server.data(NamespacesDocument, undefined, {
      sandbox: name,
    });
    expect(identityNamespaces.map((n) => `${n.code}:${n.type}`).sort()).toEqual([
      'AAID:COOKIE',
      'B2BAccount:ORGANIZATION',
      'CRMID:PERSON',
      'ECID:COOKIE',
      'Email:EMAIL',
      'GAID:DEVICE',
      'IDFA:DEVICE',
      'Phone:PHONE',
    ]);
    expect(identityNamespaces.every((n) => !n.custom)).toBe(true);
  });

  it.each([
    ['Upper', 'is not a valid sandbox name'],
    ['1st', 'is not a valid sandbox name'],
    ['a'.repeat(33), 'is not a valid sandbox name'],
    ['has_underscore', 'is not a valid sandbox name'],
  ])('refuses the name %j', async (name, message) => {
    const res = await server.request(CreateSandboxDocument, { name });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(res.errors?.[0]?.message).toContain(message);
  });

  it('refuses a name that exists', async () => {
    const name = uniqueName('twice');
    await server.data(CreateSandboxDocument, { name });
    const res = await server.request(CreateSandboxDocument, { name });
    expect(res.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'name' });
  });

  it('answers NOT_FOUND (404) for an unknown sandbox, and never creates it', async () => {
    const name = uniqueName('ghost');
    const res = await server.request(NamespacesDocument, undefined, { sandbox: name });
    expect(res.status).toBe(404);
    expect(res.errors?.[0]).toMatchObject({
      message: `there is no sandbox "${name}"; create it with createSandbox`,
      extensions: { code: 'NOT_FOUND', field: 'x-sandbox-name' },
    });
    const { sandboxes } = await server.data(SandboxesDocument);
    expect(sandboxes.map((s) => s.name)).not.toContain(name);
  });

  it('answers BAD_USER_INPUT (400) for a malformed sandbox header', async () => {
    const res = await server.request(NamespacesDocument, undefined, { sandbox: 'Not Valid' });
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'x-sandbox-name',
    });
  });

  it('keeps two sandboxes apart: nothing made in one is seen or usable in the other', async () => {
    const [a, b] = [uniqueName('iso-a'), uniqueName('iso-b')];
    await server.data(CreateSandboxDocument, { name: a });
    await server.data(CreateSandboxDocument, { name: b });
    const inA = { sandbox: a };
    const inB = { sandbox: b };
    await server.data(
      CreateNamespaceDocument,
      { input: { code: 'Loyalty', name: 'Loyalty id', type: 'PERSON' } },
      inA,
    );
    const { createSchema } = await server.data(
      CreateSchemaDocument,
      { input: personSchema() },
      inA,
    );
    await server.data(
      CreateDatasetDocument,
      { input: { name: 'CRM', schemaId: createSchema.id } },
      inA,
    );

    const namespacesB = await server.data(NamespacesDocument, undefined, inB);
    expect(namespacesB.identityNamespaces.map((n) => n.code)).not.toContain('Loyalty');
    expect((await server.data(SchemasDocument, {}, inB)).schemas).toEqual([]);
    expect((await server.data(SchemaDocument, { id: createSchema.id }, inB)).schema).toBeNull();
    expect((await server.data(DatasetsDocument, undefined, inB)).datasets).toEqual([]);
    const crossUse = await server.request(
      CreateDatasetDocument,
      { input: { name: 'CRM', schemaId: createSchema.id } },
      inB,
    );
    expect(crossUse.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'input.schemaId',
    });
    // The same names are free in the other sandbox.
    await server.data(
      CreateNamespaceDocument,
      { input: { code: 'Loyalty', name: 'Loyalty id', type: 'PERSON' } },
      inB,
    );
    await server.data(CreateSchemaDocument, { input: personSchema() }, inB);
    expect((await server.data(SchemasDocument, {}, inA)).schemas).toHaveLength(1);
  });
});
