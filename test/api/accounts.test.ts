import {
  AccountAttributesDocument,
  AccountDocument,
  type AccountQuery,
  type AccountQueryVariables,
  AccountPeopleCountDocument,
  CreateDatasetDocument,
  type CreateDatasetInput,
  CreateMergePolicyDocument,
  CreateNamespaceDocument,
  CreateSchemaDocument,
  type CreateSchemaInput,
  DeleteProfileDocument,
  EnableSchemaDocument,
  IdentityGraphDocument,
  IngestDocument,
  type IngestOperation,
  MergePoliciesDocument,
  StoreStatusDocument,
} from '../generated/graphql';
import { pollUntil } from '../support/pollUntil';
import { useTestServer } from '../support/testServer';

const server = useTestServer();

/** A sandbox with account and person schemas, two datasets of each. */
interface B2B {
  opts: { sandbox: string };
  /** ACCOUNT records keyed by B2BAccount, with a Duns number (a second account identity). */
  accounts: string;
  billing: string;
  /** Person records relating to accounts: CRM is upsert-enabled. */
  crm: string;
  sales: string;
}

const accountSchema: CreateSchemaInput = {
  name: 'Accounts',
  class: 'ACCOUNT',
  fields: [
    { path: 'accountId', type: 'STRING', required: true },
    { path: 'duns', type: 'STRING' },
    { path: 'name', type: 'STRING' },
    { path: 'tier', type: 'STRING' },
  ],
  identityDescriptors: [
    { path: 'accountId', namespace: 'B2BAccount', primary: true },
    { path: 'duns', namespace: 'Duns' },
  ],
};

const personSchema = (
  relationships: CreateSchemaInput['relationships'] = [
    { path: 'b2b.accountKey', namespace: 'B2BAccount' },
    { path: 'b2b.partners', namespace: 'B2BAccount' },
    { path: 'b2b.duns', namespace: 'duns' },
  ],
): CreateSchemaInput => ({
  name: 'B2B people',
  class: 'PROFILE',
  fields: [
    { path: 'crmId', type: 'STRING', required: true },
    { path: 'email', type: 'STRING' },
    { path: 'b2b.accountKey', type: 'STRING' },
    { path: 'b2b.partners', type: 'ARRAY', itemType: 'STRING' },
    { path: 'b2b.duns', type: 'STRING' },
  ],
  identityDescriptors: [
    { path: 'crmId', namespace: 'CRMID', primary: true },
    { path: 'email', namespace: 'Email' },
  ],
  relationships,
});

async function setupB2B(
  prefix: string,
  relationships?: CreateSchemaInput['relationships'],
): Promise<B2B> {
  const opts = { sandbox: await server.newSandbox(prefix) };
  const duns = { code: 'Duns', name: 'D-U-N-S number', type: 'ORGANIZATION' as const };
  await server.data(CreateNamespaceDocument, { input: duns }, opts);
  const enabled = async (input: CreateSchemaInput) => {
    const { id } = (await server.data(CreateSchemaDocument, { input }, opts)).createSchema;
    await server.data(EnableSchemaDocument, { schemaId: id }, opts);
    return id;
  };
  const [accountSchemaId, personSchemaId] = [
    await enabled(accountSchema),
    await enabled(personSchema(relationships)),
  ];
  const dataset = async (name: string, schemaId: string, upsertEnabled = false) => {
    const input: CreateDatasetInput = {
      name,
      schemaId,
      profileEnabled: true,
      identityEnabled: true,
      upsertEnabled,
    };
    return (await server.data(CreateDatasetDocument, { input }, opts)).createDataset.id;
  };
  return {
    opts,
    accounts: await dataset('Accounts', accountSchemaId),
    billing: await dataset('Billing', accountSchemaId),
    crm: await dataset('CRM', personSchemaId, true),
    sales: await dataset('Sales', personSchemaId),
  };
}

