import {
  AudienceDocument,
  AudienceMembershipChangedDocument,
  type AudienceCondition,
  AudiencesDocument,
  CreateAudienceDocument,
  CreateMergePolicyDocument,
  DeleteAudienceDocument,
  DeleteMergePolicyDocument,
  DeleteProfileDocument,
  ProfileAudiencesDocument,
} from '../generated/graphql';
import { pollUntil } from '../support/pollUntil';
import { subscribe } from '../support/subscription';
import { useTestServer } from '../support/testServer';
import { type Datasets, ingestInto, setupDatasets } from './ingestSetup';

const server = useTestServer();

const person = (crmId: string, age: number) => ({
  crmId,
  email: `${crmId}@example.com`,
  person: { age },
});
const over40: AudienceCondition = { attribute: { path: 'person.age', op: 'GTE', value: 40 } };

async function createAudience(ds: Datasets, name: string, condition: AudienceCondition) {
  const { createAudience } = await server.data(
    CreateAudienceDocument,
    { input: { name, condition } },
    { sandbox: ds.sandbox },
  );
  return createAudience.id;
}

const readAudience = (ds: Datasets, id: string, first = 100, after?: string) =>
  server.data(AudienceDocument, { id, first, after }, { sandbox: ds.sandbox });

const memberships = async (ds: Datasets, crmId: string) =>
  (
    await server.data(
      ProfileAudiencesDocument,
      { identity: { namespace: 'CRMID', id: crmId } },
      { sandbox: ds.sandbox },
    )
  ).profile?.audiences ?? [];

