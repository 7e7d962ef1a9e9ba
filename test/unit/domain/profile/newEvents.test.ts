import { identityKey } from '../../../../src/domain/identity/Identity';
import type { StoredEvent } from '../../../../src/domain/profile/Fragment';
import { newEvents } from '../../../../src/domain/profile/newEvents';
import { type RecordError, recordError } from '../../../../src/domain/records/RecordError';
import { WEB_DATASET, WEB_SCHEMA, prepare } from '../ingestion/fixtures';
import { ECID_1, ECID_2 } from '../records/fixtures';
import { NOW, copy, freezeRecord } from './fixtures';

const AT = '2024-03-01T09:00:00Z';
const AT_MS = Date.parse(AT);
const BATCH = 'batch-1';

/** A web event: device ECID_1 unless identityMap is given. */
const event = (id: string, data: Record<string, unknown> = {}): Record<string, unknown> => ({
  _id: id,
  timestamp: AT,
  identityMap: { ECID: [{ id: ECID_1 }] },
  ...data,
});

const ECID_KEY = identityKey({ namespace: 'ECID', id: ECID_1 });

/** The stored form of an event from `event(id, data)` (without its identityMap). */
const storedEvent = (
  id: string,
  data: Record<string, unknown> = {},
  extra: Partial<StoredEvent> = {},
): StoredEvent => ({
  datasetId: WEB_DATASET.id,
  eventId: id,
  identityKey: ECID_KEY,
  timestamp: AT_MS,
  data: { _id: id, timestamp: AT, ...data },
  batchId: BATCH,
  ingestedAt: NOW,
  ...extra,
});

const duplicate = (id: string): RecordError =>
  recordError('DUPLICATE_EVENT', `event "${id}" is already stored; ignored`, '_id');

interface Case {
  name: string;
  stored?: string[];
  records: Record<string, unknown>[];
  batchId?: string | null;
  expected: StoredEvent[];
  /** Each record's warnings afterwards; none when left out. */
  warnings?: RecordError[][];
}

