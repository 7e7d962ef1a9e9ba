import { implicitFields } from '../../../../src/domain/catalog/implicitFields';
import type { XdmSchema } from '../../../../src/domain/catalog/types';
import type { SchemaClass } from '../../../../src/domain/enumValues';
import type { Identity } from '../../../../src/domain/identity/Identity';
import type { IdentitySettings } from '../../../../src/domain/identity/IdentitySettings';
import {
  type ExtractedIdentities,
  extractIdentities,
} from '../../../../src/domain/records/extractIdentities';
import { type RecordError, recordError } from '../../../../src/domain/records/RecordError';
import { field, makeSchema } from '../catalog/fixtures';
import { ECID_1, ECID_2, NAMESPACES_BY_KEY, identity as i, settings } from './fixtures';

const schema = (
  id: string,
  schemaClass: SchemaClass,
  identityDescriptors: XdmSchema['identityDescriptors'] = [],
): XdmSchema =>
  makeSchema(
    id,
    schemaClass,
    [
      ...implicitFields(schemaClass),
      ...['crmId', 'email', 'device', 'accountKey', 'person'].map((p) => field(p, 'STRING')),
    ],
    { identityDescriptors },
  );

/** CRM records: crmId is the primary CRMID, email an Email. */
const CRM = schema('crm', 'PROFILE', [
  { path: 'crmId', namespace: 'CRMID', primary: true },
  { path: 'email', namespace: 'Email', primary: false },
]);
const PROFILE = schema('profile', 'PROFILE');
/** Web events: email an Email, device an ECID, neither primary. */
const WEB = schema('web', 'EXPERIENCE_EVENT', [
  { path: 'email', namespace: 'Email', primary: false },
  { path: 'device', namespace: 'ECID', primary: false },
]);
const EVENT = schema('event', 'EXPERIENCE_EVENT');
const ACCOUNTS = schema('accounts', 'ACCOUNT', [
  { path: 'accountKey', namespace: 'B2BAccount', primary: true },
]);
const ACCOUNT = schema('account', 'ACCOUNT');

/** The outcome with `identities` in order, the first of them primary. */
const outcome = (
  identities: Identity[],
  warnings: RecordError[] = [],
  errors: RecordError[] = [],
): ExtractedIdentities => ({ identities, primary: identities[0], warnings, errors });

const invalid = (path: string, message: string): RecordError =>
  recordError('INVALID_IDENTITY', message, path);
const MISSING = recordError('MISSING_IDENTITY', 'the record holds no usable identity');
const malformed = (path: string, message: string): RecordError =>
  recordError('SCHEMA_VALIDATION', message, path);
const BLOCKED = (value: string): string => `"${value}" is a blocked value, never an identity`;
const IN_PERSON_GRAPH = (code: string): string =>
  `"${code}" is an ORGANIZATION namespace: account identities never join person graphs`;

interface Case {
  name: string;
  schema: XdmSchema;
  record: Record<string, unknown>;
  settings?: Partial<IdentitySettings>;
  expected: ExtractedIdentities;
}

const run = (c: Pick<Case, 'schema' | 'record' | 'settings'>): ExtractedIdentities =>
  extractIdentities(c.record, c.schema, NAMESPACES_BY_KEY, settings(c.settings));