const ingest = async (
  b: B2B,
  datasetId: string,
  records: unknown[],
  operation: IngestOperation = 'CREATE',
) => {
  const { ingest } = await server.data(
    IngestDocument,
    { input: { datasetId, records, operation } },
    b.opts,
  );
  const rejected = ingest.results.filter((r) => r.status === 'REJECTED');
  expect(rejected).toEqual([]);
  return ingest;
};

const b2bAccount = (id: string) => ({ namespace: 'B2BAccount', id });
const audit = (iso: string) => ({ extSourceSystemAudit: { lastUpdatedDate: iso } });
const person = (crmId: string, b2b: Record<string, unknown>) => ({ crmId, b2b });

/** Finishes the background pass over what was just ingested (the store status waits for it). */
const settle = (b: B2B) => server.data(StoreStatusDocument, {}, b.opts);

const readAccount = (b: B2B, id: string, first?: number, after?: string | null) =>
  server.data(AccountDocument, { identity: b2bAccount(id), first, after }, b.opts);

/**
 * The people of acme and globex once each holds one: both are waited for, since the two reads
 * are separate requests and the background pass may commit between them.
 */
function oneEach(b: B2B): Promise<{ acme: string[]; globex: string[] }> {
  return pollUntil(
    async () => ({
      acme: await allPeople(b, 'acme', 10),
      globex: await allPeople(b, 'globex', 10),
    }),
    (r) => r.globex.length === 1 && r.acme.length === 1,
    (r) => JSON.stringify(r),
  );
}

/** Every person of an account, in pages of `first`, checking the pages fit together. */
async function allPeople(b: B2B, id: string, first: number): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (;;) {
    const read: AccountQuery = await readAccount(b, id, first, after);
    const people = read.account?.people;
    if (people === undefined) throw new Error(`no account ${id}`);
    expect(people.edges.length).toBeLessThanOrEqual(first);
    seen.push(...people.edges.flatMap((e) => crmIdOf(e.node.identities)));
    if (!people.pageInfo.hasNextPage) return seen;
    expect(people.pageInfo.endCursor).toBe(people.edges.at(-1)?.cursor);
    after = people.pageInfo.endCursor ?? null;
  }
}

const crmIdOf = (identities: readonly { namespace: string; id: string }[]) =>
  identities.filter((i) => i.namespace === 'CRMID').map((i) => i.id);

const peopleCount = async (b: B2B, id: string) =>
  (await server.data(AccountPeopleCountDocument, { identity: b2bAccount(id) }, b.opts)).account
    ?.peopleCount;

/** `account` with these arguments fails with this code, naming this argument. */
async function expectRefused(
  b: B2B,
  variables: AccountQueryVariables,
  code: string,
  field: string,
) {
  const res = await server.request(AccountDocument, variables, b.opts);
  expect(res.errors?.[0]?.extensions).toMatchObject({ code, field });
}

