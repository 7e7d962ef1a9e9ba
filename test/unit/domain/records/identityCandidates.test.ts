import type { IdentityDescriptor } from '../../../../src/domain/catalog/types';
import {
  type FoundCandidates,
  type IdentityCandidate,
  identityCandidates,
} from '../../../../src/domain/records/identityCandidates';
import { recordError } from '../../../../src/domain/records/RecordError';
import { NAMESPACES_BY_KEY, namespace } from './fixtures';

const DESCRIPTORS: IdentityDescriptor[] = [
  { path: 'crmId', namespace: 'CRMID', primary: true },
  { path: 'person.email', namespace: 'Email', primary: false },
];

const candidate = (
  code: string,
  value: string,
  path: string,
  extra: Partial<IdentityCandidate> = {},
): IdentityCandidate => ({
  namespace: namespace(code),
  value,
  primary: false,
  fromDescriptor: false,
  path,
  ...extra,
});

const unknown = (code: string, path: string) =>
  recordError(
    'UNKNOWN_NAMESPACE',
    `there is no identity namespace "${code}"; its values were dropped`,
    path,
  );

describe('identityCandidates', () => {
  it.each<[string, Record<string, unknown>, FoundCandidates]>([
    ['nothing from an empty record', {}, { candidates: [], warnings: [], errors: [] }],
    [
      'descriptor values first, in descriptor order, untouched',
      { person: { email: ' A@X.com ' }, crmId: 'c1', identityMap: { Phone: [{ id: 'p1' }] } },
      {
        candidates: [
          candidate('CRMID', 'c1', 'crmId', { primary: true, fromDescriptor: true }),
          candidate('Email', ' A@X.com ', 'person.email', { fromDescriptor: true }),
          candidate('Phone', 'p1', 'identityMap.Phone[0].id'),
        ],
        warnings: [],
        errors: [],
      },
    ],
    [
      'nothing from absent, null or non-string descriptor values',
      { crmId: null, person: { email: 42 } },
      { candidates: [], warnings: [], errors: [] },
    ],
    [
      'nothing below a missing parent',
      { person: null, crmId: ['c1'] },
      { candidates: [], warnings: [], errors: [] },
    ],
    [
      'identityMap namespaces in any case, spelled as the catalog does',
      { identityMap: { EMAIL: [{ id: 'a' }], ecid: [{ id: 'b', primary: true }] } },
      {
        candidates: [
          candidate('Email', 'a', 'identityMap.EMAIL[0].id'),
          candidate('ECID', 'b', 'identityMap.ecid[0].id', { primary: true }),
        ],
        warnings: [],
        errors: [],
      },
    ],
    [
      'one UNKNOWN_NAMESPACE warning per unknown identityMap key',
      {
        identityMap: {
          Foo: [{ id: '1' }, { id: '2' }],
          Email: [{ id: 'a' }],
          foo: [{ id: '3' }],
          Bar: [],
        },
      },
      {
        candidates: [candidate('Email', 'a', 'identityMap.Email[0].id')],
        warnings: [unknown('Foo', 'identityMap.Foo'), unknown('foo', 'identityMap.foo')],
        errors: [],
      },
    ],
    [
      'the shape errors of identityMap, with what is usable',
      { crmId: 'c1', identityMap: { Email: [{ id: 1 }, { id: 'a' }] } },
      {
        candidates: [
          candidate('CRMID', 'c1', 'crmId', { primary: true, fromDescriptor: true }),
          candidate('Email', 'a', 'identityMap.Email[1].id'),
        ],
        warnings: [],
        errors: [
          recordError(
            'SCHEMA_VALIDATION',
            'must be a string, got number',
            'identityMap.Email[0].id',
          ),
        ],
      },
    ],
  ])('finds %s', (_, record, expected) => {
    expect(identityCandidates(record, DESCRIPTORS, NAMESPACES_BY_KEY)).toEqual(expected);
  });

  it('warns of a descriptor namespace the catalog no longer has', () => {
    const descriptors = [{ path: 'member', namespace: 'memberId', primary: true }];
    expect(identityCandidates({ member: 'm1' }, descriptors, NAMESPACES_BY_KEY)).toEqual({
      candidates: [],
      warnings: [unknown('memberId', 'member')],
      errors: [],
    });
    expect(identityCandidates({}, descriptors, NAMESPACES_BY_KEY)).toEqual({
      candidates: [],
      warnings: [],
      errors: [],
    });
  });
});
