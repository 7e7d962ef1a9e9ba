import type { SchemaClass } from '../../../../src/domain/enumValues';
import { DEFAULT_IDENTITY_SETTINGS } from '../../../../src/domain/identity/IdentitySettings';
import {
  type CheckedIdentityValue,
  blockedValueSet,
  checkIdentityValue,
} from '../../../../src/domain/records/checkIdentityValue';
import { ECID_1, namespace } from './fixtures';

const DEFAULT_BLOCKED = blockedValueSet(DEFAULT_IDENTITY_SETTINGS.blockedValues);

const check = (
  code: string,
  value: string,
  schemaClass: SchemaClass = 'PROFILE',
  blocked = DEFAULT_BLOCKED,
): CheckedIdentityValue => checkIdentityValue(namespace(code), schemaClass, value, blocked);

const TOO_LONG = 'is 1025 characters long; an identity is at most 1024';

describe('checkIdentityValue', () => {
  it.each<[string, string, CheckedIdentityValue]>([
    // Trimmed
    ['CRMID', '  c-42\t\n', { id: 'c-42' }],
    ['Phone', ' +44 20 7946 0000 ', { id: '+44 20 7946 0000' }],
    // Email values lower-cased, others keep their case
    ['Email', 'Ada.Lovelace@Example.COM', { id: 'ada.lovelace@example.com' }],
    ['Email', '  ADA@X.COM  ', { id: 'ada@x.com' }],
    ['CRMID', 'AbC', { id: 'AbC' }],
    ['loyaltyId', 'L-Mixed', { id: 'L-Mixed' }],
    // ECID: exactly 38 digits
    ['ECID', ECID_1, { id: ECID_1 }],
    ['ECID', ` ${ECID_1} `, { id: ECID_1 }],
    [
      'ECID',
      ECID_1.slice(1),
      { problem: `an ECID is exactly 38 digits; "${ECID_1.slice(1)}" is not` },
    ],
    ['ECID', `${ECID_1}9`, { problem: `an ECID is exactly 38 digits; "${ECID_1}9" is not` }],
    [
      'ECID',
      `${ECID_1.slice(1)}a`,
      { problem: `an ECID is exactly 38 digits; "${ECID_1.slice(1)}a" is not` },
    ],
    [
      'ECID',
      `${ECID_1.slice(2)}-1`,
      { problem: `an ECID is exactly 38 digits; "${ECID_1.slice(2)}-1" is not` },
    ],
    [
      'ECID',
      `${ECID_1.slice(1)}١`,
      { problem: `an ECID is exactly 38 digits; "${ECID_1.slice(1)}١" is not` },
    ],
    ['AAID', 'not-digits', { id: 'not-digits' }],
    // Empty
    ['CRMID', '', { problem: 'is empty' }],
    ['CRMID', '   \t ', { problem: 'is empty' }],
    // Blocked values, in any case, with or without spaces around
    ['CRMID', 'NULL', { problem: '"NULL" is a blocked value, never an identity' }],
    ['CRMID', 'null', { problem: '"null" is a blocked value, never an identity' }],
    ['CRMID', 'UnDeFiNeD', { problem: '"UnDeFiNeD" is a blocked value, never an identity' }],
    ['CRMID', ' Anonymous ', { problem: '"Anonymous" is a blocked value, never an identity' }],
    ['Phone', 'INVALID', { problem: '"INVALID" is a blocked value, never an identity' }],
    ['Phone', '0', { problem: '"0" is a blocked value, never an identity' }],
    ['loyaltyId', 'unKNOWN', { problem: '"unKNOWN" is a blocked value, never an identity' }],
    ['Email', 'Anonymous', { problem: '"anonymous" is a blocked value, never an identity' }],
    ['CRMID', '00', { id: '00' }],
    ['CRMID', 'null-1', { id: 'null-1' }],
    ['CRMID', 'not null', { id: 'not null' }],
  ])('checks the %s value %j', (code, value, expected) => {
    expect(check(code, value)).toEqual(expected);
  });

  it.each<[string, string, string, CheckedIdentityValue]>([
    ['1024 characters', 'CRMID', 'a'.repeat(1024), { id: 'a'.repeat(1024) }],
    ['1024 characters after trimming', 'CRMID', ` ${'a'.repeat(1024)} `, { id: 'a'.repeat(1024) }],
    ['1025 characters', 'CRMID', 'a'.repeat(1025), { problem: TOO_LONG }],
    ['a 1025-character email', 'Email', `${'A'.repeat(1016)}@x.com.uk`, { problem: TOO_LONG }],
  ])('checks a value of %s', (_, code, value, expected) => {
    expect(check(code, value)).toEqual(expected);
  });

  it('compares blocked values trimmed and case-insensitively on both sides', () => {
    const blocked = blockedValueSet([' Guest ', 'N/A']);
    expect(check('CRMID', 'GUEST', 'PROFILE', blocked)).toEqual({
      problem: '"GUEST" is a blocked value, never an identity',
    });
    expect(check('CRMID', ' n/a ', 'PROFILE', blocked)).toEqual({
      problem: '"n/a" is a blocked value, never an identity',
    });
    expect(check('CRMID', 'null', 'PROFILE', blocked)).toEqual({ id: 'null' });
    expect(check('CRMID', 'guest', 'PROFILE', blockedValueSet([]))).toEqual({ id: 'guest' });
  });

  it.each<[string, SchemaClass, CheckedIdentityValue]>([
    ['B2BAccount', 'ACCOUNT', { id: 'acc-1' }],
    ['Partner_Org', 'ACCOUNT', { id: 'acc-1' }],
    [
      'B2BAccount',
      'PROFILE',
      {
        problem:
          '"B2BAccount" is an ORGANIZATION namespace: account identities never join person graphs',
      },
    ],
    [
      'Partner_Org',
      'EXPERIENCE_EVENT',
      {
        problem:
          '"Partner_Org" is an ORGANIZATION namespace: account identities never join person graphs',
      },
    ],
    [
      'Email',
      'ACCOUNT',
      { problem: 'account records are keyed by ORGANIZATION identities; "Email" is EMAIL' },
    ],
    [
      'loyaltyId',
      'ACCOUNT',
      { problem: 'account records are keyed by ORGANIZATION identities; "loyaltyId" is PERSON' },
    ],
    ['CRMID', 'PROFILE', { id: 'acc-1' }],
    ['CRMID', 'EXPERIENCE_EVENT', { id: 'acc-1' }],
  ])('checks a %s identity in a %s record', (code, schemaClass, expected) => {
    expect(check(code, ' acc-1 ', schemaClass)).toEqual(expected);
  });

  it('names the namespace mismatch before any problem of the value', () => {
    expect(check('B2BAccount', 'null', 'PROFILE')).toEqual({
      problem:
        '"B2BAccount" is an ORGANIZATION namespace: account identities never join person graphs',
    });
  });
});
