import {
  checkNamespaceInput,
  namespaceKey,
  type NamespaceInput,
} from '../../../../src/domain/catalog/checkNamespaceInput';
import { expectBadInput, type ExpectedIssue } from '../expectBadInput';

const valid: NamespaceInput = { code: 'loyaltyId', name: 'Loyalty id' };

describe('checkNamespaceInput', () => {
  it.each<[string, Partial<NamespaceInput>]>([
    ['a one-letter code', { code: 'a' }],
    ['an upper-case code', { code: 'ECID' }],
    ['a code with digits and underscores', { code: 'Loyalty_Id_2' }],
    ['a code ending in an underscore', { code: 'x_' }],
    ['a code of 64 characters', { code: `L${'o'.repeat(63)}` }],
    ['a name of one character', { name: 'L' }],
    ['a name of 256 characters', { name: 'n'.repeat(256) }],
    ['a name with surrounding spaces', { name: '  Loyalty  ' }],
    ['a null description', { description: null }],
    ['an empty description', { description: '' }],
    ['a blank description', { description: '   ' }],
    ['a description of 1024 characters', { description: 'd'.repeat(1024) }],
  ])('accepts %s', (_name, change) => {
    expect(() => {
      checkNamespaceInput({ ...valid, ...change }, 'input');
    }).not.toThrow();
  });

  it.each(['', '1abc', '_abc', 'loyalty-id', 'loyalty id', 'loyalty.id', 'Émail', 'abc\n', ' abc'])(
    'rejects the code %j',
    (code) => {
      expectBadInput(() => {
        checkNamespaceInput({ ...valid, code }, 'input');
      }, [['input.code', `"${code}" is not a valid namespace code: start with a letter`]]);
    },
  );

  it('rejects a code of 65 characters', () => {
    expectBadInput(() => {
      checkNamespaceInput({ ...valid, code: `L${'o'.repeat(64)}` }, 'input');
    }, [['input.code', 'then up to 63 letters, digits or "_"']]);
  });

  it.each<[string, Partial<NamespaceInput>, ExpectedIssue[]]>([
    ['an empty name', { name: '' }, [['input.name', 'must not be blank']]],
    ['a blank name', { name: ' \t ' }, [['input.name', 'must not be blank']]],
    [
      'a name of 257 characters',
      { name: 'n'.repeat(257) },
      [['input.name', 'at most 256 characters']],
    ],
    [
      'a blank name of 300 characters',
      { name: ' '.repeat(300) },
      [
        ['input.name', 'must not be blank'],
        ['input.name', 'must be at most 256 characters'],
      ],
    ],
    [
      'a description of 1025 characters',
      { description: 'd'.repeat(1025) },
      [['input.description', 'must be at most 1024 characters']],
    ],
    [
      'every problem at once',
      { code: '9', name: '', description: 'd'.repeat(1025) },
      [
        ['input.code', '"9" is not a valid namespace code'],
        ['input.name', 'must not be blank'],
        ['input.description', 'must be at most 1024 characters'],
      ],
    ],
  ])('rejects %s', (_name, change, issues) => {
    expectBadInput(() => {
      checkNamespaceInput({ ...valid, ...change }, 'input');
    }, issues);
  });

  it('names problems after the prefix it is given', () => {
    expectBadInput(() => {
      checkNamespaceInput({ ...valid, code: '-' }, 'namespace');
    }, [['namespace.code', '"-" is not a valid namespace code']]);
  });
});

describe('namespaceKey', () => {
  it.each([
    ['ECID', 'ecid'],
    ['Email', 'email'],
    ['loyalty_ID_2', 'loyalty_id_2'],
  ])('keys %s as %s', (code, key) => {
    expect(namespaceKey(code)).toBe(key);
  });

  it('gives codes that differ only in case the same key', () => {
    expect(namespaceKey('B2BAccount')).toBe(namespaceKey('b2bACCOUNT'));
    expect(namespaceKey('Email')).not.toBe(namespaceKey('Emails'));
  });
});
