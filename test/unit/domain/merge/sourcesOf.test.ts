import type { MergePolicyRules } from '../../../../src/domain/merge/MergePolicyRules';
import { sourcesOf } from '../../../../src/domain/merge/sourcesOf';
import type { Fragment } from '../../../../src/domain/profile/Fragment';
import { ECID, EMAIL, T, TIMESTAMP_ORDERED, deepFreeze, fragment, precedence } from './fixtures';

describe('sourcesOf', () => {
  it.each<[string, MergePolicyRules, Fragment[], string[]]>([
    ['no fragments: none', TIMESTAMP_ORDERED, [], []],
    [
      'TIMESTAMP_ORDERED: newest effective time first',
      TIMESTAMP_ORDERED,
      [
        fragment('crm', {}, { source: T(1), updated: T(9) }),
        fragment('web', {}, { updated: T(3) }),
        fragment('pos', {}, { source: T(2), updated: T(4) }),
      ],
      ['web', 'pos', 'crm'],
    ],
    [
      'TIMESTAMP_ORDERED: each dataset once, at its newest fragment',
      TIMESTAMP_ORDERED,
      [
        fragment('crm', {}, { updated: T(1) }),
        fragment('web', {}, { updated: T(2) }),
        fragment('crm', {}, { key: EMAIL, updated: T(3) }),
        fragment('web', {}, { key: ECID, updated: T(0) }),
      ],
      ['crm', 'web'],
    ],
    [
      'TIMESTAMP_ORDERED: ties as the merge breaks them (smaller datasetId first)',
      TIMESTAMP_ORDERED,
      [fragment('web', {}), fragment('crm', {})],
      ['crm', 'web'],
    ],
    [
      'TIMESTAMP_ORDERED: a dataset whose values are all hidden still counts',
      TIMESTAMP_ORDERED,
      [fragment('crm', { a: 1 }, { updated: T(2) }), fragment('web', {}, { updated: T(1) })],
      ['crm', 'web'],
    ],
    [
      'DATASET_PRECEDENCE: in datasetOrder order, whatever the times',
      precedence('web', 'pos', 'crm'),
      [
        fragment('crm', {}, { updated: T(9) }),
        fragment('pos', {}, { updated: T(1) }),
        fragment('web', {}, { updated: T(5) }),
      ],
      ['web', 'pos', 'crm'],
    ],
    [
      'DATASET_PRECEDENCE: unlisted datasets are absent',
      precedence('crm'),
      [fragment('web', {}, { updated: T(9) }), fragment('crm', {})],
      ['crm'],
    ],
    [
      'DATASET_PRECEDENCE: listed datasets without fragments are absent',
      precedence('pos', 'crm', 'web'),
      [fragment('web', {}), fragment('crm', {}), fragment('crm', {}, { key: EMAIL })],
      ['crm', 'web'],
    ],
    ['DATASET_PRECEDENCE: nothing listed: none', precedence('pos'), [fragment('crm', {})], []],
  ])('%s', (_, rules, fragments, expected) => {
    expect(sourcesOf(deepFreeze(fragments), rules)).toStrictEqual(expected);
  });
});
