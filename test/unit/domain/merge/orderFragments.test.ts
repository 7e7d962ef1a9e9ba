import type { MergePolicyRules } from '../../../../src/domain/merge/MergePolicyRules';
import { orderFragments } from '../../../../src/domain/merge/orderFragments';
import type { Fragment } from '../../../../src/domain/profile/Fragment';
import {
  CRM,
  ECID,
  EMAIL,
  T,
  TIMESTAMP_ORDERED,
  deepFreeze,
  fragment,
  precedence,
} from './fixtures';

/** A fragment named by its one attribute, so that an order reads as a list of names. */
const named = (name: string, datasetId: string, times: Parameters<typeof fragment>[2] = {}) =>
  fragment(datasetId, { name }, times);

const names = (fragments: readonly Fragment[]): unknown[] =>
  fragments.map((f) => f.attributes['name']);

interface Case {
  name: string;
  rules: MergePolicyRules;
  fragments: Fragment[];
  /** The names, highest priority first. */
  expected: string[];
}

const check = (c: Case): void => {
  const given = deepFreeze(c.fragments);
  // The order never depends on the order the fragments come in.
  expect(names(orderFragments(given, c.rules))).toStrictEqual(c.expected);
  expect(names(orderFragments([...given].reverse(), c.rules))).toStrictEqual(c.expected);
};

