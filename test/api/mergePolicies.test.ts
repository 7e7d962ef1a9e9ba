import {
  CreateMergePolicyDocument,
  DeleteMergePolicyDocument,
  MergePoliciesDocument,
  MergePolicyDocument,
  UpdateMergePolicyDocument,
} from '../generated/graphql';
import { useTestServer } from '../support/testServer';
import { setupDatasets } from './ingestSetup';

const server = useTestServer();

describe('merge policies (SEMANTICS §4)', () => {
  it('starts every sandbox with a default timestamp-ordered policy per record class', async () => {
    const sandbox = await server.newSandbox('mp-seed');
    const { mergePolicies } = await server.data(MergePoliciesDocument, {}, { sandbox });
    expect(
      mergePolicies.map((p) => [
        p.schemaClass,
        p.name,
        p.attributeMerge,
        p.identityStitching,
        p.isDefault,
      ]),
    ).toEqual(
      [
        ['PROFILE', 'Default timestamp-ordered', 'TIMESTAMP_ORDERED', 'PRIVATE_GRAPH', true],
        [
          'ACCOUNT',
          'Default timestamp-ordered (accounts)',
          'TIMESTAMP_ORDERED',
          'PRIVATE_GRAPH',
          true,
        ],
      ].sort((a, b) => (a[1]! < b[1]! ? -1 : 1)),
    );
    const events = await server.data(
      MergePoliciesDocument,
      { schemaClass: 'EXPERIENCE_EVENT' },
      { sandbox },
    );
    expect(events.mergePolicies).toEqual([]);
  });

  it('creates a dataset-precedence policy over profile-enabled datasets of its class', async () => {
    const ds = await setupDatasets(server, 'mp-create');
    const opts = { sandbox: ds.sandbox };
    const { createMergePolicy } = await server.data(
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
    expect(createMergePolicy).toMatchObject({
      schemaClass: 'PROFILE',
      identityStitching: 'PRIVATE_GRAPH',
      isDefault: false,
      version: 1,
      datasetOrder: [
        { id: ds.crm, name: 'CRM' },
        { id: ds.plain, name: 'Plain' },
      ],
    });
    const { mergePolicy } = await server.data(
      MergePolicyDocument,
      { id: createMergePolicy.id },
      opts,
    );
    expect(mergePolicy).toEqual(createMergePolicy);
  });

  it.each([
    [
      { attributeMerge: 'DATASET_PRECEDENCE' as const, datasetOrder: [] },
      'input.datasetOrder',
      'needs at least one dataset',
    ],
    [
      { attributeMerge: 'TIMESTAMP_ORDERED' as const, datasetOrder: ['CRM'] },
      'input.datasetOrder',
      'DATASET_PRECEDENCE only',
    ],
    [
      { attributeMerge: 'DATASET_PRECEDENCE' as const, datasetOrder: ['ds_nope'] },
      'input.datasetOrder[0]',
      'there is no dataset',
    ],
    [
      { attributeMerge: 'DATASET_PRECEDENCE' as const, datasetOrder: ['WEB'] },
      'input.datasetOrder[0]',
      'holds EXPERIENCE_EVENT data',
    ],
    [
      { attributeMerge: 'DATASET_PRECEDENCE' as const, datasetOrder: ['CRM', 'CRM'] },
      'input.datasetOrder[1]',
      'listed twice',
    ],
    [{ schemaClass: 'EXPERIENCE_EVENT' as const }, 'input.schemaClass', 'events are never merged'],
    [{ name: ' ' }, 'input.name', 'must not be blank'],
  ])('refuses %j', async (changes, field, message) => {
    const ds = await setupDatasets(server, 'mp-bad');
    const names: Record<string, string> = { CRM: ds.crm, WEB: ds.web };
    const datasetOrder =
      'datasetOrder' in changes ? changes.datasetOrder.map((d) => names[d] ?? d) : undefined;
    const res = await server.request(
      CreateMergePolicyDocument,
      { input: { name: 'P', ...changes, ...(datasetOrder && { datasetOrder }) } },
      { sandbox: ds.sandbox },
    );
    expect(res.errors?.[0]?.extensions).toMatchObject({
      code: expect.stringMatching(/BAD_USER_INPUT/) as string,
      field,
    });
    expect(res.errors?.[0]?.message).toContain(message);
  });

  it('keeps one default per class: a new default takes over, the last one stays', async () => {
    const sandbox = await server.newSandbox('mp-default');
    const opts = { sandbox };
    const [seeded] = (await server.data(MergePoliciesDocument, { schemaClass: 'PROFILE' }, opts))
      .mergePolicies;
    const undefault = await server.request(
      UpdateMergePolicyDocument,
      { id: seeded!.id, input: { isDefault: false } },
      opts,
    );
    expect(undefault.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.isDefault',
    });
    const cannotDelete = await server.request(DeleteMergePolicyDocument, { id: seeded!.id }, opts);
    expect(cannotDelete.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'id' });
    const { createMergePolicy } = await server.data(
      CreateMergePolicyDocument,
      { input: { name: 'New default', isDefault: true } },
      opts,
    );
    const after = (await server.data(MergePoliciesDocument, { schemaClass: 'PROFILE' }, opts))
      .mergePolicies;
    expect(after.filter((p) => p.isDefault).map((p) => p.id)).toEqual([createMergePolicy.id]);
    expect(after.find((p) => p.id === seeded!.id)?.version).toBe(2);
    expect(await server.data(DeleteMergePolicyDocument, { id: seeded!.id }, opts)).toEqual({
      deleteMergePolicy: true,
    });
    const accounts = (await server.data(MergePoliciesDocument, { schemaClass: 'ACCOUNT' }, opts))
      .mergePolicies;
    expect(accounts.filter((p) => p.isDefault)).toHaveLength(1);
  });

  it('keeps at most one active-on-edge policy, which cannot be deleted', async () => {
    const sandbox = await server.newSandbox('mp-edge');
    const opts = { sandbox };
    const a = (
      await server.data(
        CreateMergePolicyDocument,
        { input: { name: 'A', activeOnEdge: true } },
        opts,
      )
    ).createMergePolicy;
    const b = (await server.data(CreateMergePolicyDocument, { input: { name: 'B' } }, opts))
      .createMergePolicy;
    const { updateMergePolicy } = await server.data(
      UpdateMergePolicyDocument,
      { id: b.id, input: { activeOnEdge: true, name: 'B2' } },
      opts,
    );
    expect(updateMergePolicy).toMatchObject({ name: 'B2', activeOnEdge: true, version: 2 });
    expect(
      (await server.data(MergePolicyDocument, { id: a.id }, opts)).mergePolicy?.activeOnEdge,
    ).toBe(false);
    const res = await server.request(DeleteMergePolicyDocument, { id: b.id }, opts);
    expect(res.errors?.[0]?.message).toContain('active on edge');
    const taken = await server.request(
      UpdateMergePolicyDocument,
      { id: a.id, input: { name: 'b2' } },
      opts,
    );
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'input.name' });
  });
});
