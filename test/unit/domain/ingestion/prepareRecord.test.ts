import type { IdentityType } from '../../../../src/domain/enumValues';
import type { Identity } from '../../../../src/domain/identity/Identity';
import type {
  PreparedRecord,
  RejectedRecord,
} from '../../../../src/domain/ingestion/PreparedRecord';
import {
  type IngestOperation,
  prepareRecord,
} from '../../../../src/domain/ingestion/prepareRecord';
import { type RecordError, recordError } from '../../../../src/domain/records/RecordError';
import { ECID_1, ECID_2 } from '../records/fixtures';
import {
  ACCOUNT_SCHEMA,
  CRM_APPEND_DATASET,
  type ContextOptions,
  WEB_SCHEMA,
  context,
  deepFreeze,
} from './fixtures';

type TypedIdentity = Identity & { type: IdentityType };

const t = (namespace: string, id: string, type: IdentityType): TypedIdentity => ({
  namespace,
  id,
  type,
});
const i = (namespace: string, id: string): Identity => ({ namespace, id });

/** An accepted record: the first identity is the primary. */
function accepted(
  attributes: Record<string, unknown>,
  identities: TypedIdentity[],
  extra: Partial<Pick<PreparedRecord, 'index' | 'warnings' | 'sourceUpdatedAt' | 'event'>> = {},
): PreparedRecord {
  const [first] = identities;
  if (first === undefined) throw new Error('an accepted record has a primary identity');
  return {
    index: extra.index ?? 0,
    attributes,
    identities,
    primary: i(first.namespace, first.id),
    warnings: extra.warnings ?? [],
    sourceUpdatedAt: extra.sourceUpdatedAt,
    ...(extra.event && { event: extra.event }),
  };
}

const rejected = (errors: RecordError[], primary?: Identity, index = 0): RejectedRecord => ({
  index,
  errors,
  primary,
});

const invalid = (path: string, message: string): RecordError =>
  recordError('SCHEMA_VALIDATION', message, path);
const REQUIRED = (path: string): RecordError => invalid(path, 'is required');
const UNKNOWN_FIELD = (path: string): RecordError => invalid(path, 'is not a field of the schema');
const DATE_TIME = 'DATE_TIME (ISO-8601 with a time zone, or epoch milliseconds)';
const MALFORMED = recordError('MALFORMED', 'a record must be a JSON object');
const MISSING = recordError('MISSING_IDENTITY', 'the record holds no usable identity');
const NOT_UPSERT = recordError(
  'NOT_UPSERT_ENABLED',
  'dataset "CRM append" is not upsert-enabled: MERGE needs upsertEnabled',
);
const EVENT_DELETE = recordError(
  'UNSUPPORTED_OPERATION',
  'events are not deleted record by record: use a DELETE_EVENT_BATCH or TRUNCATE_DATASET system job',
);
const tooLarge = (size: number, what: 'a record' | 'an event'): RecordError => {
  const limit = what === 'a record' ? 102400 : 10240;
  return recordError(
    'TOO_LARGE',
    `is ${size} bytes of JSON; ${what} may be at most ${limit} bytes (${limit / 1024} KB)`,
  );
};
const collapse = (namespace: string, a: string, b: string): RecordError =>
  recordError(
    'GRAPH_COLLAPSE',
    `the record holds 2 values of the unique namespace "${namespace}": "${a}" and "${b}"; a person has at most one`,
  );

/** `base` plus `pad(…)`, grown to make its JSON exactly `bytes` bytes long. */
function ofSize(
  bytes: number,
  base: Record<string, unknown>,
  pad: (fill: string) => Record<string, unknown>,
): Record<string, unknown> {
  const empty = Buffer.byteLength(JSON.stringify({ ...base, ...pad('') }), 'utf8');
  const record = { ...base, ...pad('x'.repeat(bytes - empty)) };
  if (Buffer.byteLength(JSON.stringify(record), 'utf8') !== bytes) throw new Error('bad size');
  return record;
}
const crmOfSize = (bytes: number, base: Record<string, unknown> = { crmId: 'c1' }) =>
  ofSize(bytes, base, (fill) => ({ prefs: { note: fill } }));
const eventOfSize = (bytes: number) =>
  ofSize(
    bytes,
    { _id: 'e1', timestamp: '2024-03-01T09:00:00Z', identityMap: { ECID: [{ id: ECID_1 }] } },
    (fill) => ({ page: fill }),
  );

