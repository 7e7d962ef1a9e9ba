import { checkDatasetFlags } from '../../../../src/domain/catalog/checkDatasetFlags';
import type { DatasetFlags, XdmSchema } from '../../../../src/domain/catalog/types';
import type { SchemaClass } from '../../../../src/domain/enumValues';
import { expectBadInput, type ExpectedIssue } from '../expectBadInput';

type SchemaFacts = Pick<XdmSchema, 'name' | 'class' | 'profileEnabled'>;

const flags = (set: Partial<DatasetFlags> = {}): DatasetFlags => ({
  profileEnabled: false,
  identityEnabled: false,
  upsertEnabled: false,
  eventTtlDays: null,
  ...set,
});

const schema = (schemaClass: SchemaClass, profileEnabled: boolean): SchemaFacts => ({
  name: 'Loyalty',
  class: schemaClass,
  profileEnabled,
});

describe('checkDatasetFlags', () => {
  it.each<[string, Partial<DatasetFlags>, SchemaFacts]>([
    ['no flags on a schema not enabled for profile', {}, schema('PROFILE', false)],
    ['identityEnabled alone', { identityEnabled: true }, schema('ACCOUNT', false)],
    [
      'profileEnabled on an enabled PROFILE schema',
      { profileEnabled: true },
      schema('PROFILE', true),
    ],
    [
      'profileEnabled and upsertEnabled on an enabled PROFILE schema',
      { profileEnabled: true, upsertEnabled: true },
      schema('PROFILE', true),
    ],
    [
      'profileEnabled and upsertEnabled on an enabled ACCOUNT schema',
      { profileEnabled: true, upsertEnabled: true, identityEnabled: true },
      schema('ACCOUNT', true),
    ],
    [
      'profileEnabled on an enabled event schema',
      { profileEnabled: true },
      schema('EXPERIENCE_EVENT', true),
    ],
    ['an event TTL of 1 day', { eventTtlDays: 1 }, schema('EXPERIENCE_EVENT', false)],
    [
      'an event TTL of 3650 days on a profile dataset',
      { eventTtlDays: 3650, profileEnabled: true },
      schema('EXPERIENCE_EVENT', true),
    ],
  ])('accepts %s', (_name, set, facts) => {
    expect(() => {
      checkDatasetFlags(flags(set), facts, 'input');
    }).not.toThrow();
  });

  it.each<[string, Partial<DatasetFlags>, SchemaFacts, ExpectedIssue[]]>([
    [
      'profileEnabled on a schema not enabled for profile',
      { profileEnabled: true },
      schema('PROFILE', false),
      [
        [
          'input.profileEnabled',
          'schema "Loyalty" is not enabled for profile; enable the schema first',
        ],
      ],
    ],
    [
      'upsertEnabled without profileEnabled',
      { upsertEnabled: true },
      schema('PROFILE', true),
      [['input.upsertEnabled', 'needs profileEnabled']],
    ],
    [
      'upsertEnabled on an event schema',
      { profileEnabled: true, upsertEnabled: true },
      schema('EXPERIENCE_EVENT', true),
      [['input.upsertEnabled', 'events are appended, never upserted']],
    ],
    [
      'upsertEnabled on an event schema without profileEnabled',
      { upsertEnabled: true },
      schema('EXPERIENCE_EVENT', true),
      [
        ['input.upsertEnabled', 'needs profileEnabled'],
        ['input.upsertEnabled', 'needs a PROFILE or ACCOUNT schema'],
      ],
    ],
    [
      'an event TTL on a PROFILE schema',
      { eventTtlDays: 30 },
      schema('PROFILE', true),
      [['input.eventTtlDays', 'only datasets of EXPERIENCE_EVENT schemas hold events']],
    ],
    [
      'an invalid event TTL on an ACCOUNT schema, naming the class first',
      { eventTtlDays: 0 },
      schema('ACCOUNT', false),
      [['input.eventTtlDays', 'only datasets of EXPERIENCE_EVENT schemas hold events']],
    ],
    ...[0, -1, 1.5, 0.5, Number.NaN, Number.POSITIVE_INFINITY].map(
      (days): [string, Partial<DatasetFlags>, SchemaFacts, ExpectedIssue[]] => [
        `an event TTL of ${String(days)} days`,
        { eventTtlDays: days },
        schema('EXPERIENCE_EVENT', false),
        [['input.eventTtlDays', 'must be a whole number of days, at least 1']],
      ],
    ),
    [
      'every problem of an event dataset at once',
      { profileEnabled: true, upsertEnabled: true, eventTtlDays: -7 },
      schema('EXPERIENCE_EVENT', false),
      [
        ['input.profileEnabled', 'is not enabled for profile'],
        ['input.upsertEnabled', 'events are appended'],
        ['input.eventTtlDays', 'must be a whole number of days'],
      ],
    ],
    [
      'every problem of a profile dataset at once',
      { upsertEnabled: true, eventTtlDays: 1 },
      schema('PROFILE', false),
      [
        ['input.upsertEnabled', 'needs profileEnabled'],
        ['input.eventTtlDays', 'only datasets of EXPERIENCE_EVENT schemas hold events'],
      ],
    ],
  ])('rejects %s', (_name, set, facts, issues) => {
    expectBadInput(() => {
      checkDatasetFlags(flags(set), facts, 'input');
    }, issues);
  });

  it('names problems after the prefix it is given', () => {
    expectBadInput(() => {
      checkDatasetFlags(flags({ upsertEnabled: true }), schema('PROFILE', true), 'dataset');
    }, [['dataset.upsertEnabled', 'needs profileEnabled']]);
  });
});