describe('extractIdentities', () => {
  describe('finds and normalises identities', () => {
    it.each<Case>([
      {
        name: 'descriptor values first, then identityMap in key and array order',
        schema: CRM,
        record: {
          email: 'ada@x.com',
          crmId: 'c1',
          identityMap: { Phone: [{ id: 'p1' }, { id: 'p2' }], ECID: [{ id: ECID_1 }] },
        },
        expected: outcome([
          i('CRMID', 'c1'),
          i('Email', 'ada@x.com'),
          i('Phone', 'p1'),
          i('Phone', 'p2'),
          i('ECID', ECID_1),
        ]),
      },
      {
        name: 'trimmed values, lower-cased emails, namespaces as the catalog spells them',
        schema: CRM,
        record: {
          crmId: '  C-1  ',
          email: ' Ada@X.COM',
          identityMap: { EMAIL: [{ id: 'Bob@Y.org ' }], loyaltyid: [{ id: ' L1 ' }] },
        },
        expected: outcome([
          i('CRMID', 'C-1'),
          i('Email', 'ada@x.com'),
          i('Email', 'bob@y.org'),
          i('loyaltyId', 'L1'),
        ]),
      },
      {
        name: 'one identity for a value found twice (after normalising)',
        schema: CRM,
        record: {
          crmId: 'c1',
          email: 'ada@x.com',
          identityMap: {
            Email: [{ id: 'ADA@x.com' }, { id: ' ada@x.com ' }],
            crmid: [{ id: 'c1' }],
          },
        },
        expected: outcome([i('CRMID', 'c1'), i('Email', 'ada@x.com')]),
      },
      {
        name: 'nothing from absent or null descriptor fields',
        schema: CRM,
        record: { crmId: null, identityMap: { Phone: [{ id: 'p1' }] } },
        expected: outcome([i('Phone', 'p1')]),
      },
      {
        name: 'invalid values dropped with a warning where they were',
        schema: CRM,
        record: {
          crmId: ' ',
          email: 'Anonymous',
          identityMap: {
            ECID: [{ id: '123' }, { id: ECID_1 }],
            Phone: [{ id: 'UNKNOWN' }, { id: 'x'.repeat(1025) }],
          },
        },
        expected: outcome(
          [i('ECID', ECID_1)],
          [
            invalid('crmId', 'is empty'),
            invalid('email', BLOCKED('anonymous')),
            invalid('identityMap.ECID[0].id', 'an ECID is exactly 38 digits; "123" is not'),
            invalid('identityMap.Phone[0].id', BLOCKED('UNKNOWN')),
            invalid(
              'identityMap.Phone[1].id',
              'is 1025 characters long; an identity is at most 1024',
            ),
          ],
        ),
      },
      {
        name: 'blocked values from the settings',
        schema: PROFILE,
        settings: { blockedValues: ['Guest'] },
        record: { identityMap: { CRMID: [{ id: 'GUEST' }, { id: 'null' }] } },
        expected: outcome(
          [i('CRMID', 'null')],
          [invalid('identityMap.CRMID[0].id', BLOCKED('GUEST'))],
        ),
      },
      {
        name: 'unknown identityMap namespaces dropped with one warning each',
        schema: PROFILE,
        record: { identityMap: { Foo: [{ id: '1' }, { id: '2' }], Email: [{ id: 'a@x.com' }] } },
        expected: outcome(
          [i('Email', 'a@x.com')],
          [
            recordError(
              'UNKNOWN_NAMESPACE',
              'there is no identity namespace "Foo"; its values were dropped',
              'identityMap.Foo',
            ),
          ],
        ),
      },
    ])('$name', (c) => {
      expect(run(c)).toEqual(c.expected);
    });
  });

  describe('chooses the primary identity', () => {
    it.each<Case>([
      {
        name: '1. the primary descriptor, over a primary identityMap entry',
        schema: CRM,
        record: {
          email: 'a@x.com',
          crmId: 'c1',
          identityMap: { Phone: [{ id: 'p1', primary: true }] },
        },
        expected: outcome([i('CRMID', 'c1'), i('Email', 'a@x.com'), i('Phone', 'p1')]),
      },
      {
        name: '2. the primary identityMap entry when the primary descriptor has no value',
        schema: CRM,
        record: {
          email: 'a@x.com',
          identityMap: { Phone: [{ id: 'p1' }, { id: 'p2', primary: true }] },
        },
        expected: outcome([i('Phone', 'p2'), i('Email', 'a@x.com'), i('Phone', 'p1')]),
      },
      {
        name: "2. the primary identityMap entry when the primary descriptor's value is dropped",
        schema: CRM,
        record: { crmId: 'Null', identityMap: { Phone: [{ id: 'p1', primary: true }] } },
        expected: outcome([i('Phone', 'p1')], [invalid('crmId', BLOCKED('Null'))]),
      },
      {
        name: '2. the primary entry of an event, over the namespace priority',
        schema: EVENT,
        record: { identityMap: { CRMID: [{ id: 'c1' }], ECID: [{ id: ECID_1, primary: true }] } },
        expected: outcome([i('ECID', ECID_1), i('CRMID', 'c1')]),
      },
      {
        name: '3. the highest-ranked namespace of an event',
        schema: WEB,
        record: {
          device: ECID_1,
          email: 'a@x.com',
          identityMap: { Phone: [{ id: 'p1' }], GAID: [{ id: 'g1' }] },
        },
        expected: outcome([
          i('Email', 'a@x.com'),
          i('ECID', ECID_1),
          i('Phone', 'p1'),
          i('GAID', 'g1'),
        ]),
      },
      {
        name: '3. a listed namespace over unlisted ones found earlier',
        schema: EVENT,
        record: { identityMap: { loyaltyId: [{ id: 'l1' }], AAID: [{ id: 'a1' }] } },
        expected: outcome([i('AAID', 'a1'), i('loyaltyId', 'l1')]),
      },
      {
        name: '3. the first-found unlisted namespace when none is listed',
        schema: EVENT,
        settings: { namespacePriority: ['CRMID'] },
        record: { identityMap: { Phone: [{ id: 'p1' }], loyaltyId: [{ id: 'l1' }] } },
        expected: outcome([i('Phone', 'p1'), i('loyaltyId', 'l1')]),
      },
      {
        name: '3. by the sandbox priority, spelled in any case',
        schema: WEB,
        settings: { namespacePriority: ['ecid', 'EMAIL'] },
        record: { email: 'a@x.com', device: ECID_1 },
        expected: outcome([i('ECID', ECID_1), i('Email', 'a@x.com')]),
      },
      {
        name: '3. past a dropped value of the top namespace',
        schema: WEB,
        record: { email: 'invalid', device: ECID_1 },
        expected: outcome([i('ECID', ECID_1)], [invalid('email', BLOCKED('invalid'))]),
      },
      {
        name: '4. the first descriptor value of a profile without a marked primary',
        schema: schema('p2', 'PROFILE', [{ path: 'email', namespace: 'Email', primary: false }]),
        record: { email: 'a@x.com', identityMap: { CRMID: [{ id: 'c1' }] } },
        expected: outcome([i('Email', 'a@x.com'), i('CRMID', 'c1')]),
      },
      {
        name: '4. the first identityMap value of a profile without descriptors',
        schema: PROFILE,
        record: { identityMap: { Phone: [{ id: 'p1' }], CRMID: [{ id: 'c1' }] } },
        expected: outcome([i('Phone', 'p1'), i('CRMID', 'c1')]),
      },
      {
        name: 'the identity marked primary, even where it was found second',
        schema: schema('p3', 'PROFILE', [{ path: 'email', namespace: 'Email', primary: false }]),
        record: {
          email: 'a@x.com',
          identityMap: { Phone: [{ id: 'p1' }], Email: [{ id: 'A@X.com', primary: true }] },
        },
        expected: outcome([i('Email', 'a@x.com'), i('Phone', 'p1')]),
      },
    ])('$name', (c) => {
      expect(run(c)).toEqual(c.expected);
    });
  });

  describe('rejects records without one clear person', () => {
    it.each<Case>([
      {
        name: 'MISSING_IDENTITY: an empty record',
        schema: CRM,
        record: {},
        expected: outcome([], [], [MISSING]),
      },
      {
        name: 'MISSING_IDENTITY: an empty identityMap',
        schema: EVENT,
        record: { identityMap: {} },
        expected: outcome([], [], [MISSING]),
      },
      {
        name: 'MISSING_IDENTITY: only unusable values',
        schema: CRM,
        record: { crmId: '0', identityMap: { Foo: [{ id: 'f' }] } },
        expected: outcome(
          [],
          [
            recordError(
              'UNKNOWN_NAMESPACE',
              'there is no identity namespace "Foo"; its values were dropped',
              'identityMap.Foo',
            ),
            invalid('crmId', BLOCKED('0')),
          ],
          [MISSING],
        ),
      },
      {
        name: 'AMBIGUOUS_IDENTITY: an event with two values of its top namespace',
        schema: WEB,
        record: { email: 'a@x.com', device: ECID_1, identityMap: { Email: [{ id: 'b@x.com' }] } },
        expected: outcome(
          [i('Email', 'a@x.com'), i('ECID', ECID_1), i('Email', 'b@x.com')],
          [],
          [
            recordError(
              'AMBIGUOUS_IDENTITY',
              'the event holds 2 values of its highest-ranked namespace "Email": "a@x.com" and "b@x.com"; mark one primary',
            ),
          ],
        ),
      },
      {
        name: 'AMBIGUOUS_IDENTITY: three values of an unlisted top namespace',
        schema: EVENT,
        settings: { namespacePriority: [] },
        record: { identityMap: { loyaltyId: [{ id: 'l1' }, { id: 'l2' }, { id: 'l3' }] } },
        expected: outcome(
          [i('loyaltyId', 'l1'), i('loyaltyId', 'l2'), i('loyaltyId', 'l3')],
          [],
          [
            recordError(
              'AMBIGUOUS_IDENTITY',
              'the event holds 3 values of its highest-ranked namespace "loyaltyId": "l1", "l2" and "l3"; mark one primary',
            ),
          ],
        ),
      },
      {
        name: 'GRAPH_COLLAPSE: two values of a unique namespace',
        schema: CRM,
        record: { crmId: 'c1', identityMap: { CRMID: [{ id: 'c2' }] } },
        expected: outcome(
          [i('CRMID', 'c1'), i('CRMID', 'c2')],
          [],
          [
            recordError(
              'GRAPH_COLLAPSE',
              'the record holds 2 values of the unique namespace "CRMID": "c1" and "c2"; a person has at most one',
            ),
          ],
        ),
      },
      {
        name: 'GRAPH_COLLAPSE: values that differ only in case (only emails are lower-cased)',
        schema: PROFILE,
        record: { identityMap: { CRMID: [{ id: 'C1' }, { id: 'c1' }] } },
        expected: outcome(
          [i('CRMID', 'C1'), i('CRMID', 'c1')],
          [],
          [
            recordError(
              'GRAPH_COLLAPSE',
              'the record holds 2 values of the unique namespace "CRMID": "C1" and "c1"; a person has at most one',
            ),
          ],
        ),
      },
      {
        name: 'GRAPH_COLLAPSE: each unique namespace of the settings, spelled in any case',
        schema: PROFILE,
        settings: { uniqueNamespaces: ['email', 'CRMID', 'Phone', 'EMAIL'] },
        record: {
          identityMap: {
            Email: [{ id: 'a@x.com' }, { id: 'b@x.com' }, { id: 'c@x.com' }],
            Phone: [{ id: 'p1' }],
            CRMID: [{ id: 'c1' }, { id: 'c2' }],
          },
        },
        expected: outcome(
          [
            i('Email', 'a@x.com'),
            i('Email', 'b@x.com'),
            i('Email', 'c@x.com'),
            i('Phone', 'p1'),
            i('CRMID', 'c1'),
            i('CRMID', 'c2'),
          ],
          [],
          [
            recordError(
              'GRAPH_COLLAPSE',
              'the record holds 3 values of the unique namespace "Email": "a@x.com", "b@x.com" and "c@x.com"; a person has at most one',
            ),
            recordError(
              'GRAPH_COLLAPSE',
              'the record holds 2 values of the unique namespace "CRMID": "c1" and "c2"; a person has at most one',
            ),
          ],
        ),
      },
      {
        name: 'both AMBIGUOUS_IDENTITY and GRAPH_COLLAPSE for an event with two CRM ids',
        schema: EVENT,
        record: { identityMap: { ECID: [{ id: ECID_1 }], CRMID: [{ id: 'c1' }, { id: 'c2' }] } },
        expected: outcome(
          [i('CRMID', 'c1'), i('ECID', ECID_1), i('CRMID', 'c2')],
          [],
          [
            recordError(
              'AMBIGUOUS_IDENTITY',
              'the event holds 2 values of its highest-ranked namespace "CRMID": "c1" and "c2"; mark one primary',
            ),
            recordError(
              'GRAPH_COLLAPSE',
              'the record holds 2 values of the unique namespace "CRMID": "c1" and "c2"; a person has at most one',
            ),
          ],
        ),
      },
    ])('$name', (c) => {
      expect(run(c)).toEqual(c.expected);
    });

    it.each<Case>([
      {
        name: 'two values of the top namespace when one is marked primary',
        schema: EVENT,
        record: { identityMap: { Email: [{ id: 'a@x.com' }, { id: 'b@x.com', primary: true }] } },
        expected: outcome([i('Email', 'b@x.com'), i('Email', 'a@x.com')]),
      },
      {
        name: 'two values of a lower-ranked namespace',
        schema: EVENT,
        record: {
          identityMap: { ECID: [{ id: ECID_1 }, { id: ECID_2 }], Email: [{ id: 'a@x.com' }] },
        },
        expected: outcome([i('Email', 'a@x.com'), i('ECID', ECID_1), i('ECID', ECID_2)]),
      },
      {
        name: 'two emails of a profile (Email is not unique by default)',
        schema: PROFILE,
        record: { identityMap: { Email: [{ id: 'a@x.com' }, { id: 'b@x.com' }] } },
        expected: outcome([i('Email', 'a@x.com'), i('Email', 'b@x.com')]),
      },
      {
        name: 'one unique value written twice',
        schema: CRM,
        record: { crmId: 'c1', identityMap: { CRMID: [{ id: ' c1 ' }] } },
        expected: outcome([i('CRMID', 'c1')]),
      },
      {
        name: 'a second unique value that is dropped',
        schema: CRM,
        record: { crmId: 'c1', identityMap: { CRMID: [{ id: 'anonymous' }] } },
        expected: outcome(
          [i('CRMID', 'c1')],
          [invalid('identityMap.CRMID[0].id', BLOCKED('anonymous'))],
        ),
      },
      {
        name: 'two CRM ids when CRMID is not unique in the sandbox',
        schema: PROFILE,
        settings: { uniqueNamespaces: [] },
        record: { identityMap: { CRMID: [{ id: 'c1' }, { id: 'c2' }] } },
        expected: outcome([i('CRMID', 'c1'), i('CRMID', 'c2')]),
      },
    ])('accepts $name', (c) => {
      expect(run(c)).toEqual(c.expected);
    });
  });

  describe('keeps account and person identities apart', () => {
    it.each<Case>([
      {
        name: 'ORGANIZATION identities dropped from a profile',
        schema: PROFILE,
        record: {
          identityMap: { B2BAccount: [{ id: 'acc-1', primary: true }], Email: [{ id: 'a@x.com' }] },
        },
        expected: outcome(
          [i('Email', 'a@x.com')],
          [invalid('identityMap.B2BAccount[0].id', IN_PERSON_GRAPH('B2BAccount'))],
        ),
      },
      {
        name: 'ORGANIZATION identities dropped from an event',
        schema: EVENT,
        record: { identityMap: { partner_org: [{ id: 'o1' }], ECID: [{ id: ECID_1 }] } },
        expected: outcome(
          [i('ECID', ECID_1)],
          [invalid('identityMap.partner_org[0].id', IN_PERSON_GRAPH('Partner_Org'))],
        ),
      },
      {
        name: 'a profile keyed only by an ORGANIZATION identity',
        schema: PROFILE,
        record: { identityMap: { B2BAccount: [{ id: 'acc-1' }] } },
        expected: outcome(
          [],
          [invalid('identityMap.B2BAccount[0].id', IN_PERSON_GRAPH('B2BAccount'))],
          [MISSING],
        ),
      },
      {
        name: 'ORGANIZATION identities of an account',
        schema: ACCOUNTS,
        record: { accountKey: ' acc-1 ', identityMap: { Partner_Org: [{ id: 'o1' }] } },
        expected: outcome([i('B2BAccount', 'acc-1'), i('Partner_Org', 'o1')]),
      },
      {
        name: 'person identities dropped from an account',
        schema: ACCOUNTS,
        record: {
          accountKey: 'acc-1',
          identityMap: { Email: [{ id: 'a@x.com', primary: true }], CRMID: [{ id: 'c1' }] },
        },
        expected: outcome(
          [i('B2BAccount', 'acc-1')],
          [
            invalid(
              'identityMap.Email[0].id',
              'account records are keyed by ORGANIZATION identities; "Email" is EMAIL',
            ),
            invalid(
              'identityMap.CRMID[0].id',
              'account records are keyed by ORGANIZATION identities; "CRMID" is PERSON',
            ),
          ],
        ),
      },
      {
        name: 'an account without an ORGANIZATION identity',
        schema: ACCOUNT,
        record: { identityMap: { Phone: [{ id: 'p1' }] } },
        expected: outcome(
          [],
          [
            invalid(
              'identityMap.Phone[0].id',
              'account records are keyed by ORGANIZATION identities; "Phone" is PHONE',
            ),
          ],
          [MISSING],
        ),
      },
    ])('$name', (c) => {
      expect(run(c)).toEqual(c.expected);
    });
  });

  describe('reports a malformed identityMap', () => {
    const OBJECT_OF_ARRAYS = 'must be an object of arrays of { id, primary }';

    it.each<Case>([
      {
        name: 'a string',
        schema: CRM,
        record: { crmId: 'c1', identityMap: 'Email:a@x.com' },
        expected: outcome(
          [i('CRMID', 'c1')],
          [],
          [malformed('identityMap', `${OBJECT_OF_ARRAYS}, got string`)],
        ),
      },
      {
        name: 'an array',
        schema: CRM,
        record: { crmId: 'c1', identityMap: [{ id: 'a@x.com' }] },
        expected: outcome(
          [i('CRMID', 'c1')],
          [],
          [malformed('identityMap', `${OBJECT_OF_ARRAYS}, got array`)],
        ),
      },
      {
        name: 'an object instead of a list',
        schema: PROFILE,
        record: { identityMap: { Email: { id: 'a@x.com' } } },
        expected: outcome(
          [],
          [],
          [
            malformed('identityMap.Email', 'must be an array of { id, primary }, got object'),
            MISSING,
          ],
        ),
      },
      {
        name: 'items that are not objects or lack a string id, beside usable ones',
        schema: PROFILE,
        record: {
          identityMap: {
            Email: ['a@x.com', { id: 'b@x.com' }, { id: 7 }, {}],
            Phone: [{ id: 'p1', primary: 'yes' }],
          },
        },
        expected: outcome(
          [i('Email', 'b@x.com')],
          [],
          [
            malformed('identityMap.Email[0]', 'must be an object { id, primary }, got string'),
            malformed('identityMap.Email[2].id', 'must be a string, got number'),
            malformed('identityMap.Email[3].id', 'is required'),
            malformed('identityMap.Phone[0].primary', 'must be a boolean, got string'),
          ],
        ),
      },
      {
        name: 'a malformed list of an unknown namespace',
        schema: CRM,
        record: { crmId: 'c1', identityMap: { Foo: 'x' } },
        expected: outcome(
          [i('CRMID', 'c1')],
          [],
          [malformed('identityMap.Foo', 'must be an array of { id, primary }, got string')],
        ),
      },
    ])('$name', (c) => {
      expect(run(c)).toEqual(c.expected);
    });
  });

  it('reads a null identityMap as none', () => {
    expect(run({ schema: CRM, record: { crmId: 'c1', identityMap: null } })).toEqual(
      outcome([i('CRMID', 'c1')]),
    );
  });

  it('never changes the record', () => {
    const record = { crmId: ' c1 ', identityMap: { email: [{ id: ' A@X.com ', primary: true }] } };
    const before = structuredClone(record);
    run({ schema: CRM, record });
    expect(record).toEqual(before);
  });
});
