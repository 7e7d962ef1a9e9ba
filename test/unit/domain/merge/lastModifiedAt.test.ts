import { lastModifiedAt } from '../../../../src/domain/merge/lastModifiedAt';
import type { MergePolicyRules } from '../../../../src/domain/merge/MergePolicyRules';
import type { Fragment } from '../../../../src/domain/profile/Fragment';
import { EMAIL, T, TIMESTAMP_ORDERED, deepFreeze, fragment, precedence } from './fixtures';

describe('lastModifiedAt', () => {
  it.each<[string, MergePolicyRules, Fragment[], number | undefined]>([
    ['no fragments: undefined', TIMESTAMP_ORDERED, [], undefined],
    [
      'one fragment: its updatedAt',
      TIMESTAMP_ORDERED,
      [fragment('crm', {}, { updated: T(3) })],
      T(3),
    ],
    [
      'the latest updatedAt, wherever it is',
      TIMESTAMP_ORDERED,
      [
        fragment('crm', {}, { updated: T(2) }),
        fragment('web', {}, { updated: T(5) }),
        fragment('pos', {}, { updated: T(4) }),
      ],
      T(5),
    ],
    [
      'ingestion time, not the source date',
      TIMESTAMP_ORDERED,
      [
        fragment('crm', {}, { source: T(9), updated: T(2) }),
        fragment('web', {}, { updated: T(3) }),
      ],
      T(3),
    ],
    [
      'a fragment whose values are all hidden still counts',
      TIMESTAMP_ORDERED,
      [
        fragment('crm', { a: 1 }, { source: T(9), updated: T(2) }),
        fragment('web', { a: 2 }, { updated: T(3) }),
      ],
      T(3),
    ],
    [
      'identities of one dataset',
      precedence('crm'),
      [fragment('crm', {}, { updated: T(2) }), fragment('crm', {}, { key: EMAIL, updated: T(6) })],
      T(6),
    ],
    [
      'DATASET_PRECEDENCE: an unlisted dataset does not count',
      precedence('crm'),
      [fragment('crm', {}, { updated: T(2) }), fragment('web', {}, { updated: T(9) })],
      T(2),
    ],
    [
      'DATASET_PRECEDENCE: a lower listed dataset counts',
      precedence('crm', 'web'),
      [fragment('crm', {}, { updated: T(2) }), fragment('web', {}, { updated: T(9) })],
      T(9),
    ],
    [
      'DATASET_PRECEDENCE: nothing listed: undefined',
      precedence('pos'),
      [fragment('crm', {}, { updated: T(2) })],
      undefined,
    ],
    ['epoch 0 is a time', TIMESTAMP_ORDERED, [fragment('crm', {}, { updated: 0 })], 0],
  ])('%s', (_, rules, fragments, expected) => {
    expect(lastModifiedAt(deepFreeze(fragments), rules)).toBe(expected);
  });
});
