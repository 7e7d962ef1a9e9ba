import { identityKey } from '../../../../src/domain/identity/Identity';
import type { PreparedRecord } from '../../../../src/domain/ingestion/PreparedRecord';
import type { IngestOperation } from '../../../../src/domain/ingestion/prepareRecord';
import type { Fragment } from '../../../../src/domain/profile/Fragment';
import {
  type FragmentWrites,
  applyToFragments,
} from '../../../../src/domain/profile/applyToFragments';
import { type RecordError, recordError } from '../../../../src/domain/records/RecordError';
import { deepFreeze, prepare } from '../ingestion/fixtures';
import {
  D1,
  D2,
  D3,
  DATASET_ID,
  NOW,
  T1,
  T2,
  T3,
  copy,
  crm,
  crmKey,
  freezeRecord,
  stale,
  stored,
  written,
} from './fixtures';

interface Case {
  name: string;
  current?: Fragment[];
  records: Record<string, unknown>[];
  put: Fragment[];
  deleted?: string[];
  /** Each record's warnings afterwards; none when left out. */
  warnings?: RecordError[][];
}

const byKey = (fragments: readonly Fragment[]): Map<string, Fragment> =>
  new Map(fragments.map((f) => [f.identityKey, f]));

function run(
  operation: IngestOperation,
  c: Case,
): { writes: FragmentWrites; records: PreparedRecord[] } {
  const records = c.records.map((raw, index) => prepare(raw, operation, { index }));
  const writes = applyToFragments(byKey(c.current ?? []), records, operation, DATASET_ID, NOW);
  return { writes, records };
}

function check(operation: IngestOperation, c: Case): void {
  const { writes, records } = run(operation, c);
  expect(writes).toStrictEqual({ put: c.put, deleted: c.deleted ?? [] });
  expect(records.map((r) => r.warnings)).toStrictEqual(c.warnings ?? records.map(() => []));
}

/** A full CRM fragment to merge into. */
const ADA = {
  crmId: 'c1',
  email: 'ada@x.com',
  person: { name: { first: 'Ada', last: 'Byron' }, age: 36 },
  loyalty: { points: 10, tier: 'gold' },
  tags: ['a', 'b'],
  prefs: { news: true, channels: { email: true, sms: false } },
};

