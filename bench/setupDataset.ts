import type { GraphQLClient } from './graphqlClient';

const CREATE_SCHEMA = `mutation CreateSchema($input: CreateSchemaInput!) {
  createSchema(input: $input) { id }
}`;

const ENABLE_SCHEMA = `mutation EnableSchema($schemaId: ID!) {
  enableSchemaForProfile(schemaId: $schemaId) { id profileEnabled }
}`;

const CREATE_DATASET = `mutation CreateDataset($input: CreateDatasetInput!) {
  createDataset(input: $input) { id }
}`;

/**
 * Creates, through the API as a user would, a schema, enables it for profile and makes a
 * profile- and identity-enabled dataset over it. Returns the dataset id.
 */
export async function createEnabledDataset(
  client: GraphQLClient,
  schema: Record<string, unknown>,
  datasetName: string,
): Promise<string> {
  const { createSchema } = await client.request<{ createSchema: { id: string } }>(CREATE_SCHEMA, {
    input: schema,
  });
  await client.request(ENABLE_SCHEMA, { schemaId: createSchema.id });
  const { createDataset } = await client.request<{ createDataset: { id: string } }>(
    CREATE_DATASET,
    {
      input: {
        name: datasetName,
        schemaId: createSchema.id,
        profileEnabled: true,
        identityEnabled: true,
      },
    },
  );
  return createDataset.id;
}

/** The PROFILE schema the bench records fit (CRMID primary, Email, Phone), and its dataset. */
export function setupDataset(client: GraphQLClient): Promise<string> {
  return createEnabledDataset(
    client,
    {
      name: 'Bench CRM customers',
      class: 'PROFILE',
      fields: [
        { path: 'crmId', type: 'STRING', required: true },
        { path: 'email', type: 'STRING' },
        { path: 'phone', type: 'STRING' },
        { path: 'person.name.firstName', type: 'STRING' },
        { path: 'loyalty.points', type: 'INTEGER' },
      ],
      identityDescriptors: [
        { path: 'crmId', namespace: 'CRMID', primary: true },
        { path: 'email', namespace: 'Email' },
        { path: 'phone', namespace: 'Phone' },
      ],
    },
    'Bench CRM',
  );
}
