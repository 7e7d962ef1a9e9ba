import { fragmentsFor } from '../../../../src/domain/merge/fragmentsFor';
import type { MergePolicyRules } from '../../../../src/domain/merge/MergePolicyRules';
import { identityKey } from '../../../../src/domain/identity/Identity';
import { CRM, ECID, EMAIL, TIMESTAMP_ORDERED, deepFreeze, fragment } from './fixtures';

const OTHER = identityKey({ namespace: 'CRMID', id: 'c2' });

/** Fragments named by dataset and identity: crm/CRM is `crm:CRM`. */
const KEYS = { CRM, EMAIL, ECID, OTHER };
const FRAGMENTS = deepFreeze(
  (['crm', 'web'] as const).flatMap((datasetId) =>
    Object.entries(KEYS).map(([label, key]) =>
      fragment(datasetId, { name: `${datasetId}:${label}` }, { key }),
    ),
  ),
);

const stitching = (identityStitching: MergePolicyRules['identityStitching']) => ({
  ...TIMESTAMP_ORDERED,
  identityStitching,
});

describe('fragmentsFor', () => {
  it.each<[string, MergePolicyRules['identityStitching'], string, string[], string[]]>([
    [
      'NONE: only the requested identity, in every dataset',
      'NONE',
      CRM,
      [CRM, EMAIL],
      ['crm:CRM', 'web:CRM'],
    ],
    [
      'NONE: another requested identity',
      'NONE',
      EMAIL,
      [CRM, EMAIL, ECID],
      ['crm:EMAIL', 'web:EMAIL'],
    ],
    [
      'NONE: no fragments under the requested identity',
      'NONE',
      identityKey({ namespace: 'Phone', id: '1' }),
      [],
      [],
    ],
    [
      'PRIVATE_GRAPH: every identity of the graph, in the input order',
      'PRIVATE_GRAPH',
      CRM,
      [ECID, CRM, EMAIL],
      ['crm:CRM', 'crm:EMAIL', 'crm:ECID', 'web:CRM', 'web:EMAIL', 'web:ECID'],
    ],
    [
      'PRIVATE_GRAPH: identities outside the graph are dropped',
      'PRIVATE_GRAPH',
      EMAIL,
      [CRM, EMAIL],
      ['crm:CRM', 'crm:EMAIL', 'web:CRM', 'web:EMAIL'],
    ],
    [
      'PRIVATE_GRAPH: the requested identity counts even when the graph lacks it',
      'PRIVATE_GRAPH',
      OTHER,
      [],
      ['crm:OTHER', 'web:OTHER'],
    ],
    [
      'PRIVATE_GRAPH: graph keys repeated',
      'PRIVATE_GRAPH',
      CRM,
      [CRM, CRM, ECID],
      ['crm:CRM', 'crm:ECID', 'web:CRM', 'web:ECID'],
    ],
  ])('%s', (_, identityStitching, requested, graph, expected) => {
    const chosen = fragmentsFor(stitching(identityStitching), requested, graph, FRAGMENTS);
    expect(chosen.map((f) => f.attributes['name'])).toStrictEqual(expected);
    chosen.forEach((f) => {
      expect(FRAGMENTS).toContain(f);
    });
  });

  it('takes the graph as any iterable, such as a Set', () => {
    const chosen = fragmentsFor(stitching('PRIVATE_GRAPH'), CRM, new Set([CRM, ECID]), FRAGMENTS);
    expect(chosen.map((f) => f.attributes['name'])).toStrictEqual([
      'crm:CRM',
      'crm:ECID',
      'web:CRM',
      'web:ECID',
    ]);
  });

  it('takes a whole merge policy and returns a new array', () => {
    const policy: MergePolicyRules = { ...TIMESTAMP_ORDERED, identityStitching: 'NONE' };
    const few = deepFreeze([fragment('crm', {}, { key: CRM })]);
    const chosen = fragmentsFor(policy, CRM, [], few);
    expect(chosen).toStrictEqual(few);
    expect(chosen).not.toBe(few);
  });

  it('has nothing to choose from no fragments', () => {
    expect(fragmentsFor(stitching('PRIVATE_GRAPH'), CRM, [CRM, EMAIL], [])).toStrictEqual([]);
  });
});
