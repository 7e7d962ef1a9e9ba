import type { ExecutionResult } from 'graphql';
import type { Client } from 'graphql-ws';
import { CreateSandboxDocument } from '../generated/graphql';
import { useTestServer, uniqueName } from '../support/testServer';

const server = useTestServer();

/** Runs one operation over graphql-ws and returns its single result. */
async function once(client: Client, query: string): Promise<ExecutionResult> {
  const results: ExecutionResult[] = [];
  for await (const result of client.iterate({ query })) results.push(result as ExecutionResult);
  expect(results).toHaveLength(1);
  return results[0]!;
}

describe('graphql-ws on the same port and path', () => {
  it('runs operations in the sandbox named in connection_init', async () => {
    const sandbox = uniqueName('ws');
    await server.data(CreateSandboxDocument, { name: sandbox });
    const client = server.wsClient({ 'x-sandbox-name': sandbox });
    await once(
      client,
      'mutation { createIdentityNamespace(input: {code: "WsOnly", name: "w", type: PERSON}) { code } }',
    );
    const inSandbox = await once(client, '{ identityNamespaces { code } }');
    const codes = (
      inSandbox.data as { identityNamespaces: { code: string }[] }
    ).identityNamespaces.map((n) => n.code);
    expect(codes).toContain('WsOnly');
    const prod = await once(server.wsClient(), '{ identityNamespaces { code } }');
    expect(JSON.stringify(prod.data)).not.toContain('WsOnly');
  });

  it('accepts the sandbox inside a headers object, as GraphiQL sends it', async () => {
    const sandbox = uniqueName('wsh');
    await server.data(CreateSandboxDocument, { name: sandbox });
    const client = server.wsClient({ headers: { 'x-sandbox-name': sandbox } });
    await once(
      client,
      'mutation { createIdentityNamespace(input: {code: "ViaHeaders", name: "w", type: PERSON}) { code } }',
    );
    const prod = await once(server.wsClient(), '{ identityNamespaces { code } }');
    expect(JSON.stringify(prod.data)).not.toContain('ViaHeaders');
  });

  it('closes a connection naming an unknown sandbox with 4404 and the reason', async () => {
    const client = server.wsClient({ 'x-sandbox-name': 'no-such-sandbox' });
    const closed = new Promise<{ code: number; reason: string }>((resolve) => {
      client.on('closed', (event) => {
        resolve(event as { code: number; reason: string });
      });
    });
    await expect(once(client, '{ sandboxes { name } }')).rejects.toBeDefined();
    expect(await closed).toMatchObject({
      code: 4404,
      reason: 'there is no sandbox "no-such-sandbox"; create it with createSandbox',
    });
  });

  it('reports domain errors with their code over the socket too', async () => {
    const result = await once(
      server.wsClient(),
      'mutation { createSandbox(name: "Bad Name") { name } }',
    );
    expect(result.errors?.[0]).toMatchObject({
      extensions: { code: 'BAD_USER_INPUT', field: 'name' },
    });
  });
});
