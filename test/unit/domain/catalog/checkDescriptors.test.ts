import {
  checkDescriptors,
  type DescriptorInputs,
  type Descriptors,
} from '../../../../src/domain/catalog/checkDescriptors';
import { implicitFields } from '../../../../src/domain/catalog/implicitFields';
import type { SchemaField } from '../../../../src/domain/catalog/types';
import type { SchemaClass } from '../../../../src/domain/enumValues';
import { expectBadInput, type ExpectedIssue } from '../expectBadInput';
import { field, findNamespace } from './fixtures';

const FIELDS: Record<SchemaClass, SchemaField[]> = {
  PROFILE: [
    ...implicitFields('PROFILE'),
    field('email', 'STRING'),
    field('crmId', 'STRING'),
    field('phone', 'STRING'),
    field('age', 'INTEGER'),
    field('accountId', 'STRING'),
    field('accountIds', 'ARRAY', { itemType: 'STRING' }),
    field('scores', 'ARRAY', { itemType: 'NUMBER' }),
    field('person', 'OBJECT'),
    field('person.loyaltyId', 'STRING'),
  ],
  ACCOUNT: [
    ...implicitFields('ACCOUNT'),
    field('accountKey', 'STRING'),
    field('partnerKey', 'STRING'),
    field('employees', 'INTEGER'),
    field('domains', 'ARRAY', { itemType: 'STRING' }),
  ],
  EXPERIENCE_EVENT: [
    ...implicitFields('EXPERIENCE_EVENT'),
    field('email', 'STRING'),
    field('device', 'STRING'),
    field('accountId', 'STRING'),
  ],
};

const check = (schemaClass: SchemaClass, inputs: Partial<DescriptorInputs>): Descriptors =>
  checkDescriptors(
    schemaClass,
    FIELDS[schemaClass],
    { identityDescriptors: [], relationships: [], ...inputs },
    findNamespace,
    'input',
  );

const ID = 'input.identityDescriptors';
const REL = 'input.relationships';

