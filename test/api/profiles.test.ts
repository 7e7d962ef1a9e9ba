import { identityKey } from '../../src/domain/identity/Identity';
import {
  CreateMergePolicyDocument,
  type IngestOperation,
  ProfileDocument,
  ProfilesDocument,
} from '../generated/graphql';
import { useTestServer } from '../support/testServer';
import { type Datasets, ingestInto, setupDatasets } from './ingestSetup';

const server = useTestServer();

const ingest = (ds: Datasets, datasetId: string, records: unknown[], operation?: IngestOperation) =>
  ingestInto(server, ds, datasetId, records, operation);

const audit = (iso: string) => ({ extSourceSystemAudit: { lastUpdatedDate: iso } });

/** Ann: a CRM record (older) linking c1 to her email, and a newer record of c1 elsewhere. */
async function ann(prefix: string) {
  const ds = await setupDatasets(server, prefix);
  await ingest(ds, ds.crm, [
    {
      crmId: 'c1',
      email: 'ann@example.com',
      person: { name: { firstName: 'Ann' }, age: 40 },
      tags: ['a'],
      ...audit('2026-01-01T00:00:00Z'),
    },
  ]);
  await ingest(ds, ds.plain, [
    { crmId: 'c1', person: { age: 41 }, tags: ['b'], ...audit('2026-02-01T00:00:00Z') },
  ]);
  return ds;
}

const profileOf = (
  ds: Datasets,
  namespace: string,
  id: string,
  extra: { mergePolicyId?: string; fields?: string[] } = {},
) =>
  server
    .data(ProfileDocument, { identity: { namespace, id }, ...extra }, { sandbox: ds.sandbox })
    .then((r) => r.profile);