describe('audiences (SEMANTICS §5)', () => {
  it('evaluates a new audience over the existing profiles, in the background', async () => {
    const ds = await setupDatasets(server, 'aud');
    await ingestInto(server, ds, ds.crm, [person('c1', 41), person('c2', 30), person('c3', 50)]);
    const id = await createAudience(ds, 'Over 40', over40);
    const { audience } = await pollUntil(
      () => readAudience(ds, id),
      (r) => r.audience?.evaluation.done === true,
      (r) => `evaluation: ${JSON.stringify(r.audience?.evaluation)}`,
    );
    expect(audience?.memberCount).toBe(2);
    expect(audience?.members.totalCount).toBe(2);
    const ids = audience?.members.edges.map((e) => e.node.identities.map((i) => i.id).sort());
    expect(ids).toEqual(
      expect.arrayContaining([
        ['c1', 'c1@example.com'],
        ['c3', 'c3@example.com'],
      ]),
    );
    // Pages of one, in a stable order, with opaque cursors.
    const first = (await readAudience(ds, id, 1)).audience?.members;
    expect(first?.edges).toHaveLength(1);
    expect(first?.pageInfo.hasNextPage).toBe(true);
    const second = (await readAudience(ds, id, 1, first?.pageInfo.endCursor ?? undefined)).audience
      ?.members;
    expect(second?.edges).toHaveLength(1);
    expect(second?.pageInfo.hasNextPage).toBe(false);
    expect(second?.edges[0]?.cursor).not.toBe(first?.edges[0]?.cursor);

    // REALIZED when it entered; EXISTING once evaluated again and still in.
    const [ann] = await memberships(ds, 'c1');
    expect(ann?.audience).toEqual({ id, name: 'Over 40' });
    expect(['REALIZED', 'EXISTING']).toContain(ann?.status);
    expect(await memberships(ds, 'c2')).toEqual([]);
  });

  it('moves profiles in and out as their data changes, and announces it', async () => {
    const ds = await setupDatasets(server, 'aud-live');
    const id = await createAudience(ds, 'Over 40', over40);
    const sub = subscribe(
      server.wsClient({ 'x-sandbox-name': ds.sandbox }),
      AudienceMembershipChangedDocument,
      { audienceId: id },
    );
    // A new person per try: one already in the audience would not be announced again.
    let n = 0;
    const entered = await sub.until(
      (r) => r.data?.audienceMembershipChanged.status === 'REALIZED',
      () => ingestInto(server, ds, ds.crm, [person(`c${n++}`, 45)]),
    );
    expect(entered.data?.audienceMembershipChanged).toMatchObject({
      audience: { id, name: 'Over 40' },
      identity: { namespace: 'CRMID' },
    });
    const crmId = entered.data?.audienceMembershipChanged.identity.id ?? '';
    await ingestInto(server, ds, ds.crm, [{ crmId, person: { age: 20 } }], 'MERGE');
    const exited = await sub.until((r) => r.data?.audienceMembershipChanged.status === 'EXITED');
    expect(exited.data?.audienceMembershipChanged.identity.id).toBe(crmId);
    expect(await memberships(ds, crmId)).toMatchObject([{ status: 'EXITED' }]);
    expect((await readAudience(ds, id)).audience?.memberCount).toBe(n - 1);
    sub.stop();
  });

  it('counts events in a window (at least minCount)', async () => {
    const ds = await setupDatasets(server, 'aud-ev');
    await ingestInto(server, ds, ds.crm, [person('c1', 30)]);
    const id = await createAudience(ds, 'Buyers', {
      event: {
        where: [{ path: 'eventType', op: 'EQ', value: 'purchase' }],
        within: { count: 1, unit: 'DAYS' },
        minCount: 2,
      },
    });
    const buy = (n: number) => ({
      _id: `o${n}`,
      timestamp: new Date(Date.now() - 60_000).toISOString(),
      eventType: 'purchase',
      identityMap: { Email: [{ id: 'c1@example.com' }] },
    });
    await ingestInto(server, ds, ds.web, [buy(1)]);
    await pollUntil(
      () => readAudience(ds, id),
      (r) => r.audience?.evaluation.done === true,
      () => 'evaluation not done',
    );
    expect((await readAudience(ds, id)).audience?.memberCount).toBe(0);
    await ingestInto(server, ds, ds.web, [buy(2)]);
    await pollUntil(
      () => memberships(ds, 'c1'),
      (m) => m[0]?.status === 'REALIZED',
      (m) => `memberships: ${JSON.stringify(m)}`,
    );
  });

  it('refuses bad conditions with their paths, and deletes', async () => {
    const ds = await setupDatasets(server, 'aud-bad');
    const opts = { sandbox: ds.sandbox };
    const res = await server.request(
      CreateAudienceDocument,
      {
        input: {
          name: 'Bad',
          condition: {
            and: [
              over40,
              { computed: { name: 'nope', op: 'GT', value: 1 }, attribute: over40.attribute },
            ],
          },
        },
      },
      opts,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = res.errors?.[0]?.extensions?.issues?.map((i) => i.field) ?? [];
    expect(fields[0]).toBe('input.condition.and[1]');
    expect(fields).toContain('input.condition.and[1].computed.name');

    await ingestInto(server, ds, ds.crm, [person('c1', 41)]);
    const id = await createAudience(ds, 'Over 40', over40);
    await pollUntil(
      () => memberships(ds, 'c1'),
      (m) => m.length === 1,
      (m) => `memberships: ${JSON.stringify(m)}`,
    );
    const taken = await server.request(
      CreateAudienceDocument,
      { input: { name: 'over 40', condition: over40 } },
      opts,
    );
    expect(taken.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect((await server.data(DeleteAudienceDocument, { id }, opts)).deleteAudience).toBe(true);
    expect((await server.data(AudiencesDocument, {}, opts)).audiences).toEqual([]);
    expect(await memberships(ds, 'c1')).toEqual([]);
  });

  it('keeps the merge policy of an audience, and pages members under it', async () => {
    const ds = await setupDatasets(server, 'aud-pol');
    const opts = { sandbox: ds.sandbox };
    const { createMergePolicy } = await server.data(
      CreateMergePolicyDocument,
      { input: { name: 'Per identity', identityStitching: 'NONE' } },
      opts,
    );
    const policyId = createMergePolicy.id;
    await ingestInto(server, ds, ds.crm, [person('c1', 41)]);
    const { createAudience } = await server.data(
      CreateAudienceDocument,
      { input: { name: 'Over 40, unstitched', condition: over40, mergePolicyId: policyId } },
      opts,
    );
    const { audience } = await pollUntil(
      () => readAudience(ds, createAudience.id),
      (r) => r.audience?.memberCount === 1,
      (r) => `members: ${JSON.stringify(r.audience?.members)}`,
    );
    // Without stitching, the member is the CRM identity alone.
    expect(audience?.members.edges[0]?.node.identities).toEqual([{ namespace: 'CRMID', id: 'c1' }]);
    const refused = await server.request(DeleteMergePolicyDocument, { id: policyId }, opts);
    expect(refused.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(refused.errors?.[0]?.message).toContain('Over 40, unstitched');
  });

  it('lets a profile go when its data is deleted', async () => {
    const ds = await setupDatasets(server, 'aud-del');
    await ingestInto(server, ds, ds.crm, [person('c1', 41)]);
    const id = await createAudience(ds, 'Over 40', over40);
    await pollUntil(
      () => readAudience(ds, id),
      (r) => r.audience?.memberCount === 1,
      () => 'c1 never became a member',
    );
    const identity = { namespace: 'CRMID', id: 'c1' };
    await server.data(DeleteProfileDocument, { identity }, { sandbox: ds.sandbox });
    await pollUntil(
      () => readAudience(ds, id),
      (r) => r.audience?.memberCount === 0,
      (r) => `still ${r.audience?.memberCount ?? '?'} members`,
    );
  });
});
