import type { GraphQLClient } from './graphqlClient';

const DATASET_OF = `query Dataset($id: ID!) { dataset(id: $id) { schema { id } } }`;
const CREATE_DATASET = `mutation CreateDataset($input: CreateDatasetInput!) {
  createDataset(input: $input) { id }
}`;
const INGEST = `mutation Ingest($input: IngestInput!) {
  ingest(input: $input) { accepted rejected }
}`;

/** Fragments per looked-up profile: one in each of this many datasets. */
const FRAGMENTS = 5;

/** The identity a lookup asks for: the profile's CRM id. */
export const targetIdentity = (t: number) => ({ namespace: 'CRMID', id: `LOOKUP${t}` });

/**
 * The profiles the lookup stages read: `count` profiles of 10 identities (a CRM id, 5 emails
 * and 4 phones) and 5 fragments (the same CRM id in 5 datasets), written through `ingest`.
 */
export async function seedLookupTargets(
  client: GraphQLClient,
  datasetId: string,
  count: number,
): Promise<void> {
  const datasets = [datasetId, ...(await moreDatasets(client, datasetId, FRAGMENTS - 1))];
  for (const [i, id] of datasets.entries()) {
    const records = Array.from({ length: count }, (_, t) => ({
      crmId: targetIdentity(t).id,
      email: `lookup${t}-${i}@example.com`,
      ...(i < FRAGMENTS - 1 ? { phone: `+7${String(t * 10 + i).padStart(10, '0')}` } : {}),
      person: { name: { firstName: `Source${i}` } },
      loyalty: { points: t + i },
    }));
    for (let from = 0; from < records.length; from += 1000) {
      const input = {
        datasetId: id,
        operation: 'CREATE',
        records: records.slice(from, from + 1000),
      };
      const { ingest } = await client.request<{ ingest: { rejected: number } }>(INGEST, { input });
      if (ingest.rejected > 0) throw new Error(`${ingest.rejected} lookup records rejected`);
    }
  }
}

async function moreDatasets(client: GraphQLClient, like: string, n: number): Promise<string[]> {
  const { dataset } = await client.request<{ dataset: { schema: { id: string } } }>(DATASET_OF, {
    id: like,
  });
  const ids: string[] = [];
  for (let i = 1; i <= n; i++) {
    const input = {
      name: `Bench source ${i}`,
      schemaId: dataset.schema.id,
      profileEnabled: true,
      identityEnabled: true,
    };
    const { createDataset } = await client.request<{ createDataset: { id: string } }>(
      CREATE_DATASET,
      { input },
    );
    ids.push(createDataset.id);
  }
  return ids;
}