describe('account profiles (SEMANTICS §8)', () => {
  it('refuses a relationship to a person namespace, naming the descriptor', async () => {
    const opts = { sandbox: await server.newSandbox('acct-bad') };
    const input = {
      ...personSchema([{ path: 'b2b.accountKey', namespace: 'Email' }]),
      name: 'Bad relations',
    };
    const res = await server.request(CreateSchemaDocument, { input }, opts);
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.relationships[0].namespace',
    });
  });

  it('merges an account from ACCOUNT datasets under the default ACCOUNT policy', async () => {
    const b = await setupB2B('acct-merge');
    await ingest(b, b.accounts, [
      {
        accountId: 'acme',
        duns: '123456789',
        name: 'Acme',
        tier: 'gold',
        ...audit('2026-01-01T00:00:00Z'),
      },
    ]);
    await ingest(b, b.billing, [
      { accountId: 'acme', tier: 'platinum', ...audit('2026-02-01T00:00:00Z') },
    ]);
    // A person keyed by an identity that also names the account holds no account data.
    await ingest(b, b.crm, [person('p1', { accountKey: 'acme' })]);
    const { account } = await readAccount(b, 'acme');
    expect(account?.attributes).toMatchObject({
      accountId: 'acme',
      duns: '123456789',
      name: 'Acme',
      tier: 'platinum',
    });
    expect(account?.attributes).not.toHaveProperty('b2b');
    expect(Number.isNaN(Date.parse(account?.lastModifiedAt ?? ''))).toBe(false);
    expect(account?.sources.map((s) => s.name).sort()).toEqual(['Accounts', 'Billing']);
    expect(account?.identities).toEqual(
      expect.arrayContaining([b2bAccount('acme'), { namespace: 'Duns', id: '123456789' }]),
    );
    expect(account?.identities).toHaveLength(2);
    const byDuns = await server.data(
      AccountAttributesDocument,
      { identity: { namespace: 'duns', id: ' 123456789 ' }, fields: ['name', 'tier'] },
      b.opts,
    );
    expect(byDuns.account?.attributes).toEqual({ name: 'Acme', tier: 'platinum' });
  });

  it('merges under an ACCOUNT policy given, and refuses a PROFILE one', async () => {
    const b = await setupB2B('acct-policy');
    await ingest(b, b.accounts, [
      { accountId: 'acme', tier: 'gold', ...audit('2026-01-01T00:00:00Z') },
    ]);
    await ingest(b, b.billing, [
      { accountId: 'acme', tier: 'platinum', ...audit('2026-02-01T00:00:00Z') },
    ]);
    const input = {
      name: 'Accounts first',
      schemaClass: 'ACCOUNT' as const,
      attributeMerge: 'DATASET_PRECEDENCE' as const,
      datasetOrder: [b.accounts],
    };
    const policy = (await server.data(CreateMergePolicyDocument, { input }, b.opts))
      .createMergePolicy;
    const given = await server.data(
      AccountDocument,
      { identity: b2bAccount('acme'), mergePolicyId: policy.id },
      b.opts,
    );
    expect(given.account?.attributes).toMatchObject({ tier: 'gold' });
    expect(given.account?.sources.map((s) => s.name)).toEqual(['Accounts']);

    const [profilePolicy] = (
      await server.data(MergePoliciesDocument, { schemaClass: 'PROFILE' }, b.opts)
    ).mergePolicies;
    const refused = { identity: b2bAccount('acme'), mergePolicyId: profilePolicy?.id };
    await expectRefused(b, refused, 'BAD_USER_INPUT', 'mergePolicyId');
  });

  it('is null for an unknown account; refuses person and unknown namespaces', async () => {
    const b = await setupB2B('acct-none');
    await ingest(b, b.crm, [{ crmId: 'p1', email: 'p1@example.com' }]);
    expect((await readAccount(b, 'nobody')).account).toBeNull();
    const byPerson = { identity: { namespace: 'CRMID', id: 'p1' } };
    await expectRefused(b, byPerson, 'BAD_USER_INPUT', 'identity.namespace');
    const unknown = { identity: { namespace: 'Nope', id: 'x' } };
    await expectRefused(b, unknown, 'NOT_FOUND', 'identity.namespace');
  });

  it('pages the people of an account, each once, the merged value deciding', async () => {
    const b = await setupB2B('acct-people');
    await ingest(b, b.accounts, [{ accountId: 'acme' }, { accountId: 'globex' }]);
    const acmePeople = ['p1', 'p2', 'p3', 'p4', 'p5'];
    await ingest(b, b.crm, [
      ...acmePeople.map((p) => person(p, { accountKey: 'acme' })),
      // Both accounts, one of them twice.
      person('p6', { accountKey: ' acme ', partners: ['globex', 'acme'] }),
      person('p7', { accountKey: 'globex' }),
      // Two fragments disagree: the newer one (CRM, though ingested first) decides.
      { ...person('p8', { accountKey: 'acme' }), ...audit('2026-02-01T00:00:00Z') },
      // Relates nowhere: blocked value, no account, a value no account holds.
      person('p9', { accountKey: 'unknown' }),
      { crmId: 'p10' },
      person('p11', { accountKey: 'initech' }),
    ]);
    await ingest(b, b.sales, [
      { ...person('p8', { accountKey: 'globex' }), ...audit('2026-01-01T00:00:00Z') },
    ]);
    await settle(b);

    const acme = [...acmePeople, 'p6', 'p8'];
    for (const first of [1, 3, 100])
      expect((await allPeople(b, 'acme', first)).sort()).toEqual(acme);
    expect((await allPeople(b, 'globex', 1)).sort()).toEqual(['p6', 'p7']);
    const { account } = await readAccount(b, 'acme', 3);
    expect(account?.peopleCount).toBe(7);
    expect(account?.people.totalCount).toBe(7);
    expect(account?.people.pageInfo.hasNextPage).toBe(true);
    // People are person profiles under the default PROFILE policy: their merged attributes.
    const p8 = (await readAccount(b, 'acme', 100)).account?.people.edges.find(
      (e) => crmIdOf(e.node.identities)[0] === 'p8',
    );
    expect(p8?.node.attributes).toMatchObject({ b2b: { accountKey: 'acme' } });
  });

  it('finds people related through any identity of the account', async () => {
    const b = await setupB2B('acct-ids');
    await ingest(b, b.accounts, [{ accountId: 'acme', duns: '123456789' }]);
    await ingest(b, b.crm, [
      person('p1', { accountKey: 'acme' }),
      person('p2', { duns: ' 123456789 ' }),
      person('p3', { accountKey: 'acme', duns: '123456789' }),
    ]);
    await settle(b);
    expect((await allPeople(b, 'acme', 2)).sort()).toEqual(['p1', 'p2', 'p3']);
    expect(await peopleCount(b, 'acme')).toBe(3);
    const byDuns = await server.data(
      AccountDocument,
      { identity: { namespace: 'Duns', id: '123456789' } },
      b.opts,
    );
    expect(byDuns.account?.peopleCount).toBe(3);
  });

  it('moves a person between accounts on upsert, in the background', async () => {
    const b = await setupB2B('acct-move');
    await ingest(b, b.accounts, [{ accountId: 'acme' }, { accountId: 'globex' }]);
    await ingest(b, b.crm, [
      person('p1', { accountKey: 'acme' }),
      person('p2', { accountKey: 'acme' }),
    ]);
    // No flush here: the background pass relates them moments after the ingest.
    await pollUntil(
      () => peopleCount(b, 'acme'),
      (n) => n === 2,
      (n) => `acme has ${n} people`,
    );
    await ingest(b, b.crm, [person('p1', { accountKey: 'globex' })], 'MERGE');
    const moved = await oneEach(b);
    expect(moved).toEqual({ acme: ['p2'], globex: ['p1'] });
    expect(await peopleCount(b, 'acme')).toBe(1);
    expect(await peopleCount(b, 'globex')).toBe(1);
    // A person whose data is deleted relates to nothing any more.
    await server.data(
      DeleteProfileDocument,
      { identity: { namespace: 'CRMID', id: 'p2' } },
      b.opts,
    );
    await pollUntil(
      () => peopleCount(b, 'acme'),
      (n) => n === 0,
      (n) => `acme still has ${n} people`,
    );
    expect((await readAccount(b, 'acme')).account?.people.edges).toEqual([]);
  });

  it('relates everyone again when the default PROFILE policy merges otherwise', async () => {
    const b = await setupB2B('acct-policy');
    await ingest(b, b.accounts, [{ accountId: 'acme' }, { accountId: 'globex' }]);
    await ingest(b, b.crm, [
      { ...person('p1', { accountKey: 'acme' }), ...audit('2026-02-01T00:00:00Z') },
      person('p2', { accountKey: 'acme' }),
    ]);
    await ingest(b, b.sales, [
      { ...person('p1', { accountKey: 'globex' }), ...audit('2026-01-01T00:00:00Z') },
    ]);
    await settle(b);
    expect((await allPeople(b, 'acme', 10)).sort()).toEqual(['p1', 'p2']);

    // Sales now wins over CRM whatever the dates: p1's merged account is globex.
    const input = {
      name: 'Sales first',
      schemaClass: 'PROFILE' as const,
      attributeMerge: 'DATASET_PRECEDENCE' as const,
      datasetOrder: [b.sales, b.crm],
      isDefault: true,
    };
    await server.data(CreateMergePolicyDocument, { input }, b.opts);
    const moved = await oneEach(b);
    expect(moved).toEqual({ acme: ['p2'], globex: ['p1'] });
  });

  it('relates people stored before a relationship comes into force', async () => {
    const b = await setupB2B('acct-later', []);
    await ingest(b, b.accounts, [{ accountId: 'acme' }]);
    await ingest(b, b.crm, [person('p1', { accountKey: 'acme' }), person('p2', {})]);
    await settle(b);
    expect(await peopleCount(b, 'acme')).toBe(0);

    // A second person schema names the same field as a relationship, and is enabled.
    const links = {
      ...personSchema([{ path: 'b2b.accountKey', namespace: 'B2BAccount' }]),
      name: 'B2B links',
    };
    const { id } = (await server.data(CreateSchemaDocument, { input: links }, b.opts)).createSchema;
    await server.data(EnableSchemaDocument, { schemaId: id }, b.opts);
    await pollUntil(
      () => peopleCount(b, 'acme'),
      (n) => n === 1,
      (n) => `acme has ${n} people`,
    );
    expect(await allPeople(b, 'acme', 10)).toEqual(['p1']);
  });

  it('keeps account identities out of person graphs', async () => {
    const b = await setupB2B('acct-graphs');
    await ingest(b, b.accounts, [{ accountId: 'acme', duns: '123456789' }]);
    const { results } = await ingest(b, b.crm, [
      {
        ...person('p1', { accountKey: 'acme' }),
        email: 'p1@example.com',
        identityMap: { B2BAccount: [{ id: 'acme' }] },
      },
    ]);
    expect(results[0]?.errors.map((e) => e.code)).toEqual(['INVALID_IDENTITY']);
    const personGraph = await server.data(
      IdentityGraphDocument,
      { identity: { namespace: 'CRMID', id: 'p1' } },
      b.opts,
    );
    expect(personGraph.identityGraph?.identities.map((i) => i.namespace).sort()).toEqual([
      'CRMID',
      'Email',
    ]);
    const accountGraph = await server.data(
      IdentityGraphDocument,
      { identity: b2bAccount('acme') },
      b.opts,
    );
    expect(accountGraph.identityGraph?.identities.map((i) => i.namespace).sort()).toEqual([
      'B2BAccount',
      'Duns',
    ]);
    await settle(b);
    expect((await readAccount(b, 'acme')).account?.identities).toHaveLength(2);
    expect(await allPeople(b, 'acme', 10)).toEqual(['p1']);
  });

  it('bounds pages like audience members', async () => {
    const b = await setupB2B('acct-pages');
    await ingest(b, b.accounts, [{ accountId: 'acme' }]);
    for (const [first, after] of [
      [0, null],
      [-1, null],
      [1001, null],
      [10, 'not a cursor'],
    ] as const) {
      const field = first === 10 ? 'after' : 'first';
      await expectRefused(
        b,
        { identity: b2bAccount('acme'), first, after },
        'BAD_USER_INPUT',
        field,
      );
    }
    expect((await readAccount(b, 'acme', 1000)).account?.people.edges).toEqual([]);
  });
});