const EVENT_10K = eventOfSize(10240);

const FEB_1_NOON = Date.UTC(2024, 1, 1, 12);
const MAR_1_NINE = Date.UTC(2024, 2, 1, 9);

interface Case {
  name: string;
  raw: unknown;
  operation?: IngestOperation;
  options?: ContextOptions;
  index?: number;
  expected: PreparedRecord | RejectedRecord;
}

const run = (c: Case): PreparedRecord | RejectedRecord =>
  prepareRecord(c.raw, c.index ?? 0, context(c.operation ?? 'CREATE', c.options));

const APPEND = { dataset: CRM_APPEND_DATASET };
const WEB = { schema: WEB_SCHEMA };

describe('prepareRecord', () => {
  describe('rejects what is not a JSON object as MALFORMED, before any other check', () => {
    it.each<Case>([
      { name: 'an array', raw: [], expected: rejected([MALFORMED]) },
      { name: 'an array of a record', raw: [{ crmId: 'c1' }], expected: rejected([MALFORMED]) },
      { name: 'a JSON string', raw: '{"crmId":"c1"}', expected: rejected([MALFORMED]) },
      { name: 'a number', raw: 42, expected: rejected([MALFORMED]) },
      { name: 'a boolean', raw: true, expected: rejected([MALFORMED]) },
      { name: 'null', raw: null, expected: rejected([MALFORMED]) },
      { name: 'undefined', raw: undefined, expected: rejected([MALFORMED]) },
      {
        name: 'with its index',
        raw: null,
        index: 5,
        expected: rejected([MALFORMED], undefined, 5),
      },
      {
        name: 'a MERGE into a dataset that is not upsert-enabled',
        raw: 'x',
        operation: 'MERGE',
        options: APPEND,
        expected: rejected([MALFORMED]),
      },
      {
        name: 'a DELETE of events',
        raw: [],
        operation: 'DELETE',
        options: WEB,
        expected: rejected([MALFORMED]),
      },
    ])('$name', (c) => {
      expect(run(c)).toStrictEqual(c.expected);
    });
  });

  describe('refuses an operation the dataset does not take, with no other error', () => {
    it.each<Case>([
      {
        name: 'MERGE into a dataset that is not upsert-enabled',
        raw: { crmId: 'c1' },
        operation: 'MERGE',
        options: APPEND,
        expected: rejected([NOT_UPSERT]),
      },
      {
        name: 'MERGE into a dataset that is not upsert-enabled, however bad the record',
        raw: { ...crmOfSize(200 * 1024, {}), nickname: 'x', crmId: 7 },
        operation: 'MERGE',
        options: APPEND,
        index: 3,
        expected: rejected([NOT_UPSERT], undefined, 3),
      },
      {
        name: 'MERGE of events (their datasets are never upsert-enabled)',
        raw: { _id: 'e1', timestamp: '2024-03-01T09:00:00Z', email: 'a@x.com' },
        operation: 'MERGE',
        options: WEB,
        expected: rejected([
          recordError(
            'NOT_UPSERT_ENABLED',
            'dataset "Web events" is not upsert-enabled: MERGE needs upsertEnabled',
          ),
        ]),
      },
      {
        name: 'DELETE of events',
        raw: { _id: 'e1', timestamp: '2024-03-01T09:00:00Z', email: 'a@x.com' },
        operation: 'DELETE',
        options: WEB,
        expected: rejected([EVENT_DELETE]),
      },
      {
        name: 'DELETE of events, however bad the record',
        raw: { ...eventOfSize(20 * 1024), identityMap: 'none' },
        operation: 'DELETE',
        options: WEB,
        expected: rejected([EVENT_DELETE]),
      },
    ])('$name', (c) => {
      expect(run(c)).toStrictEqual(c.expected);
    });
  });

  describe('takes the operations the dataset allows', () => {
    it.each<Case>([
      {
        name: 'CREATE into a dataset that is not upsert-enabled',
        raw: { crmId: 'c1' },
        options: APPEND,
        expected: accepted({ crmId: 'c1' }, [t('CRMID', 'c1', 'PERSON')]),
      },
      {
        name: 'DELETE from a dataset that is not upsert-enabled',
        raw: { crmId: 'c1' },
        operation: 'DELETE',
        options: APPEND,
        expected: accepted({ crmId: 'c1' }, [t('CRMID', 'c1', 'PERSON')]),
      },
      {
        name: 'MERGE into an upsert-enabled dataset',
        raw: { crmId: 'c1' },
        operation: 'MERGE',
        expected: accepted({ crmId: 'c1' }, [t('CRMID', 'c1', 'PERSON')]),
      },
      {
        name: 'MERGE into an upsert-enabled ACCOUNT dataset',
        raw: { accountKey: 'A-1', name: null },
        operation: 'MERGE',
        options: { schema: ACCOUNT_SCHEMA },
        expected: accepted({ accountKey: 'A-1', name: null }, [
          t('B2BAccount', 'A-1', 'ORGANIZATION'),
        ]),
      },
      {
        name: 'DELETE of accounts',
        raw: { accountKey: ' A-1 ' },
        operation: 'DELETE',
        options: { schema: ACCOUNT_SCHEMA },
        expected: accepted({ accountKey: ' A-1 ' }, [t('B2BAccount', 'A-1', 'ORGANIZATION')]),
      },
    ])('$name', (c) => {
      expect(run(c)).toStrictEqual(c.expected);
    });
  });

  describe('limits the size of the JSON, before checking fields and identities', () => {
    it.each<Case>([
      {
        name: 'a record of exactly 100 KB passes',
        raw: crmOfSize(102400),
        expected: accepted(crmOfSize(102400), [t('CRMID', 'c1', 'PERSON')]),
      },
      {
        name: 'a record one byte over 100 KB is TOO_LARGE',
        raw: crmOfSize(102401),
        expected: rejected([tooLarge(102401, 'a record')]),
      },
      {
        name: 'identityMap counts towards the size',
        raw: crmOfSize(102401, { crmId: 'c1', identityMap: { Email: [{ id: 'a@x.com' }] } }),
        expected: rejected([tooLarge(102401, 'a record')]),
      },
      {
        name: 'a too large record gets no schema or identity errors',
        raw: crmOfSize(150000, { nickname: 'x', person: 'Ada' }),
        expected: rejected([tooLarge(150000, 'a record')]),
      },
      {
        name: 'a too large MERGE',
        raw: crmOfSize(102401),
        operation: 'MERGE',
        expected: rejected([tooLarge(102401, 'a record')]),
      },
      {
        name: 'a too large DELETE (its size is checked too)',
        raw: crmOfSize(102401),
        operation: 'DELETE',
        expected: rejected([tooLarge(102401, 'a record')]),
      },
      {
        name: 'an event of exactly 10 KB passes',
        raw: EVENT_10K,
        options: WEB,
        expected: accepted(
          { _id: 'e1', timestamp: '2024-03-01T09:00:00Z', page: EVENT_10K['page'] },
          [t('ECID', ECID_1, 'COOKIE')],
          { event: { id: 'e1', timestamp: MAR_1_NINE } },
        ),
      },
      {
        name: 'an event one byte over 10 KB is TOO_LARGE',
        raw: eventOfSize(10241),
        options: WEB,
        expected: rejected([tooLarge(10241, 'an event')]),
      },
    ])('$name', (c) => {
      expect(run(c)).toStrictEqual(c.expected);
    });
  });

  describe('checks the fields: a whole record on CREATE, a patch on MERGE, none on DELETE', () => {
    it.each<Case>([
      {
        name: 'CREATE: a missing required field, a wrong type, an unknown field',
        raw: {
          email: 'a@x.com',
          person: { age: '36', nick: 'A' },
          nickname: 'x',
          orders: [{ qty: 1 }],
        },
        expected: rejected(
          [
            REQUIRED('crmId'),
            UNKNOWN_FIELD('nickname'),
            REQUIRED('orders[0].sku'),
            UNKNOWN_FIELD('person.nick'),
            invalid('person.age', 'must be INTEGER, got string'),
          ],
          i('Email', 'a@x.com'),
        ),
      },
      {
        name: 'CREATE: a bad lastUpdatedDate',
        raw: { crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: '2024-02-30T00:00:00Z' } },
        expected: rejected(
          [invalid('extSourceSystemAudit.lastUpdatedDate', `is not a valid ${DATE_TIME}`)],
          i('CRMID', 'c1'),
        ),
      },
      {
        name: 'CREATE: null for an optional field is fine, for a required one it is not',
        raw: { crmId: null, email: null, identityMap: { CRMID: [{ id: 'c1' }] } },
        expected: rejected([invalid('crmId', 'must be STRING, got null')], i('CRMID', 'c1')),
      },
      {
        name: 'MERGE: required fields may be left out',
        raw: { email: 'A@x.com', loyalty: { points: 5 } },
        operation: 'MERGE',
        expected: accepted({ email: 'A@x.com', loyalty: { points: 5 } }, [
          t('Email', 'a@x.com', 'EMAIL'),
        ]),
      },
      {
        name: 'MERGE: null removes optional fields, and is kept in the attributes',
        raw: { crmId: 'c1', email: null, person: { name: null }, loyalty: { tier: null } },
        operation: 'MERGE',
        expected: accepted(
          { crmId: 'c1', email: null, person: { name: null }, loyalty: { tier: null } },
          [t('CRMID', 'c1', 'PERSON')],
        ),
      },
      {
        name: 'MERGE: null is no value for a required field',
        raw: { crmId: null, email: 'a@x.com' },
        operation: 'MERGE',
        expected: rejected([invalid('crmId', 'must be STRING, got null')], i('Email', 'a@x.com')),
      },
      {
        name: 'MERGE: types and unknown fields are still checked',
        raw: { crmId: 'c1', loyalty: { points: 1.5, level: 2 }, tags: 'vip' },
        operation: 'MERGE',
        expected: rejected(
          [
            UNKNOWN_FIELD('loyalty.level'),
            invalid('loyalty.points', 'must be INTEGER, got number'),
            invalid('tags', 'must be ARRAY<STRING>, got string'),
          ],
          i('CRMID', 'c1'),
        ),
      },
      {
        name: 'MERGE: items of a given array are whole records (their required fields too)',
        raw: { crmId: 'c1', orders: [{ sku: 'a' }, { qty: 2 }] },
        operation: 'MERGE',
        expected: rejected([REQUIRED('orders[1].sku')], i('CRMID', 'c1')),
      },
      {
        name: 'DELETE: no field is checked, the identities are',
        raw: { crmId: 'c1', nickname: 'x', person: 'Ada', loyalty: { points: 'many' } },
        operation: 'DELETE',
        expected: accepted(
          { crmId: 'c1', nickname: 'x', person: 'Ada', loyalty: { points: 'many' } },
          [t('CRMID', 'c1', 'PERSON')],
        ),
      },
      {
        name: 'DELETE: the identity alone, in identityMap',
        raw: { identityMap: { crmid: [{ id: ' c1 ' }] } },
        operation: 'DELETE',
        expected: accepted({}, [t('CRMID', 'c1', 'PERSON')]),
      },
    ])('$name', (c) => {
      expect(run(c)).toStrictEqual(c.expected);
    });
  });

  describe('finds the identities and rejects a record without a usable one', () => {
    it.each<Case>([
      {
        name: 'MISSING_IDENTITY after the field errors, without a primary',
        raw: { person: { name: { first: 'Ada' } } },
        expected: rejected([REQUIRED('crmId'), MISSING]),
      },
      {
        name: 'MISSING_IDENTITY when every value is dropped (the warnings are not returned)',
        raw: { crmId: 'null', email: 'anonymous', identityMap: { Foo: [{ id: 'f1' }] } },
        expected: rejected([MISSING]),
      },
      {
        name: 'MISSING_IDENTITY of a MERGE',
        raw: { loyalty: { points: 1 } },
        operation: 'MERGE',
        expected: rejected([MISSING]),
      },
      {
        name: 'MISSING_IDENTITY of a DELETE',
        raw: { email: '  ' },
        operation: 'DELETE',
        expected: rejected([MISSING]),
      },
      {
        name: 'GRAPH_COLLAPSE: two values of a unique namespace, with the primary',
        raw: { crmId: 'c1', identityMap: { CRMID: [{ id: 'c2' }] } },
        expected: rejected([collapse('CRMID', 'c1', 'c2')], i('CRMID', 'c1')),
      },
      {
        name: 'GRAPH_COLLAPSE of a DELETE',
        raw: { crmId: 'c1', identityMap: { CRMID: [{ id: 'c2' }] } },
        operation: 'DELETE',
        expected: rejected([collapse('CRMID', 'c1', 'c2')], i('CRMID', 'c1')),
      },
      {
        name: 'GRAPH_COLLAPSE by the sandbox settings',
        raw: { crmId: 'c1', email: 'a@x.com', identityMap: { Email: [{ id: 'b@x.com' }] } },
        options: { settings: { uniqueNamespaces: ['email'] } },
        expected: rejected([collapse('Email', 'a@x.com', 'b@x.com')], i('CRMID', 'c1')),
      },
      {
        name: 'a malformed identityMap, after the field errors',
        raw: { crmId: 'c1', nickname: 'x', identityMap: { Email: 'a@x.com', Phone: [{}] } },
        expected: rejected(
          [
            UNKNOWN_FIELD('nickname'),
            invalid('identityMap.Email', 'must be an array of { id, primary }, got string'),
            REQUIRED('identityMap.Phone[0].id'),
          ],
          i('CRMID', 'c1'),
        ),
      },
      {
        name: 'an identityMap that is not an object',
        raw: { crmId: 'c1', identityMap: ['a@x.com'] },
        expected: rejected(
          [
            invalid('identityMap', 'must be OBJECT, got array'),
            invalid('identityMap', 'must be an object of arrays of { id, primary }, got array'),
          ],
          i('CRMID', 'c1'),
        ),
      },
      {
        name: 'AMBIGUOUS_IDENTITY: an event with two values of its top namespace',
        raw: {
          _id: 'e1',
          timestamp: '2024-03-01T09:00:00Z',
          email: 'a@x.com',
          identityMap: { Email: [{ id: 'b@x.com' }], ECID: [{ id: ECID_1 }] },
        },
        options: WEB,
        expected: rejected(
          [
            recordError(
              'AMBIGUOUS_IDENTITY',
              'the event holds 2 values of its highest-ranked namespace "Email": "a@x.com" and "b@x.com"; mark one primary',
            ),
          ],
          i('Email', 'a@x.com'),
        ),
      },
    ])('$name', (c) => {
      expect(run(c)).toStrictEqual(c.expected);
    });
  });

  describe('turns a passing record into what is stored', () => {
    it.each<Case>([
      {
        name: 'attributes without identityMap; identities typed, primary first',
        raw: {
          email: ' Ada@X.com',
          crmId: 'c1',
          person: { name: { first: 'Ada', last: 'Lovelace' }, age: 36 },
          tags: ['a'],
          identityMap: {
            EMAIL: [{ id: 'ada@x.com' }],
            Phone: [{ id: '+44 1' }],
            ECID: [{ id: ECID_1, primary: true }],
            loyaltyid: [{ id: 'L1' }],
          },
        },
        expected: accepted(
          {
            email: ' Ada@X.com',
            crmId: 'c1',
            person: { name: { first: 'Ada', last: 'Lovelace' }, age: 36 },
            tags: ['a'],
          },
          [
            t('CRMID', 'c1', 'PERSON'),
            t('Email', 'ada@x.com', 'EMAIL'),
            t('Phone', '+44 1', 'PHONE'),
            t('ECID', ECID_1, 'COOKIE'),
            t('loyaltyId', 'L1', 'PERSON'),
          ],
        ),
      },
      {
        name: 'a null identityMap is dropped too',
        raw: { crmId: 'c1', identityMap: null },
        expected: accepted({ crmId: 'c1' }, [t('CRMID', 'c1', 'PERSON')]),
      },
      {
        name: 'the primary from identityMap when the primary descriptor has no value',
        raw: {
          crmId: 'c1',
          identityMap: { GAID: [{ id: 'g1' }], IDFA: [{ id: 'i1', primary: true }] },
        },
        operation: 'DELETE',
        expected: accepted({ crmId: 'c1' }, [
          t('CRMID', 'c1', 'PERSON'),
          t('GAID', 'g1', 'DEVICE'),
          t('IDFA', 'i1', 'DEVICE'),
        ]),
      },
      {
        name: 'the index as given',
        raw: { crmId: 'c1' },
        index: 41,
        expected: accepted({ crmId: 'c1' }, [t('CRMID', 'c1', 'PERSON')], { index: 41 }),
      },
      {
        name: 'warnings for dropped values: unknown namespaces first, then invalid values',
        raw: {
          crmId: 'c1',
          email: 'Anonymous',
          identityMap: { ECID: [{ id: '42' }], Foo: [{ id: 'f1' }, { id: 'f2' }] },
        },
        expected: accepted({ crmId: 'c1', email: 'Anonymous' }, [t('CRMID', 'c1', 'PERSON')], {
          warnings: [
            recordError(
              'UNKNOWN_NAMESPACE',
              'there is no identity namespace "Foo"; its values were dropped',
              'identityMap.Foo',
            ),
            recordError(
              'INVALID_IDENTITY',
              '"anonymous" is a blocked value, never an identity',
              'email',
            ),
            recordError(
              'INVALID_IDENTITY',
              'an ECID is exactly 38 digits; "42" is not',
              'identityMap.ECID[0].id',
            ),
          ],
        }),
      },
      {
        name: 'blocked values from the sandbox settings',
        raw: { crmId: 'c1', email: 'guest@x.com' },
        options: { settings: { blockedValues: ['GUEST@x.com'] } },
        expected: accepted({ crmId: 'c1', email: 'guest@x.com' }, [t('CRMID', 'c1', 'PERSON')], {
          warnings: [
            recordError(
              'INVALID_IDENTITY',
              '"guest@x.com" is a blocked value, never an identity',
              'email',
            ),
          ],
        }),
      },
      {
        name: 'lastUpdatedDate as an ISO-8601 string in UTC',
        raw: { crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: '2024-02-01T12:00:00Z' } },
        expected: accepted(
          { crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: '2024-02-01T12:00:00Z' } },
          [t('CRMID', 'c1', 'PERSON')],
          { sourceUpdatedAt: FEB_1_NOON },
        ),
      },
      {
        name: 'lastUpdatedDate with an offset',
        raw: {
          crmId: 'c1',
          extSourceSystemAudit: { lastUpdatedDate: '2024-02-01T14:30:00.250+02:30' },
        },
        expected: accepted(
          {
            crmId: 'c1',
            extSourceSystemAudit: { lastUpdatedDate: '2024-02-01T14:30:00.250+02:30' },
          },
          [t('CRMID', 'c1', 'PERSON')],
          { sourceUpdatedAt: FEB_1_NOON + 250 },
        ),
      },
      {
        name: 'lastUpdatedDate as epoch milliseconds, on a MERGE',
        raw: { crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: FEB_1_NOON } },
        operation: 'MERGE',
        expected: accepted(
          { crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: FEB_1_NOON } },
          [t('CRMID', 'c1', 'PERSON')],
          { sourceUpdatedAt: FEB_1_NOON },
        ),
      },
      {
        name: 'no sourceUpdatedAt for a null lastUpdatedDate',
        raw: { crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: null } },
        operation: 'MERGE',
        expected: accepted(
          { crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: null } },
          [t('CRMID', 'c1', 'PERSON')],
          { sourceUpdatedAt: undefined },
        ),
      },
      {
        name: 'the lastUpdatedDate of a DELETE, read when it parses',
        raw: { crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: '2024-02-01T12:00:00Z' } },
        operation: 'DELETE',
        expected: accepted(
          { crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: '2024-02-01T12:00:00Z' } },
          [t('CRMID', 'c1', 'PERSON')],
          { sourceUpdatedAt: FEB_1_NOON },
        ),
      },
      {
        name: 'no sourceUpdatedAt for an unchecked, unparseable lastUpdatedDate of a DELETE',
        raw: { crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: 'yesterday' } },
        operation: 'DELETE',
        expected: accepted(
          { crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: 'yesterday' } },
          [t('CRMID', 'c1', 'PERSON')],
        ),
      },
    ])('$name', (c) => {
      expect(run(c)).toStrictEqual(c.expected);
    });
  });

  describe('keys an event by its _id and timestamp', () => {
    it.each<Case>([
      {
        name: 'an ISO-8601 timestamp with an offset',
        raw: {
          _id: 'evt-1',
          timestamp: '2024-03-01T10:00:00+01:00',
          email: 'Ada@X.com',
          page: '/home',
          identityMap: { ECID: [{ id: ECID_1 }] },
        },
        options: WEB,
        expected: accepted(
          {
            _id: 'evt-1',
            timestamp: '2024-03-01T10:00:00+01:00',
            email: 'Ada@X.com',
            page: '/home',
          },
          [t('Email', 'ada@x.com', 'EMAIL'), t('ECID', ECID_1, 'COOKIE')],
          { event: { id: 'evt-1', timestamp: MAR_1_NINE } },
        ),
      },
      {
        name: 'an epoch-millisecond timestamp; the primary by namespace priority',
        raw: {
          _id: 'evt-2',
          timestamp: MAR_1_NINE,
          identityMap: { ECID: [{ id: ECID_1 }], Phone: [{ id: 'p1' }] },
        },
        options: WEB,
        index: 2,
        expected: accepted(
          { _id: 'evt-2', timestamp: MAR_1_NINE },
          [t('Phone', 'p1', 'PHONE'), t('ECID', ECID_1, 'COOKIE')],
          { index: 2, event: { id: 'evt-2', timestamp: MAR_1_NINE } },
        ),
      },
      {
        name: 'the marked primary of an event, over the priority',
        raw: {
          _id: 'evt-3',
          timestamp: '2024-03-01T09:00:00Z',
          email: 'a@x.com',
          identityMap: { ECID: [{ id: ECID_2, primary: true }] },
        },
        options: WEB,
        expected: accepted(
          { _id: 'evt-3', timestamp: '2024-03-01T09:00:00Z', email: 'a@x.com' },
          [t('ECID', ECID_2, 'COOKIE'), t('Email', 'a@x.com', 'EMAIL')],
          { event: { id: 'evt-3', timestamp: MAR_1_NINE } },
        ),
      },
      {
        name: 'an event without _id and timestamp is rejected, with its primary',
        raw: { email: 'a@x.com' },
        options: WEB,
        expected: rejected([REQUIRED('_id'), REQUIRED('timestamp')], i('Email', 'a@x.com')),
      },
      {
        name: 'an event with a bad _id and timestamp is rejected',
        raw: { _id: 7, timestamp: '2024-03-01 09:00', email: 'a@x.com' },
        options: WEB,
        expected: rejected(
          [
            invalid('_id', 'must be STRING, got number'),
            invalid('timestamp', `is not a valid ${DATE_TIME}`),
          ],
          i('Email', 'a@x.com'),
        ),
      },
      {
        name: 'an event has no lastUpdatedDate field',
        raw: {
          _id: 'evt-4',
          timestamp: '2024-03-01T09:00:00Z',
          email: 'a@x.com',
          extSourceSystemAudit: { lastUpdatedDate: '2024-02-01T12:00:00Z' },
        },
        options: WEB,
        expected: rejected([UNKNOWN_FIELD('extSourceSystemAudit')], i('Email', 'a@x.com')),
      },
    ])('$name', (c) => {
      expect(run(c)).toStrictEqual(c.expected);
    });

    it('gives profile records no event key', () => {
      const outcome = prepareRecord({ crmId: 'c1', _id: 'x' }, 0, context('DELETE'));
      expect('event' in outcome).toBe(false);
    });
  });

  describe('does not change its input', () => {
    const RAW = {
      crmId: 'c1',
      email: 'Ada@X.com',
      person: { name: { first: 'Ada', last: null } },
      tags: ['a', 'b'],
      extSourceSystemAudit: { lastUpdatedDate: '2024-02-01T12:00:00Z' },
      identityMap: { Email: [{ id: 'ada@x.com', primary: false }], Foo: [{ id: 'f' }] },
    };

    it.each<IngestOperation>(['CREATE', 'MERGE', 'DELETE'])('on %s', (operation) => {
      const raw = deepFreeze(JSON.parse(JSON.stringify(RAW)) as typeof RAW);
      const outcome = prepareRecord(raw, 0, context(operation));
      expect(raw).toStrictEqual(RAW);
      const { identityMap: _dropped, ...attributes } = RAW;
      expect(outcome).toStrictEqual(
        accepted(attributes, [t('CRMID', 'c1', 'PERSON'), t('Email', 'ada@x.com', 'EMAIL')], {
          sourceUpdatedAt: FEB_1_NOON,
          warnings: [
            recordError(
              'UNKNOWN_NAMESPACE',
              'there is no identity namespace "Foo"; its values were dropped',
              'identityMap.Foo',
            ),
          ],
        }),
      );
    });

    it('on a rejected record', () => {
      const raw = deepFreeze({
        crmId: 'c1',
        nickname: 'x',
        identityMap: { CRMID: [{ id: 'c2' }] },
      });
      expect(prepareRecord(raw, 0, context('CREATE'))).toStrictEqual(
        rejected([UNKNOWN_FIELD('nickname'), collapse('CRMID', 'c1', 'c2')], i('CRMID', 'c1')),
      );
      expect(raw).toStrictEqual({
        crmId: 'c1',
        nickname: 'x',
        identityMap: { CRMID: [{ id: 'c2' }] },
      });
    });
  });
});
