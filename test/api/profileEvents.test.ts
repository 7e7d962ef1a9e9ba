import {
  IngestDocument,
  ProfileEventsDocument,
  type ProfileEventsQueryVariables,
} from '../generated/graphql';
import { useTestServer } from '../support/testServer';
import { type Datasets, setupDatasets } from './ingestSetup';

const server = useTestServer();
const ECID_A = '1'.repeat(38);
const ECID_B = '2'.repeat(38);

/** Six events on two cookies of one person (linked by the login event), one per day. */
async function person(prefix: string): Promise<Datasets> {
  const ds = await setupDatasets(server, prefix);
  const event = (day: number, ecid: string, eventType: string, total?: number) => ({
    _id: `e${day}`,
    timestamp: `2026-03-0${day}T10:00:00Z`,
    eventType,
    ...(total !== undefined && { commerce: { order: { total } } }),
    identityMap: { ECID: [{ id: ecid }] },
  });
  await server.data(
    IngestDocument,
    {
      input: {
        datasetId: ds.web,
        records: [
          event(1, ECID_A, 'view'),
          event(2, ECID_A, 'purchase', 30),
          event(3, ECID_B, 'view'),
          event(4, ECID_B, 'purchase', 120),
          event(5, ECID_A, 'view'),
          {
            ...event(6, ECID_B, 'login'),
            identityMap: { ECID: [{ id: ECID_B, primary: true }, { id: ECID_A }] },
          },
        ],
      },
    },
    { sandbox: ds.sandbox },
  );
  return ds;
}

const events = async (ds: Datasets, vars: Omit<ProfileEventsQueryVariables, 'identity'>) =>
  (
    await server.data(
      ProfileEventsDocument,
      { identity: { namespace: 'ECID', id: ECID_A }, ...vars },
      { sandbox: ds.sandbox },
    )
  ).profile!.events;

const ids = (page: Awaited<ReturnType<typeof events>>) => page.edges.map((e) => e.node.id);

describe('Profile.events (SEMANTICS §4)', () => {
  it('lists the events of the whole graph, newest first by default, with their dataset and identity', async () => {
    const ds = await person('ev');
    const page = await events(ds, {});
    expect(ids(page)).toEqual(['e6', 'e5', 'e4', 'e3', 'e2', 'e1']);
    expect(page.edges[2]?.node).toMatchObject({
      timestamp: '2026-03-04T10:00:00.000Z',
      dataset: { name: 'Web' },
      identity: { namespace: 'ECID', id: ECID_B },
      data: { eventType: 'purchase', commerce: { order: { total: 120 } } },
    });
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  it('pages with opaque cursors in either order, within [from, to)', async () => {
    const ds = await person('evpage');
    const one = await events(ds, {
      order: 'ASC',
      first: 2,
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-06T10:00:00Z',
    });
    expect(ids(one)).toEqual(['e2', 'e3']);
    expect(one.pageInfo.hasNextPage).toBe(true);
    const two = await events(ds, {
      order: 'ASC',
      first: 2,
      from: '2026-03-02T00:00:00Z',
      to: '2026-03-06T10:00:00Z',
      after: one.pageInfo.endCursor,
    });
    expect(ids(two)).toEqual(['e4', 'e5']);
    expect(two.pageInfo.hasNextPage).toBe(false);
  });

  it('filters with where, paging over the matches only', async () => {
    const ds = await person('evwhere');
    const purchases = await events(ds, {
      where: [{ path: 'eventType', op: 'EQ', value: 'purchase' }],
    });
    expect(ids(purchases)).toEqual(['e4', 'e2']);
    const big = await events(ds, {
      where: [{ path: 'commerce.order.total', op: 'GT', value: 50 }],
    });
    expect(ids(big)).toEqual(['e4']);
    const first = await events(ds, {
      first: 1,
      where: [{ path: 'eventType', op: 'IN', value: ['view', 'login'] }],
    });
    expect(ids(first)).toEqual(['e6']);
    const rest = await events(ds, {
      first: 10,
      after: first.pageInfo.endCursor,
      where: [{ path: 'eventType', op: 'IN', value: ['view', 'login'] }],
    });
    expect(ids(rest)).toEqual(['e5', 'e3', 'e1']);
  });

  it('refuses foreign cursors, bad page sizes and bad filters, naming the argument', async () => {
    const ds = await person('evbad');
    const run = (vars: Omit<ProfileEventsQueryVariables, 'identity'>) =>
      server.request(
        ProfileEventsDocument,
        { identity: { namespace: 'ECID', id: ECID_A }, ...vars },
        { sandbox: ds.sandbox },
      );
    expect((await run({ after: 'nope' })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    });
    expect((await run({ first: 0 })).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'first',
    });
    const badFilter = await run({ where: [{ path: '1bad', op: 'EQ', value: 1 }] });
    expect(badFilter.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'where[0].path',
    });
  });
});