describe('checkDescriptors', () => {
  interface Accepted {
    name: string;
    schemaClass: SchemaClass;
    inputs: Partial<DescriptorInputs>;
    expected: Descriptors;
  }

  const accepted: Accepted[] = [
    {
      name: 'no descriptors at all',
      schemaClass: 'PROFILE',
      inputs: {},
      expected: { identityDescriptors: [], relationships: [] },
    },
    {
      name: 'a primary and a secondary person identity, spelled as the catalog does',
      schemaClass: 'PROFILE',
      inputs: {
        identityDescriptors: [
          { path: 'email', namespace: 'email', primary: true },
          { path: 'crmId', namespace: 'CrmId' },
          { path: 'person.loyaltyId', namespace: 'LOYALTYID', primary: false },
          { path: 'phone', namespace: 'Phone', primary: null },
        ],
      },
      expected: {
        identityDescriptors: [
          { path: 'email', namespace: 'Email', primary: true },
          { path: 'crmId', namespace: 'CRMID', primary: false },
          { path: 'person.loyaltyId', namespace: 'loyaltyId', primary: false },
          { path: 'phone', namespace: 'Phone', primary: false },
        ],
        relationships: [],
      },
    },
    {
      name: 'relationships on a STRING and on an ARRAY<STRING> of a PROFILE schema',
      schemaClass: 'PROFILE',
      inputs: {
        identityDescriptors: [{ path: 'crmId', namespace: 'CRMID', primary: true }],
        relationships: [
          { path: 'accountId', namespace: 'b2baccount' },
          { path: 'accountIds', namespace: 'PARTNER_ORG' },
        ],
      },
      expected: {
        identityDescriptors: [{ path: 'crmId', namespace: 'CRMID', primary: true }],
        relationships: [
          { path: 'accountId', namespace: 'B2BAccount' },
          { path: 'accountIds', namespace: 'Partner_Org' },
        ],
      },
    },
    {
      name: 'ORGANIZATION identities on an ACCOUNT schema',
      schemaClass: 'ACCOUNT',
      inputs: {
        identityDescriptors: [
          { path: 'accountKey', namespace: 'B2BAccount', primary: true },
          { path: 'partnerKey', namespace: 'partner_org' },
        ],
        relationships: [],
      },
      expected: {
        identityDescriptors: [
          { path: 'accountKey', namespace: 'B2BAccount', primary: true },
          { path: 'partnerKey', namespace: 'Partner_Org', primary: false },
        ],
        relationships: [],
      },
    },
    {
      name: 'person identities without a primary on an EXPERIENCE_EVENT schema',
      schemaClass: 'EXPERIENCE_EVENT',
      inputs: {
        identityDescriptors: [
          { path: 'email', namespace: 'Email' },
          { path: 'device', namespace: 'ecid' },
        ],
      },
      expected: {
        identityDescriptors: [
          { path: 'email', namespace: 'Email', primary: false },
          { path: 'device', namespace: 'ECID', primary: false },
        ],
        relationships: [],
      },
    },
  ];

  it.each(accepted)('accepts $name', ({ schemaClass, inputs, expected }) => {
    expect(check(schemaClass, inputs)).toEqual(expected);
  });

  interface Rejected {
    name: string;
    schemaClass: SchemaClass;
    inputs: Partial<DescriptorInputs>;
    issues: ExpectedIssue[];
  }

  const rejected: Rejected[] = [
    {
      name: 'an identity on a path that is not a field',
      schemaClass: 'PROFILE',
      inputs: { identityDescriptors: [{ path: 'mail', namespace: 'Email' }] },
      issues: [[`${ID}[0].path`, '"mail" is not a field of the schema']],
    },
    {
      name: 'an identity on an INTEGER field',
      schemaClass: 'PROFILE',
      inputs: { identityDescriptors: [{ path: 'age', namespace: 'CRMID' }] },
      issues: [[`${ID}[0].path`, '"age" is INTEGER; it must be a STRING field']],
    },
    {
      name: 'an identity on an ARRAY<STRING> field',
      schemaClass: 'PROFILE',
      inputs: { identityDescriptors: [{ path: 'accountIds', namespace: 'CRMID' }] },
      issues: [[`${ID}[0].path`, '"accountIds" is ARRAY<STRING>; it must be a STRING field']],
    },
    {
      name: 'an identity on the identityMap object',
      schemaClass: 'EXPERIENCE_EVENT',
      inputs: { identityDescriptors: [{ path: 'identityMap', namespace: 'ECID' }] },
      issues: [[`${ID}[0].path`, '"identityMap" is OBJECT; it must be a STRING field']],
    },
    {
      name: 'an identity of an unknown namespace',
      schemaClass: 'PROFILE',
      inputs: { identityDescriptors: [{ path: 'email', namespace: 'Mail' }] },
      issues: [[`${ID}[0].namespace`, 'there is no identity namespace "Mail"']],
    },
    {
      name: 'two primary identities',
      schemaClass: 'PROFILE',
      inputs: {
        identityDescriptors: [
          { path: 'email', namespace: 'Email', primary: true },
          { path: 'crmId', namespace: 'CRMID', primary: true },
        ],
      },
      issues: [[`${ID}[1].primary`, `only one descriptor may be primary (${ID}[0] already is)`]],
    },
    {
      // The message points the user at the descriptor that is primary: the first one.
      name: 'three primary identities, naming the first primary each time',
      schemaClass: 'PROFILE',
      inputs: {
        identityDescriptors: [
          { path: 'email', namespace: 'Email' },
          { path: 'crmId', namespace: 'CRMID', primary: true },
          { path: 'phone', namespace: 'Phone', primary: true },
          { path: 'person.loyaltyId', namespace: 'loyaltyId', primary: true },
        ],
      },
      issues: [
        [`${ID}[2].primary`, `(${ID}[1] already is)`],
        [`${ID}[3].primary`, `(${ID}[1] already is)`],
      ],
    },
    {
      name: 'two identities on one path',
      schemaClass: 'PROFILE',
      inputs: {
        identityDescriptors: [
          { path: 'email', namespace: 'Email' },
          { path: 'email', namespace: 'CRMID' },
        ],
      },
      issues: [[`${ID}[1].path`, '"email" already has a descriptor']],
    },
    {
      name: 'an ORGANIZATION identity on a PROFILE schema',
      schemaClass: 'PROFILE',
      inputs: { identityDescriptors: [{ path: 'accountId', namespace: 'b2baccount' }] },
      issues: [
        [
          `${ID}[0].namespace`,
          '"B2BAccount" is an ORGANIZATION namespace: relate people to accounts',
        ],
      ],
    },
    {
      name: 'an ORGANIZATION identity on an EXPERIENCE_EVENT schema',
      schemaClass: 'EXPERIENCE_EVENT',
      inputs: { identityDescriptors: [{ path: 'accountId', namespace: 'Partner_Org' }] },
      issues: [[`${ID}[0].namespace`, '"Partner_Org" is an ORGANIZATION namespace']],
    },
    {
      name: 'a person identity on an ACCOUNT schema',
      schemaClass: 'ACCOUNT',
      inputs: { identityDescriptors: [{ path: 'accountKey', namespace: 'email', primary: true }] },
      issues: [
        [
          `${ID}[0].namespace`,
          'account schemas are keyed by ORGANIZATION identities; "Email" is EMAIL',
        ],
      ],
    },
    {
      name: 'a relationship on an ACCOUNT schema',
      schemaClass: 'ACCOUNT',
      inputs: { relationships: [{ path: 'accountKey', namespace: 'B2BAccount' }] },
      issues: [[REL, 'only PROFILE schemas relate people to accounts']],
    },
    {
      name: 'relationships on an EXPERIENCE_EVENT schema, reported once for the list',
      schemaClass: 'EXPERIENCE_EVENT',
      inputs: {
        relationships: [
          { path: 'accountId', namespace: 'B2BAccount' },
          { path: 'nope', namespace: 'Nope' },
        ],
      },
      issues: [[REL, 'only PROFILE schemas relate people to accounts']],
    },
    {
      name: 'a relationship to a person namespace',
      schemaClass: 'PROFILE',
      inputs: { relationships: [{ path: 'accountId', namespace: 'crmid' }] },
      issues: [[`${REL}[0].namespace`, 'must be an ORGANIZATION namespace; "CRMID" is PERSON']],
    },
    {
      name: 'a relationship to an unknown namespace',
      schemaClass: 'PROFILE',
      inputs: { relationships: [{ path: 'accountId', namespace: 'Account' }] },
      issues: [[`${REL}[0].namespace`, 'there is no identity namespace "Account"']],
    },
    {
      name: 'a relationship on an ARRAY<NUMBER> field',
      schemaClass: 'PROFILE',
      inputs: { relationships: [{ path: 'scores', namespace: 'B2BAccount' }] },
      issues: [
        [`${REL}[0].path`, '"scores" is ARRAY<NUMBER>; it must be a STRING or ARRAY<STRING> field'],
      ],
    },
    {
      name: 'a relationship on an OBJECT field',
      schemaClass: 'PROFILE',
      inputs: { relationships: [{ path: 'person', namespace: 'B2BAccount' }] },
      issues: [[`${REL}[0].path`, '"person" is OBJECT; it must be a STRING or ARRAY<STRING>']],
    },
    {
      name: 'a relationship on a path that is not a field',
      schemaClass: 'PROFILE',
      inputs: { relationships: [{ path: 'account.id', namespace: 'B2BAccount' }] },
      issues: [[`${REL}[0].path`, '"account.id" is not a field of the schema']],
    },
    {
      name: 'a relationship on a path an identity descriptor has',
      schemaClass: 'PROFILE',
      inputs: {
        identityDescriptors: [{ path: 'accountId', namespace: 'CRMID', primary: true }],
        relationships: [{ path: 'accountId', namespace: 'B2BAccount' }],
      },
      issues: [[`${REL}[0].path`, '"accountId" already has a descriptor']],
    },
    {
      name: 'two relationships on one path',
      schemaClass: 'PROFILE',
      inputs: {
        relationships: [
          { path: 'accountIds', namespace: 'B2BAccount' },
          { path: 'accountIds', namespace: 'Partner_Org' },
        ],
      },
      issues: [[`${REL}[1].path`, '"accountIds" already has a descriptor']],
    },
    {
      name: 'a path and a namespace problem of one descriptor',
      schemaClass: 'PROFILE',
      inputs: { identityDescriptors: [{ path: 'age', namespace: 'Nope' }] },
      issues: [
        [`${ID}[0].path`, '"age" is INTEGER'],
        [`${ID}[0].namespace`, 'there is no identity namespace "Nope"'],
      ],
    },
    {
      name: 'every problem of identities and relationships at once',
      schemaClass: 'PROFILE',
      inputs: {
        identityDescriptors: [
          { path: 'email', namespace: 'Email', primary: true },
          { path: 'nowhere', namespace: 'CRMID' },
          { path: 'crmId', namespace: 'B2BAccount', primary: true },
        ],
        relationships: [
          { path: 'email', namespace: 'B2BAccount' },
          { path: 'accountId', namespace: 'Phone' },
        ],
      },
      issues: [
        [`${ID}[1].path`, '"nowhere" is not a field of the schema'],
        [`${ID}[2].namespace`, '"B2BAccount" is an ORGANIZATION namespace'],
        [`${ID}[2].primary`, `(${ID}[0] already is)`],
        [`${REL}[0].path`, '"email" already has a descriptor'],
        [`${REL}[1].namespace`, '"Phone" is PHONE'],
      ],
    },
  ];

  it.each(rejected)('rejects $name', ({ schemaClass, inputs, issues }) => {
    expectBadInput(() => check(schemaClass, inputs), issues);
  });

  it('names problems after the prefix it is given', () => {
    expectBadInput(
      () =>
        checkDescriptors(
          'PROFILE',
          FIELDS.PROFILE,
          { identityDescriptors: [{ path: 'x', namespace: 'Email' }], relationships: [] },
          findNamespace,
          'schema',
        ),
      [['schema.identityDescriptors[0].path', '"x" is not a field of the schema']],
    );
  });

  it('asks the lookup for the code exactly as given', () => {
    const asked: string[] = [];
    checkDescriptors(
      'PROFILE',
      FIELDS.PROFILE,
      {
        identityDescriptors: [{ path: 'email', namespace: 'eMaIl' }],
        relationships: [{ path: 'accountId', namespace: 'B2BACCOUNT' }],
      },
      (code) => {
        asked.push(code);
        return findNamespace(code);
      },
      'input',
    );
    expect(asked).toEqual(['eMaIl', 'B2BACCOUNT']);
  });
});
