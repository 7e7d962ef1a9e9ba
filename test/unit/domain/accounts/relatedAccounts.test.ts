import { relatedAccounts } from '../../../../src/domain/accounts/relatedAccounts';
import type { RelationshipDescriptor } from '../../../../src/domain/catalog/types';
import { DEFAULT_IDENTITY_SETTINGS } from '../../../../src/domain/identity/IdentitySettings';
import { blockedValueSet } from '../../../../src/domain/records/checkIdentityValue';
import { NAMESPACES_BY_KEY } from '../records/fixtures';

const BLOCKED = blockedValueSet(DEFAULT_IDENTITY_SETTINGS.blockedValues);
const ACCOUNT: RelationshipDescriptor = { path: 'b2b.accountKey', namespace: 'B2BAccount' };
const PARTNERS: RelationshipDescriptor = { path: 'b2b.partners', namespace: 'Partner_Org' };
const b2b = (id: string) => `B2BAccount\u001f${id}`;
const partner = (id: string) => `Partner_Org\u001f${id}`;

const related = (
  attributes: unknown,
  descriptors: readonly RelationshipDescriptor[] = [ACCOUNT],
): string[] => relatedAccounts(attributes, descriptors, NAMESPACES_BY_KEY, BLOCKED);

describe('relatedAccounts', () => {
  it.each<[string, unknown, string[]]>([
    ['a string', { b2b: { accountKey: 'acme' } }, [b2b('acme')]],
    [
      'an array of strings',
      { b2b: { accountKey: ['acme', 'globex'] } },
      [b2b('acme'), b2b('globex')],
    ],
    [
      'an array, its other items skipped',
      { b2b: { accountKey: ['acme', 7, null, {}] } },
      [b2b('acme')],
    ],
    [
      'an array holding one value twice',
      { b2b: { accountKey: ['acme', ' acme '] } },
      [b2b('acme')],
    ],
    ['an empty array', { b2b: { accountKey: [] } }, []],
    ['no such field', { b2b: {} }, []],
    ['no parent object', { person: { age: 3 } }, []],
    ['a parent that is not an object', { b2b: 'acme' }, []],
    ['no attributes at all', {}, []],
    ['a number', { b2b: { accountKey: 42 } }, []],
    ['a boolean', { b2b: { accountKey: true } }, []],
    ['null', { b2b: { accountKey: null } }, []],
    ['an object', { b2b: { accountKey: { id: 'acme' } } }, []],
    // Read as an account record's identity: trimmed, case kept, empty and blocked values dropped.
    ['a value with spaces', { b2b: { accountKey: '  acme\t' } }, [b2b('acme')]],
    ['a value in mixed case', { b2b: { accountKey: 'AcMe' } }, [b2b('AcMe')]],
    ['an empty value', { b2b: { accountKey: '   ' } }, []],
    ['a blocked value', { b2b: { accountKey: 'Unknown' } }, []],
    ['an over-long value', { b2b: { accountKey: 'x'.repeat(1025) } }, []],
  ])('relates %s', (_, attributes, expected) => {
    expect(related(attributes)).toEqual(expected);
  });

  it('spells the namespace as the catalog does, whatever the descriptor says', () => {
    const lower = { path: 'b2b.accountKey', namespace: 'b2baccount' };
    expect(related({ b2b: { accountKey: 'acme' } }, [lower])).toEqual([b2b('acme')]);
  });

  it('relates through several descriptors, in their order, without duplicates', () => {
    const attributes = { b2b: { accountKey: 'acme', partners: ['initech', 'acme'] } };
    expect(related(attributes, [ACCOUNT, PARTNERS])).toEqual([
      b2b('acme'),
      partner('initech'),
      partner('acme'),
    ]);
    expect(related(attributes, [PARTNERS, ACCOUNT])).toEqual([
      partner('initech'),
      partner('acme'),
      b2b('acme'),
    ]);
  });

  it('ignores descriptors of unknown or person namespaces (never stored, but harmless)', () => {
    const attributes = { b2b: { accountKey: 'acme' } };
    expect(related(attributes, [{ path: 'b2b.accountKey', namespace: 'Nope' }])).toEqual([]);
    expect(related(attributes, [{ path: 'b2b.accountKey', namespace: 'CRMID' }])).toEqual([]);
  });

  it('relates nowhere without descriptors or attributes', () => {
    expect(related({ b2b: { accountKey: 'acme' } }, [])).toEqual([]);
    expect(related(undefined)).toEqual([]);
    expect(related(['acme'])).toEqual([]);
  });
});