describe('newEvents', () => {
  it.each<Case>([
    {
      name: 'nothing to append',
      records: [],
      expected: [],
    },
    {
      name: 'every new event, in order, under its primary identity',
      records: [
        event('e1', { page: '/a' }),
        event('e2', { email: 'Ada@X.com', identityMap: { ECID: [{ id: ECID_2 }] } }),
        event('e3', { timestamp: AT_MS + 1 }),
      ],
      expected: [
        storedEvent('e1', { page: '/a' }),
        storedEvent(
          'e2',
          { email: 'Ada@X.com' },
          { identityKey: identityKey({ namespace: 'Email', id: 'ada@x.com' }) },
        ),
        storedEvent('e3', {}, { timestamp: AT_MS + 1, data: { _id: 'e3', timestamp: AT_MS + 1 } }),
      ],
    },
    {
      name: 'outside a batch',
      records: [event('e1')],
      batchId: null,
      expected: [storedEvent('e1', {}, { batchId: null })],
    },
    {
      name: 'stored ids that the request does not hold change nothing',
      stored: ['e8', 'e9'],
      records: [event('e1')],
      expected: [storedEvent('e1')],
    },
    {
      name: 'an id already stored: skipped with DUPLICATE_EVENT',
      stored: ['e1'],
      records: [event('e1', { page: '/again' }), event('e2')],
      expected: [storedEvent('e2')],
      warnings: [[duplicate('e1')], []],
    },
    {
      name: 'an id earlier in the request: the first is kept, the next skipped',
      records: [event('e1', { page: '/first' }), event('e2'), event('e1', { page: '/second' })],
      expected: [storedEvent('e1', { page: '/first' }), storedEvent('e2')],
      warnings: [[], [], [duplicate('e1')]],
    },
    {
      name: 'an id stored and repeated in the request: every copy skipped',
      stored: ['e1'],
      records: [event('e1'), event('e1')],
      expected: [],
      warnings: [[duplicate('e1')], [duplicate('e1')]],
    },
    {
      name: 'one id three times, under different identities: only the first',
      records: [
        event('e1'),
        event('e1', { identityMap: { ECID: [{ id: ECID_2 }] } }),
        event('e1', { email: 'a@x.com' }),
      ],
      expected: [storedEvent('e1')],
      warnings: [[], [duplicate('e1')], [duplicate('e1')]],
    },
    {
      name: 'ids compared exactly: case and spaces count',
      stored: ['E1'],
      records: [event('e1'), event(' e1'), event('E1')],
      expected: [storedEvent('e1'), storedEvent(' e1')],
      warnings: [[], [], [duplicate('E1')]],
    },
    {
      name: 'DUPLICATE_EVENT after the warnings the record already had',
      stored: ['e1'],
      records: [event('e1', { email: 'Anonymous' })],
      expected: [],
      warnings: [
        [
          recordError(
            'INVALID_IDENTITY',
            '"anonymous" is a blocked value, never an identity',
            'email',
          ),
          duplicate('e1'),
        ],
      ],
    },
    {
      name: 'a kept event keeps its warnings',
      records: [event('e1', { email: 'Anonymous' })],
      expected: [storedEvent('e1', { email: 'Anonymous' })],
      warnings: [
        [
          recordError(
            'INVALID_IDENTITY',
            '"anonymous" is a blocked value, never an identity',
            'email',
          ),
        ],
      ],
    },
  ])('$name', (c) => {
    const records = c.records.map((raw, index) =>
      prepare(raw, 'CREATE', { schema: WEB_SCHEMA, index }),
    );
    const stored = new Set(c.stored ?? []);
    const batchId = c.batchId === undefined ? BATCH : c.batchId;
    expect(newEvents(records, stored, WEB_DATASET.id, batchId, NOW)).toStrictEqual(c.expected);
    expect(records.map((r) => r.warnings)).toStrictEqual(c.warnings ?? records.map(() => []));
  });

  it('skips records that are not events, without a warning', () => {
    const records = [
      prepare({ crmId: 'c1' }),
      prepare(event('e1'), 'CREATE', { schema: WEB_SCHEMA, index: 1 }),
      prepare({ crmId: 'c1' }, 'DELETE', { index: 2 }),
    ];
    expect(newEvents(records, new Set(), WEB_DATASET.id, BATCH, NOW)).toStrictEqual([
      storedEvent('e1'),
    ]);
    expect(records.map((r) => r.warnings)).toStrictEqual([[], [], []]);
  });

  it('does not change its inputs, except for adding warnings', () => {
    const stored = new Set(['e1']);
    const records = [event('e1'), event('e2', { page: '/p' }), event('e2')].map((raw, index) =>
      freezeRecord(prepare(raw, 'CREATE', { schema: WEB_SCHEMA, index })),
    );
    const before = records.map((r) => copy(r.attributes));
    expect(newEvents(records, stored, WEB_DATASET.id, BATCH, NOW)).toStrictEqual([
      storedEvent('e2', { page: '/p' }),
    ]);
    expect(stored).toStrictEqual(new Set(['e1']));
    expect(records.map((r) => r.attributes)).toStrictEqual(before);
    expect(records.map((r) => r.warnings)).toStrictEqual([
      [duplicate('e1')],
      [],
      [duplicate('e2')],
    ]);
  });

  it('repeats nothing when called again with what it appended (a retried request)', () => {
    const raws = [event('e1'), event('e2')];
    const first = newEvents(
      raws.map((raw, index) => prepare(raw, 'CREATE', { schema: WEB_SCHEMA, index })),
      new Set(),
      WEB_DATASET.id,
      BATCH,
      NOW,
    );
    const retried = raws.map((raw, index) => prepare(raw, 'CREATE', { schema: WEB_SCHEMA, index }));
    const again = newEvents(
      retried,
      new Set(first.map((e) => e.eventId)),
      WEB_DATASET.id,
      BATCH,
      NOW,
    );
    expect(first).toStrictEqual([storedEvent('e1'), storedEvent('e2')]);
    expect(again).toStrictEqual([]);
    expect(retried.map((r) => r.warnings)).toStrictEqual([[duplicate('e1')], [duplicate('e2')]]);
  });
});