describe('profile lookup (SEMANTICS §4)', () => {
  it('merges the fragments of the whole graph, newest leaf first, under the default policy', async () => {
    const ds = await ann('prof');
    const profile = await profileOf(ds, 'email', ' ANN@example.com ');
    expect(profile?.attributes).toEqual({
      crmId: 'c1',
      email: 'ann@example.com',
      person: { name: { firstName: 'Ann' }, age: 41 },
      tags: ['b'],
      extSourceSystemAudit: { lastUpdatedDate: '2026-02-01T00:00:00Z' },
    });
    expect(profile?.identities.map((i) => `${i.namespace}:${i.id}`).sort()).toEqual([
      'CRMID:c1',
      'Email:ann@example.com',
    ]);
    expect(profile?.sources.map((s) => s.name)).toEqual(['Plain', 'CRM']);
    expect(profile?.fragments.map((f) => [f.dataset.name, f.identity.id])).toEqual([
      ['Plain', 'c1'],
      ['CRM', 'c1'],
    ]);
    expect(profile?.mergePolicy.name).toBe('Default timestamp-ordered');
    expect(profile?.identityGraph.size).toBe(2);
    expect(Date.parse(profile!.lastModifiedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('lets a dataset-precedence policy decide per leaf, leaving unlisted datasets out', async () => {
    const ds = await ann('prec');
    const opts = { sandbox: ds.sandbox };
    const crmFirst = await server.data(
      CreateMergePolicyDocument,
      {
        input: {
          name: 'CRM first',
          attributeMerge: 'DATASET_PRECEDENCE',
          datasetOrder: [ds.crm, ds.plain],
        },
      },
      opts,
    );
    const merged = await profileOf(ds, 'CRMID', 'c1', {
      mergePolicyId: crmFirst.createMergePolicy.id,
    });
    expect(merged?.attributes).toMatchObject({
      person: { name: { firstName: 'Ann' }, age: 40 },
      tags: ['a'],
    });
    const plainOnly = await server.data(
      CreateMergePolicyDocument,
      {
        input: {
          name: 'Plain only',
          attributeMerge: 'DATASET_PRECEDENCE',
          datasetOrder: [ds.plain],
        },
      },
      opts,
    );
    const only = await profileOf(ds, 'CRMID', 'c1', {
      mergePolicyId: plainOnly.createMergePolicy.id,
    });
    expect(only?.attributes).toEqual({
      crmId: 'c1',
      person: { age: 41 },
      tags: ['b'],
      extSourceSystemAudit: { lastUpdatedDate: '2026-02-01T00:00:00Z' },
    });
    expect(only?.sources.map((s) => s.name)).toEqual(['Plain']);
  });

  it('merges only the requested identity’s data without stitching (NONE)', async () => {
    const ds = await ann('none');
    const none = await server.data(
      CreateMergePolicyDocument,
      { input: { name: 'No stitching', identityStitching: 'NONE' } },
      { sandbox: ds.sandbox },
    );
    const byEmail = await profileOf(ds, 'Email', 'ann@example.com', {
      mergePolicyId: none.createMergePolicy.id,
    });
    expect(byEmail).toMatchObject({
      attributes: {},
      identities: [{ namespace: 'Email', id: 'ann@example.com' }],
      fragments: [],
    });
    const byCrm = await profileOf(ds, 'CRMID', 'c1', { mergePolicyId: none.createMergePolicy.id });
    expect(byCrm?.fragments).toHaveLength(2);
  });

  it('limits attributes to the fields asked for', async () => {
    const ds = await ann('fields');
    const profile = await profileOf(ds, 'CRMID', 'c1', {
      fields: ['person.name', 'tags', 'nothing.here'],
    });
    expect(profile?.attributes).toEqual({ person: { name: { firstName: 'Ann' } }, tags: ['b'] });
  });

  it('is null for an identity without data or links, and refuses unknown namespaces and policies', async () => {
    const ds = await ann('null');
    expect(await profileOf(ds, 'CRMID', 'nobody')).toBeNull();
    const badNs = await server.request(
      ProfileDocument,
      { identity: { namespace: 'Nope', id: 'x' } },
      { sandbox: ds.sandbox },
    );
    expect(badNs.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'identity.namespace',
    });
    const badPolicy = await server.request(
      ProfileDocument,
      { identity: { namespace: 'CRMID', id: 'c1' }, mergePolicyId: 'mp_nope' },
      { sandbox: ds.sandbox },
    );
    expect(badPolicy.errors?.[0]?.extensions).toMatchObject({
      code: 'NOT_FOUND',
      field: 'mergePolicyId',
    });
  });

  it('answers GRAPH_TOO_LARGE for a graph over the limit (possible only until it is repaired)', async () => {
    const ds = await ann('large');
    // Written straight to the store: the API keeps graphs within the limit.
    const scoped = server.store.scoped(ds.sandbox);
    await scoped.identities.saveSettings(
      { maxGraphSize: 1, uniqueNamespaces: ['CRMID'], namespacePriority: [], blockedValues: [] },
      new Date(),
    );
    const res = await server.request(
      ProfileDocument,
      { identity: { namespace: 'CRMID', id: 'c1' } },
      { sandbox: ds.sandbox },
    );
    expect(res.errors?.[0]).toMatchObject({
      extensions: { code: 'GRAPH_TOO_LARGE' },
      path: ['profile'],
    });
    expect(identityKey({ namespace: 'CRMID', id: 'c1' })).toContain('c1');
  });
});

describe('profiles (SEMANTICS §4)', () => {
  it('answers in input order with null for unknown identities', async () => {
    const ds = await ann('many');
    const { profiles } = await server.data(
      ProfilesDocument,
      {
        identities: [
          { namespace: 'CRMID', id: 'nobody' },
          { namespace: 'Email', id: 'ann@example.com' },
          { namespace: 'CRMID', id: 'c1' },
        ],
      },
      { sandbox: ds.sandbox },
    );
    expect(
      profiles.map((p) => (p === null ? null : (p.attributes as { crmId: string }).crmId)),
    ).toEqual([null, 'c1', 'c1']);
  });

  it('refuses more than 1000 identities', async () => {
    const ds = await ann('toomany');
    const identities = Array.from({ length: 1001 }, (_, i) => ({
      namespace: 'CRMID',
      id: `c${i}`,
    }));
    const res = await server.request(ProfilesDocument, { identities }, { sandbox: ds.sandbox });
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'identities',
    });
  });
});
