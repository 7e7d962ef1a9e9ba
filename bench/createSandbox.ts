import type { GraphQLClient } from './graphqlClient';

const CREATE_SANDBOX = `mutation CreateSandbox($name: String!) {
  createSandbox(name: $name) { name }
}`;

/**
 * A fresh sandbox, seeded like a new install, and a client working in it: a stage measured
 * there sees none of the other stages' data or definitions. The name is `prefix` plus the
 * time, so runs against a server that keeps its data never collide.
 */
export async function createSandbox(
  client: GraphQLClient,
  prefix: string,
): Promise<{ name: string; client: GraphQLClient }> {
  const name = `${prefix}-${Date.now().toString(36)}`;
  await client.request(CREATE_SANDBOX, { name });
  return { name, client: client.forSandbox(name) };
}
