import {
  IngestDocument,
  type IngestOperation,
  CreateDatasetDocument,
  CreateSchemaDocument,
  EnableSchemaDocument,
  type CreateDatasetInput,
} from '../generated/graphql';
import type { TestServer } from '../support/testServer';
import { eventSchema, personSchema } from './fixtures';

export interface Datasets {
  sandbox: string;
  /** Person records: profile-, identity- and upsert-enabled. */
  crm: string;
  /** Person records, profile-enabled only: no links, no upserts. */
  plain: string;
  /** Events: profile- and identity-enabled. */
  web: string;
}

/** A fresh sandbox with enabled person and event schemas and three datasets over them. */
export async function setupDatasets(server: TestServer, prefix: string): Promise<Datasets> {
  const sandbox = await server.newSandbox(prefix);
  const opts = { sandbox };
  const person = (await server.data(CreateSchemaDocument, { input: personSchema() }, opts))
    .createSchema.id;
  const events = (await server.data(CreateSchemaDocument, { input: eventSchema() }, opts))
    .createSchema.id;
  await server.data(EnableSchemaDocument, { schemaId: person }, opts);
  await server.data(EnableSchemaDocument, { schemaId: events }, opts);
  const dataset = async (input: CreateDatasetInput) =>
    (await server.data(CreateDatasetDocument, { input }, opts)).createDataset.id;
  return {
    sandbox,
    crm: await dataset({
      name: 'CRM',
      schemaId: person,
      profileEnabled: true,
      identityEnabled: true,
      upsertEnabled: true,
    }),
    plain: await dataset({ name: 'Plain', schemaId: person, profileEnabled: true }),
    web: await dataset({
      name: 'Web',
      schemaId: events,
      profileEnabled: true,
      identityEnabled: true,
    }),
  };
}

/** Streams records into one of the sandbox's datasets through `ingest`; fails on errors. */
export const ingestInto = (
  server: TestServer,
  ds: Datasets,
  datasetId: string,
  records: unknown[],
  operation: IngestOperation = 'CREATE',
) =>
  server.data(
    IngestDocument,
    { input: { datasetId, records, operation } },
    { sandbox: ds.sandbox },
  );

/**
 * Two people: Ann (CRM c1 with her email, a Plain fragment, a Web event that links a device)
 * and Bo (CRM c2 with his email, a Web event). 3 fragments, 2 events, 5 identities.
 */
export async function ingestAnnAndBo(server: TestServer, ds: Datasets): Promise<void> {
  await ingestInto(server, ds, ds.crm, [
    { crmId: 'c1', email: 'ann@example.com' },
    { crmId: 'c2', email: 'bo@example.com' },
  ]);
  await ingestInto(server, ds, ds.plain, [{ crmId: 'c1', person: { age: 41 } }]);
  await ingestInto(server, ds, ds.web, [
    {
      _id: 'e1',
      timestamp: '2026-03-01T10:00:00Z',
      eventType: 'view',
      identityMap: { Email: [{ id: 'ann@example.com' }], ECID: [{ id: ANN_DEVICE }] },
    },
    {
      _id: 'e2',
      timestamp: '2026-03-01T11:00:00Z',
      eventType: 'view',
      identityMap: { Email: [{ id: 'bo@example.com' }] },
    },
  ]);
}

/** The ECID of Ann's device in ingestAnnAndBo. */
export const ANN_DEVICE = '1'.repeat(38);
