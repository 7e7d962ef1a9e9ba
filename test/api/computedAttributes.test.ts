import {
  ComputedAttributesDocument,
  CreateAudienceDocument,
  CreateComputedAttributeDocument,
  type CreateComputedAttributeInput,
  DeleteComputedAttributeDocument,
  ProfileComputedDocument,
  SetComputedAttributeStatusDocument,
} from '../generated/graphql';
import { useTestServer } from '../support/testServer';
import { type Datasets, ingestInto, setupDatasets } from './ingestSetup';

const server = useTestServer();

const HOUR = 3_600_000;
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const ANN = { namespace: 'CRMID', id: 'c1' };

const purchase = (id: string, at: string, total: number) => ({
  _id: id,
  timestamp: at,
  eventType: 'purchase',
  commerce: { order: { total } },
  identityMap: { Email: [{ id: 'ann@example.com' }] },
});

const create = (ds: Datasets, input: CreateComputedAttributeInput) =>
  server.request(CreateComputedAttributeDocument, { input }, { sandbox: ds.sandbox });

async function define(ds: Datasets, input: CreateComputedAttributeInput): Promise<string> {
  const res = await create(ds, input);
  if (res.data?.createComputedAttribute === undefined) throw new Error(JSON.stringify(res));
  return res.data.createComputedAttribute.id;
}

const days = (count: number) => ({ count, unit: 'DAYS' as const });
const purchases = [{ path: 'eventType', op: 'EQ' as const, value: 'purchase' }];

describe('computed attributes (SEMANTICS §5)', () => {
  it('are current when ingest returns, over the window of the whole graph', async () => {
    const ds = await setupDatasets(server, 'ca');
    await ingestInto(server, ds, ds.crm, [{ crmId: 'c1', email: 'ann@example.com' }]);
    await define(ds, { name: 'orders7d', function: 'COUNT', where: purchases, lookback: days(7) });
    await define(ds, {
      name: 'spent7d',
      function: 'SUM',
      field: 'commerce.order.total',
      lookback: days(7),
    });
    await define(ds, {
      name: 'biggest',
      function: 'MAX',
      field: 'commerce.order.total',
      lookback: days(7),
    });
    await define(ds, {
      name: 'lastType',
      function: 'MOST_RECENT',
      field: 'eventType',
      lookback: days(1),
    });
    await define(ds, { name: 'draft', function: 'COUNT', lookback: days(1), status: 'DRAFT' });
    await ingestInto(server, ds, ds.web, [
      purchase('o1', ago(2 * HOUR), 30),
      purchase('o2', ago(50 * HOUR), 12.5),
      purchase('old', ago(8 * 24 * HOUR), 1000), // outside every window
    ]);
    const { profile } = await server.data(
      ProfileComputedDocument,
      { identity: ANN },
      {
        sandbox: ds.sandbox,
      },
    );
    const values = Object.fromEntries(
      (profile?.computedAttributes ?? []).map((v) => [v.name, v.value]),
    );
    // DRAFT ones are neither computed nor shown.
    expect(values).toEqual({ orders7d: 2, spent7d: 42.5, biggest: 30, lastType: 'purchase' });
  });

  it('refuses bad definitions with every problem and its path', async () => {
    const ds = await setupDatasets(server, 'ca-bad');
    const res = await create(ds, {
      name: '9lives',
      function: 'SUM',
      field: 'eventType',
      lookback: { count: 8, unit: 'DAYS' },
    });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = res.errors?.[0]?.extensions?.issues?.map((i) => i.field);
    expect(fields).toEqual(['input.name', 'input.field', 'input.lookback.count']);
    const count = await create(ds, {
      name: 'n',
      function: 'COUNT',
      field: 'eventType',
      lookback: days(1),
    });
    expect(count.errors?.[0]?.extensions?.field).toBe('input.field');
  });

  it('keeps names unique, never goes back to DRAFT, and stays while an audience uses it', async () => {
    const ds = await setupDatasets(server, 'ca-life');
    const opts = { sandbox: ds.sandbox };
    const id = await define(ds, { name: 'visits', function: 'COUNT', lookback: days(7) });
    const again = await create(ds, { name: 'VISITS', function: 'COUNT', lookback: days(1) });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const toDraft = await server.request(
      SetComputedAttributeStatusDocument,
      { id, status: 'DRAFT' },
      opts,
    );
    expect(toDraft.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const { createAudience } = await server.data(
      CreateAudienceDocument,
      {
        input: {
          name: 'Frequent',
          condition: { computed: { name: 'visits', op: 'GTE', value: 3 } },
        },
      },
      opts,
    );
    expect(createAudience.definition).toEqual({
      computed: { name: 'visits', op: 'GTE', value: 3 },
    });
    const used = await server.request(DeleteComputedAttributeDocument, { id }, opts);
    expect(used.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    expect(used.errors?.[0]?.message).toContain('Frequent');
    const disable = await server.request(
      SetComputedAttributeStatusDocument,
      { id, status: 'DISABLED' },
      opts,
    );
    expect(disable.errors?.[0]?.extensions?.code).toBe('CONFLICT');

    const other = await define(ds, { name: 'other', function: 'COUNT', lookback: days(7) });
    const disabled = await server.data(
      SetComputedAttributeStatusDocument,
      { id: other, status: 'DISABLED' },
      opts,
    );
    expect(disabled.setComputedAttributeStatus.status).toBe('DISABLED');
    expect(
      (await server.data(DeleteComputedAttributeDocument, { id: other }, opts))
        .deleteComputedAttribute,
    ).toBe(true);
    const { computedAttributes } = await server.data(ComputedAttributesDocument, {}, opts);
    expect(computedAttributes.map((c) => c.name)).toEqual(['visits']);
  });
});