describe('orderFragments', () => {
  describe('TIMESTAMP_ORDERED: newest effective time (sourceUpdatedAt ?? updatedAt) first', () => {
    it.each<Case>([
      { name: 'no fragments', rules: TIMESTAMP_ORDERED, fragments: [], expected: [] },
      {
        name: 'one fragment',
        rules: TIMESTAMP_ORDERED,
        fragments: [named('a', 'crm')],
        expected: ['a'],
      },
      {
        name: 'by source date, newest first',
        rules: TIMESTAMP_ORDERED,
        fragments: [
          named('old', 'crm', { source: T(1), updated: T(9) }),
          named('new', 'web', { source: T(3), updated: T(9) }),
          named('mid', 'pos', { source: T(2), updated: T(9) }),
        ],
        expected: ['new', 'mid', 'old'],
      },
      {
        name: 'the source date counts, not the later ingestion time',
        rules: TIMESTAMP_ORDERED,
        fragments: [
          named('sourced-later', 'crm', { source: T(2), updated: T(3) }),
          named('ingested-later', 'web', { source: T(1), updated: T(9) }),
        ],
        expected: ['sourced-later', 'ingested-later'],
      },
      {
        name: 'without source dates: by ingestion time',
        rules: TIMESTAMP_ORDERED,
        fragments: [named('old', 'crm', { updated: T(1) }), named('new', 'web', { updated: T(2) })],
        expected: ['new', 'old'],
      },
      {
        name: 'undated, ingested one millisecond after the dated source change: undated first',
        rules: TIMESTAMP_ORDERED,
        fragments: [
          named('dated', 'crm', { source: T(2), updated: T(3) }),
          named('undated', 'web', { updated: T(2) + 1 }),
        ],
        expected: ['undated', 'dated'],
      },
      {
        name: 'undated, ingested before a dated source change: the dated one first',
        rules: TIMESTAMP_ORDERED,
        fragments: [
          named('dated', 'crm', { source: T(5), updated: T(6) }),
          named('undated', 'web', { updated: T(4) }),
        ],
        expected: ['dated', 'undated'],
      },
      {
        name: 'undated, ingested after the dated one changed at its source: the undated one first',
        rules: TIMESTAMP_ORDERED,
        fragments: [
          named('dated', 'crm', { source: T(2), updated: T(9) }),
          named('undated', 'web', { updated: T(3) }),
        ],
        expected: ['undated', 'dated'],
      },
      {
        name: 'a source date of 0 is a date, not a missing one',
        rules: TIMESTAMP_ORDERED,
        fragments: [
          named('epoch', 'crm', { source: 0, updated: T(9) }),
          named('undated', 'web', { updated: T(1) }),
        ],
        expected: ['undated', 'epoch'],
      },
      {
        name: 'equal effective times: the later updatedAt first',
        rules: TIMESTAMP_ORDERED,
        fragments: [
          named('ingested-first', 'a', { source: T(2), updated: T(3) }),
          named('ingested-last', 'b', { source: T(2), updated: T(4) }),
        ],
        expected: ['ingested-last', 'ingested-first'],
      },
      {
        name: 'a dated and an undated one at one effective time: the later updatedAt first',
        rules: TIMESTAMP_ORDERED,
        fragments: [
          named('undated', 'a', { updated: T(2) }),
          named('dated', 'b', { source: T(2), updated: T(5) }),
        ],
        expected: ['dated', 'undated'],
      },
      {
        name: 'equal times throughout: the smaller datasetId first',
        rules: TIMESTAMP_ORDERED,
        fragments: [
          named('web', 'web', { source: T(2), updated: T(3) }),
          named('crm', 'crm', { source: T(2), updated: T(3) }),
          named('Web', 'Web', { source: T(2), updated: T(3) }),
        ],
        expected: ['Web', 'crm', 'web'],
      },
      {
        name: 'equal times in one dataset: the smaller identityKey first',
        rules: TIMESTAMP_ORDERED,
        fragments: [
          named('email', 'crm', { key: EMAIL }),
          named('crm', 'crm', { key: CRM }),
          named('ecid', 'crm', { key: ECID }),
        ],
        expected: ['crm', 'ecid', 'email'],
      },
      {
        name: 'datasetOrder is ignored',
        rules: { ...TIMESTAMP_ORDERED, datasetOrder: ['crm', 'web'] },
        fragments: [named('crm', 'crm', { updated: T(1) }), named('web', 'web', { updated: T(2) })],
        expected: ['web', 'crm'],
      },
    ])('$name', check);
  });

  describe('DATASET_PRECEDENCE: by datasetOrder, unlisted datasets dropped', () => {
    it.each<Case>([
      { name: 'no fragments', rules: precedence('crm'), fragments: [], expected: [] },
      {
        name: 'highest listed dataset first, whatever the times',
        rules: precedence('crm', 'loyalty', 'web'),
        fragments: [
          named('web', 'web', { source: T(9), updated: T(9) }),
          named('crm', 'crm', { source: T(1), updated: T(1) }),
          named('loyalty', 'loyalty', { updated: T(5) }),
        ],
        expected: ['crm', 'loyalty', 'web'],
      },
      {
        name: 'fragments of unlisted datasets are dropped',
        rules: precedence('web', 'crm'),
        fragments: [
          named('other', 'other', { updated: T(9) }),
          named('crm', 'crm'),
          named('web', 'web'),
        ],
        expected: ['web', 'crm'],
      },
      {
        name: 'no listed dataset has fragments: nothing',
        rules: precedence('pos'),
        fragments: [named('crm', 'crm'), named('web', 'web')],
        expected: [],
      },
      {
        name: 'a listed dataset without fragments is skipped',
        rules: precedence('pos', 'web', 'crm'),
        fragments: [named('crm', 'crm'), named('web', 'web')],
        expected: ['web', 'crm'],
      },
      {
        name: 'within one dataset: timestamp order across identities',
        rules: precedence('crm', 'web'),
        fragments: [
          named('web', 'web', { updated: T(9) }),
          named('crm-old', 'crm', { key: CRM, source: T(1), updated: T(9) }),
          named('crm-new', 'crm', { key: EMAIL, source: T(3), updated: T(4) }),
          named('crm-undated', 'crm', { key: ECID, updated: T(2) }),
        ],
        expected: ['crm-new', 'crm-undated', 'crm-old', 'web'],
      },
      {
        name: 'within one dataset, equal times: the smaller identityKey first',
        rules: precedence('crm'),
        fragments: [named('email', 'crm', { key: EMAIL }), named('crm', 'crm', { key: CRM })],
        expected: ['crm', 'email'],
      },
      {
        name: 'a dataset listed twice counts at its first place',
        rules: precedence('crm', 'web', 'crm'),
        fragments: [named('web', 'web', { updated: T(9) }), named('crm', 'crm')],
        expected: ['crm', 'web'],
      },
      {
        name: 'dataset ids are compared exactly',
        rules: precedence('CRM'),
        fragments: [named('crm', 'crm')],
        expected: [],
      },
    ])('$name', check);
  });

  it('returns a new array and leaves its input as it was', () => {
    const fragments = deepFreeze([
      named('old', 'crm', { updated: T(1) }),
      named('new', 'web', { updated: T(2) }),
    ]);
    const ordered = orderFragments(fragments, TIMESTAMP_ORDERED);
    expect(ordered).not.toBe(fragments);
    expect(names(fragments)).toStrictEqual(['old', 'new']);
    expect(ordered[0]).toBe(fragments[1]);
  });
});
