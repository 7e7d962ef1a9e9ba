import {
  CatalogChangedDocument,
  CreateNamespaceDocument,
  CreateSchemaDocument,
  EnableSchemaDocument,
} from '../generated/graphql';
import { subscribe } from '../support/subscription';
import { useTestServer } from '../support/testServer';
import { personSchema } from './fixtures';

const server = useTestServer();

const sandbox = () => server.newSandbox('sub');

let n = 0;
const createNamespace = (sandboxName: string) =>
  server.data(
    CreateNamespaceDocument,
    { input: { code: `Ns${n++}`, name: 'n', type: 'PERSON' } },
    { sandbox: sandboxName },
  );

describe('catalogChanged over graphql-ws', () => {
  it('announces committed catalog changes with what changed', async () => {
    const s = await sandbox();
    const sub = subscribe(server.wsClient({ 'x-sandbox-name': s }), CatalogChangedDocument, {});
    await sub.until(
      (r) => r.data?.catalogChanged.kind === 'NAMESPACE',
      () => createNamespace(s),
    );
    const { createSchema } = await server.data(
      CreateSchemaDocument,
      { input: personSchema() },
      { sandbox: s },
    );
    const created = await sub.until((r) => r.data?.catalogChanged.kind === 'SCHEMA');
    expect(created.data?.catalogChanged).toMatchObject({
      kind: 'SCHEMA',
      action: 'CREATED',
      id: createSchema.id,
      name: 'Loyalty members',
    });
    await server.data(EnableSchemaDocument, { schemaId: createSchema.id }, { sandbox: s });
    const updated = await sub.until((r) => r.data?.catalogChanged.action === 'UPDATED');
    expect(updated.data?.catalogChanged).toMatchObject({ kind: 'SCHEMA', id: createSchema.id });
    sub.stop();
  });

  it('filters by kind', async () => {
    const s = await sandbox();
    const sub = subscribe(server.wsClient({ 'x-sandbox-name': s }), CatalogChangedDocument, {
      kind: 'SCHEMA',
    });
    let i = 0;
    await sub.until(
      (r) => r.data?.catalogChanged.kind === 'SCHEMA',
      async () => {
        await createNamespace(s);
        await server.data(CreateSchemaDocument, { input: personSchema(`S${i++}`) }, { sandbox: s });
      },
    );
    expect(sub.received.every((r) => r.data?.catalogChanged.kind === 'SCHEMA')).toBe(true);
    sub.stop();
  });

  it('never delivers one sandbox’s changes to another’s subscribers', async () => {
    const [a, b] = [await sandbox(), await sandbox()];
    const inA = subscribe(server.wsClient({ 'x-sandbox-name': a }), CatalogChangedDocument, {});
    const inB = subscribe(server.wsClient({ 'x-sandbox-name': b }), CatalogChangedDocument, {});
    await inB.until(
      () => true,
      () => createNamespace(b),
    );
    await inA.until(
      () => true,
      () => createNamespace(a),
    );
    await createNamespace(b);
    await inB.until((r) => r.data?.catalogChanged.id === `Ns${n - 1}`);
    const codesSeenInA = inA.received.map((r) => r.data?.catalogChanged.id);
    const codesMadeInB = inB.received.map((r) => r.data?.catalogChanged.id);
    expect(codesSeenInA.length).toBeGreaterThan(0);
    expect(codesSeenInA.filter((code) => codesMadeInB.includes(code))).toEqual([]);
    inA.stop();
    inB.stop();
  });
});