describe('applyToFragments', () => {
  describe('CREATE replaces the fragment', () => {
    it.each<Case>([
      {
        name: 'into nothing: the record, with its date',
        records: [crm('c1', { loyalty: { points: 1 } }, D2)],
        put: [
          written(
            'c1',
            { crmId: 'c1', loyalty: { points: 1 }, extSourceSystemAudit: { lastUpdatedDate: D2 } },
            T2,
          ),
        ],
      },
      {
        name: 'into nothing without a date: sourceUpdatedAt null',
        records: [crm('c1', { email: 'a@x.com' })],
        put: [written('c1', { crmId: 'c1', email: 'a@x.com' }, null)],
      },
      {
        name: 'a date as epoch milliseconds',
        records: [{ crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: T2 } }],
        put: [written('c1', { crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: T2 } }, T2)],
      },
      {
        name: 'the whole fragment: keys the record lacks are gone',
        current: [stored('c1', ADA, null)],
        records: [crm('c1', { loyalty: { points: 2 } })],
        put: [written('c1', { crmId: 'c1', loyalty: { points: 2 } }, null)],
      },
      {
        name: 'null is no value: nulls are left out at any depth, not inside arrays',
        current: [stored('c1', ADA, null)],
        records: [
          crm('c1', {
            email: null,
            person: { name: { first: 'Ada', last: null }, age: null },
            loyalty: null,
            prefs: { list: [null, { a: null }], gone: null },
          }),
        ],
        put: [
          written(
            'c1',
            {
              crmId: 'c1',
              person: { name: { first: 'Ada' } },
              prefs: { list: [null, { a: null }] },
            },
            null,
          ),
        ],
      },
      {
        name: 'a newer record applies',
        current: [stored('c1', ADA, T2)],
        records: [crm('c1', {}, D3)],
        put: [written('c1', { crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: D3 } }, T3)],
      },
      {
        name: 'a record as old as the fragment applies',
        current: [stored('c1', ADA, T2)],
        records: [crm('c1', {}, D2)],
        put: [written('c1', { crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: D2 } }, T2)],
      },
      {
        name: 'an older record is ignored with a STALE warning',
        current: [stored('c1', ADA, T2)],
        records: [crm('c1', { email: 'new@x.com' }, D1)],
        put: [],
        warnings: [[stale('c1', D2)]],
      },
      {
        name: 'one millisecond older is older',
        current: [stored('c1', ADA, T2)],
        records: [{ crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: T2 - 1 } }],
        put: [],
        warnings: [[stale('c1', D2)]],
      },
      {
        name: 'a record without a date applies over a dated fragment, and clears its date',
        current: [stored('c1', ADA, T3)],
        records: [crm('c1', { email: 'a@x.com' })],
        put: [written('c1', { crmId: 'c1', email: 'a@x.com' }, null)],
      },
      {
        name: 'a dated record applies over a fragment without a date',
        current: [stored('c1', ADA, null)],
        records: [crm('c1', {}, D1)],
        put: [written('c1', { crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: D1 } }, T1)],
      },
      {
        name: 'STALE after the warnings the record already had',
        current: [stored('c1', ADA, T2)],
        records: [crm('c1', { email: 'Anonymous' }, D1)],
        put: [],
        warnings: [
          [
            recordError(
              'INVALID_IDENTITY',
              '"anonymous" is a blocked value, never an identity',
              'email',
            ),
            stale('c1', D2),
          ],
        ],
      },
    ])('$name', (c) => {
      check('CREATE', c);
    });
  });

  describe('CREATE: records apply in order within the request', () => {
    it.each<Case>([
      {
        name: 'two records of one identity: the last wins, one fragment is written',
        current: [stored('c1', ADA, T1)],
        records: [
          crm('c1', { email: 'first@x.com' }, D2),
          crm('c1', { email: 'second@x.com' }, D3),
        ],
        put: [
          written(
            'c1',
            {
              crmId: 'c1',
              email: 'second@x.com',
              extSourceSystemAudit: { lastUpdatedDate: D3 },
            },
            T3,
          ),
        ],
      },
      {
        name: 'a later, older record is STALE against the earlier one of the request',
        current: [stored('c1', ADA, T1)],
        records: [
          crm('c1', { email: 'first@x.com' }, D3),
          crm('c1', { email: 'second@x.com' }, D2),
        ],
        put: [
          written(
            'c1',
            { crmId: 'c1', email: 'first@x.com', extSourceSystemAudit: { lastUpdatedDate: D3 } },
            T3,
          ),
        ],
        warnings: [[], [stale('c1', D3)]],
      },
      {
        name: 'a record without a date after a dated one applies',
        records: [crm('c1', { email: 'first@x.com' }, D3), crm('c1', { email: 'second@x.com' })],
        put: [written('c1', { crmId: 'c1', email: 'second@x.com' }, null)],
      },
      {
        name: 'after a record without a date, an older dated one applies',
        current: [stored('c1', ADA, T3)],
        records: [crm('c1', { email: 'first@x.com' }), crm('c1', { email: 'second@x.com' }, D1)],
        put: [
          written(
            'c1',
            { crmId: 'c1', email: 'second@x.com', extSourceSystemAudit: { lastUpdatedDate: D1 } },
            T1,
          ),
        ],
      },
      {
        name: 'a STALE record between two that apply',
        current: [stored('c1', ADA, T2)],
        records: [crm('c1', { tags: ['x'] }, D1), crm('c1', { tags: ['y'] }, D2)],
        put: [
          written(
            'c1',
            { crmId: 'c1', tags: ['y'], extSourceSystemAudit: { lastUpdatedDate: D2 } },
            T2,
          ),
        ],
        warnings: [[stale('c1', D2)], []],
      },
      {
        name: 'several identities: written in the order first seen; unchanged and untouched left out',
        current: [
          stored('c1', { crmId: 'c1' }, T2),
          stored('c2', { crmId: 'c2' }, T2),
          stored('c3', { crmId: 'c3' }, T1),
        ],
        records: [
          crm('c2', { email: 'b@x.com' }, D3),
          crm('c1', { email: 'a@x.com' }, D1),
          crm('c4', { email: 'd@x.com' }),
          crm('c2', { email: 'b2@x.com' }, D3),
        ],
        put: [
          written(
            'c2',
            { crmId: 'c2', email: 'b2@x.com', extSourceSystemAudit: { lastUpdatedDate: D3 } },
            T3,
          ),
          written('c4', { crmId: 'c4', email: 'd@x.com' }, null),
        ],
        warnings: [[], [stale('c1', D2)], [], []],
      },
    ])('$name', (c) => {
      check('CREATE', c);
    });
  });

  describe('MERGE deep-merges into the fragment, null removing keys', () => {
    it.each<Case>([
      {
        name: 'into nothing: the patch without its nulls, with its date',
        records: [
          crm(
            'c1',
            {
              email: null,
              person: { name: { first: 'Ada', last: null } },
              loyalty: null,
              prefs: { a: { b: null, c: 1 }, list: [null] },
            },
            D2,
          ),
        ],
        put: [
          written(
            'c1',
            {
              crmId: 'c1',
              person: { name: { first: 'Ada' } },
              prefs: { a: { c: 1 }, list: [null] },
              extSourceSystemAudit: { lastUpdatedDate: D2 },
            },
            T2,
          ),
        ],
      },
      {
        name: 'into nothing without a date: sourceUpdatedAt null',
        records: [crm('c1', { email: null, tags: ['t'] })],
        put: [written('c1', { crmId: 'c1', tags: ['t'] }, null)],
      },
      {
        name: 'objects key by key at every depth; scalars and arrays replaced',
        current: [stored('c1', ADA, null)],
        records: [
          crm('c1', {
            person: { name: { last: 'Lovelace' } },
            loyalty: { points: 20 },
            tags: ['c'],
            prefs: { channels: { sms: true, push: true } },
          }),
        ],
        put: [
          written(
            'c1',
            {
              crmId: 'c1',
              email: 'ada@x.com',
              person: { name: { first: 'Ada', last: 'Lovelace' }, age: 36 },
              loyalty: { points: 20, tier: 'gold' },
              tags: ['c'],
              prefs: { news: true, channels: { email: true, sms: true, push: true } },
            },
            null,
          ),
        ],
      },
      {
        name: 'null removes a key at any depth, and a whole object',
        current: [stored('c1', ADA, null)],
        records: [
          crm('c1', {
            email: null,
            person: { name: { first: null }, age: null },
            loyalty: null,
            prefs: { channels: { sms: null }, missing: null },
          }),
        ],
        put: [
          written(
            'c1',
            {
              crmId: 'c1',
              person: { name: { last: 'Byron' } },
              tags: ['a', 'b'],
              prefs: { news: true, channels: { email: true } },
            },
            null,
          ),
        ],
      },
      {
        name: 'an object replacing a scalar drops its own nulls',
        current: [stored('c1', { crmId: 'c1', prefs: { x: 1 } }, null)],
        records: [crm('c1', { prefs: { x: { y: 1, z: null } } })],
        put: [written('c1', { crmId: 'c1', prefs: { x: { y: 1 } } }, null)],
      },
      {
        name: 'an empty patch still rewrites the fragment',
        current: [stored('c1', ADA, T2)],
        records: [crm('c1')],
        put: [written('c1', ADA, T2)],
      },
      {
        name: 'a newer patch applies and takes its date',
        current: [stored('c1', { ...ADA, extSourceSystemAudit: { lastUpdatedDate: D2 } }, T2)],
        records: [crm('c1', { loyalty: { points: 11 } }, D3)],
        put: [
          written(
            'c1',
            {
              ...ADA,
              loyalty: { points: 11, tier: 'gold' },
              extSourceSystemAudit: { lastUpdatedDate: D3 },
            },
            T3,
          ),
        ],
      },
      {
        name: 'a patch as old as the fragment applies',
        current: [stored('c1', ADA, T2)],
        records: [crm('c1', { email: null }, D2)],
        put: [
          written(
            'c1',
            {
              crmId: 'c1',
              person: ADA.person,
              loyalty: ADA.loyalty,
              tags: ADA.tags,
              prefs: ADA.prefs,
              extSourceSystemAudit: { lastUpdatedDate: D2 },
            },
            T2,
          ),
        ],
      },
      {
        name: 'an older patch is ignored with a STALE warning',
        current: [stored('c1', ADA, T2)],
        records: [crm('c1', { email: null, loyalty: null }, D1)],
        put: [],
        warnings: [[stale('c1', D2)]],
      },
      {
        name: 'a patch without a date applies and keeps the stored date',
        current: [stored('c1', { crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: D2 } }, T2)],
        records: [crm('c1', { email: 'a@x.com' })],
        put: [
          written(
            'c1',
            { crmId: 'c1', email: 'a@x.com', extSourceSystemAudit: { lastUpdatedDate: D2 } },
            T2,
          ),
        ],
      },
      {
        name: 'a dated patch over a fragment without a date takes its date',
        current: [stored('c1', { crmId: 'c1' }, null)],
        records: [crm('c1', {}, D1)],
        put: [written('c1', { crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: D1 } }, T1)],
      },
      {
        name: 'a patch removing lastUpdatedDate keeps the stored date',
        current: [stored('c1', { crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: D2 } }, T2)],
        records: [{ crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: null } }],
        put: [written('c1', { crmId: 'c1', extSourceSystemAudit: {} }, T2)],
      },
      {
        name: 'a patch keyed by another identity merges into that identity only',
        current: [stored('c1', ADA, null)],
        records: [{ email: 'Ada@X.com', loyalty: { points: 1 } }],
        put: [
          {
            datasetId: DATASET_ID,
            identityKey: identityKey({ namespace: 'Email', id: 'ada@x.com' }),
            attributes: { email: 'Ada@X.com', loyalty: { points: 1 } },
            sourceUpdatedAt: null,
            updatedAt: NOW,
          },
        ],
      },
    ])('$name', (c) => {
      check('MERGE', c);
    });
  });

  describe('MERGE: patches apply in order within the request', () => {
    it.each<Case>([
      {
        name: 'a patch into nothing, then one into what it wrote',
        records: [
          crm('c1', { person: { name: { first: 'Ada' } }, email: null }, D1),
          crm('c1', { person: { name: { last: 'Lovelace' } }, tags: ['x'] }, D2),
        ],
        put: [
          written(
            'c1',
            {
              crmId: 'c1',
              person: { name: { first: 'Ada', last: 'Lovelace' } },
              tags: ['x'],
              extSourceSystemAudit: { lastUpdatedDate: D2 },
            },
            T2,
          ),
        ],
      },
      {
        name: 'a later, older patch is STALE against the earlier one of the request',
        current: [stored('c1', { crmId: 'c1' }, T1)],
        records: [crm('c1', { email: 'a@x.com' }, D3), crm('c1', { email: null }, D2)],
        put: [
          written(
            'c1',
            { crmId: 'c1', email: 'a@x.com', extSourceSystemAudit: { lastUpdatedDate: D3 } },
            T3,
          ),
        ],
        warnings: [[], [stale('c1', D3)]],
      },
      {
        name: 'dated, undated, then older: the date is kept, so the older patch is STALE',
        records: [
          crm('c1', { email: 'a@x.com' }, D2),
          crm('c1', { tags: ['t'] }),
          crm('c1', { email: null }, D1),
        ],
        put: [
          written(
            'c1',
            {
              crmId: 'c1',
              email: 'a@x.com',
              extSourceSystemAudit: { lastUpdatedDate: D2 },
              tags: ['t'],
            },
            T2,
          ),
        ],
        warnings: [[], [], [stale('c1', D2)]],
      },
      {
        name: 'a stale patch then a newer one: only the newer applies',
        current: [stored('c1', ADA, T2)],
        records: [crm('c1', { tags: ['old'] }, D1), crm('c1', { loyalty: { tier: null } }, D3)],
        put: [
          written(
            'c1',
            {
              ...ADA,
              loyalty: { points: 10 },
              extSourceSystemAudit: { lastUpdatedDate: D3 },
            },
            T3,
          ),
        ],
        warnings: [[stale('c1', D2)], []],
      },
      {
        name: 'several identities: written in the order first seen; unchanged and untouched left out',
        current: [
          stored('c1', { crmId: 'c1', tags: ['a'] }, T3),
          stored('c2', { crmId: 'c2' }, null),
          stored('c3', { crmId: 'c3' }, null),
        ],
        records: [
          crm('c5', { tags: ['e'] }),
          crm('c1', { tags: ['b'] }, D1),
          crm('c2', { tags: ['c'] }, D1),
        ],
        put: [
          written('c5', { crmId: 'c5', tags: ['e'] }, null),
          written(
            'c2',
            { crmId: 'c2', tags: ['c'], extSourceSystemAudit: { lastUpdatedDate: D1 } },
            T1,
          ),
        ],
        warnings: [[], [stale('c1', D3)], []],
      },
    ])('$name', (c) => {
      check('MERGE', c);
    });
  });

  describe('DELETE removes the fragment', () => {
    it.each<Case>([
      {
        name: 'a stored fragment',
        current: [stored('c1', ADA, T2)],
        records: [crm('c1')],
        put: [],
        deleted: [crmKey('c1')],
      },
      {
        name: 'an identity without a fragment is still listed: it ends up absent',
        records: [crm('c9')],
        put: [],
        deleted: [crmKey('c9')],
      },
      {
        name: 'whatever the dates: an older DELETE is not STALE',
        current: [stored('c1', ADA, T3)],
        records: [crm('c1', {}, D1)],
        put: [],
        deleted: [crmKey('c1')],
      },
      {
        name: 'one identity twice: listed once',
        current: [stored('c1', ADA, null)],
        records: [crm('c1'), { identityMap: { CRMID: [{ id: 'c1' }] } }],
        put: [],
        deleted: [crmKey('c1')],
      },
      {
        name: 'several identities, in the order first seen; others untouched',
        current: [
          stored('c1', ADA, null),
          stored('c2', { crmId: 'c2' }, null),
          stored('c3', { crmId: 'c3' }, null),
        ],
        records: [crm('c2'), crm('c1'), crm('c2')],
        put: [],
        deleted: [crmKey('c2'), crmKey('c1')],
      },
    ])('$name', (c) => {
      check('DELETE', c);
    });
  });

  describe('requests apply one after another', () => {
    /** Applies requests in turn to one dataset's fragments, as storing them would. */
    function replay(
      requests: [IngestOperation, Record<string, unknown>[]][],
      start: Fragment[] = [],
    ): { fragments: Map<string, Fragment>; writes: FragmentWrites[]; warnings: RecordError[][] } {
      const fragments = byKey(start);
      const writes: FragmentWrites[] = [];
      const warnings: RecordError[][] = [];
      for (const [operation, raws] of requests) {
        const records = raws.map((raw, index) => prepare(raw, operation, { index }));
        const w = applyToFragments(fragments, records, operation, DATASET_ID, NOW);
        for (const f of w.put) fragments.set(f.identityKey, f);
        for (const k of w.deleted) fragments.delete(k);
        writes.push(w);
        warnings.push(...records.map((r) => r.warnings));
      }
      return { fragments, writes, warnings };
    }

    it('CREATE, DELETE, then CREATE of one identity', () => {
      const { fragments, writes, warnings } = replay([
        ['CREATE', [crm('c1', { email: 'a@x.com' }, D3)]],
        ['DELETE', [crm('c1')]],
        ['CREATE', [crm('c1', { tags: ['again'] })]],
      ]);
      const again = written('c1', { crmId: 'c1', tags: ['again'] }, null);
      expect(writes).toStrictEqual([
        {
          put: [
            written(
              'c1',
              { crmId: 'c1', email: 'a@x.com', extSourceSystemAudit: { lastUpdatedDate: D3 } },
              T3,
            ),
          ],
          deleted: [],
        },
        { put: [], deleted: [crmKey('c1')] },
        { put: [again], deleted: [] },
      ]);
      expect(fragments).toStrictEqual(new Map([[crmKey('c1'), again]]));
      expect(warnings).toStrictEqual([[], [], []]);
    });

    it('after a DELETE, an older CREATE is not STALE: nothing is left to compare with', () => {
      const { fragments, warnings } = replay(
        [
          ['DELETE', [crm('c1')]],
          ['CREATE', [crm('c1', {}, D1)]],
        ],
        [stored('c1', ADA, T3)],
      );
      expect(fragments).toStrictEqual(
        new Map([
          [
            crmKey('c1'),
            written('c1', { crmId: 'c1', extSourceSystemAudit: { lastUpdatedDate: D1 } }, T1),
          ],
        ]),
      );
      expect(warnings).toStrictEqual([[], []]);
    });

    it('CREATE, then MERGE, then a stale MERGE, then DELETE', () => {
      const { fragments, writes, warnings } = replay([
        ['CREATE', [crm('c1', { person: { name: { first: 'Ada' } } }, D1)]],
        ['MERGE', [crm('c1', { person: { age: 36 } }, D3)]],
        ['MERGE', [crm('c1', { person: null }, D2)]],
        ['DELETE', [crm('c1')]],
      ]);
      expect(writes).toStrictEqual([
        {
          put: [
            written(
              'c1',
              {
                crmId: 'c1',
                person: { name: { first: 'Ada' } },
                extSourceSystemAudit: { lastUpdatedDate: D1 },
              },
              T1,
            ),
          ],
          deleted: [],
        },
        {
          put: [
            written(
              'c1',
              {
                crmId: 'c1',
                person: { name: { first: 'Ada' }, age: 36 },
                extSourceSystemAudit: { lastUpdatedDate: D3 },
              },
              T3,
            ),
          ],
          deleted: [],
        },
        { put: [], deleted: [] },
        { put: [], deleted: [crmKey('c1')] },
      ]);
      expect(warnings).toStrictEqual([[], [], [stale('c1', D3)], []]);
      expect(fragments.size).toBe(0);
    });
  });

  describe('does not change its inputs, except for adding warnings', () => {
    const c3 = written(
      'c3',
      { crmId: 'c3', prefs: {}, extSourceSystemAudit: { lastUpdatedDate: D3 } },
      T3,
    );
    const EXPECTED_WRITES: Record<IngestOperation, FragmentWrites> = {
      CREATE: {
        put: [written('c2', { crmId: 'c2', prefs: { a: { d: [1] } } }, null), c3],
        deleted: [],
      },
      MERGE: {
        put: [written('c2', { crmId: 'c2', prefs: { a: { b: 1, d: [1] } } }, null), c3],
        deleted: [],
      },
      DELETE: { put: [], deleted: [crmKey('c1'), crmKey('c2'), crmKey('c3')] },
    };

    it.each<IngestOperation>(['CREATE', 'MERGE', 'DELETE'])('on %s', (operation) => {
      const current = [
        deepFreeze(stored('c1', ADA, T2)),
        deepFreeze(stored('c2', { crmId: 'c2', prefs: { a: { b: 1 } } }, null)),
      ];
      const map = byKey(current);
      const raws = [
        crm('c1', { person: { name: { last: null } } }, D1),
        crm('c2', { prefs: { a: { c: null, d: [1] } } }),
        crm('c3', { prefs: { x: null } }, D3),
      ];
      const records = raws.map((raw, index) => freezeRecord(prepare(raw, operation, { index })));
      const before = records.map((r) => copy(r.attributes));
      const writes = applyToFragments(map, records, operation, DATASET_ID, NOW);
      expect(map).toStrictEqual(byKey([stored('c1', ADA, T2), current[1]!]));
      expect(current[1]).toStrictEqual(stored('c2', { crmId: 'c2', prefs: { a: { b: 1 } } }, null));
      expect(records.map((r) => r.attributes)).toStrictEqual(before);
      expect(records.map((r) => r.warnings)).toStrictEqual(
        operation === 'DELETE' ? [[], [], []] : [[stale('c1', D2)], [], []],
      );
      expect(writes).toStrictEqual(EXPECTED_WRITES[operation]);
    });
  });
});
