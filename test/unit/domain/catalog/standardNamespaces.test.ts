import {
  checkNamespaceInput,
  namespaceKey,
} from '../../../../src/domain/catalog/checkNamespaceInput';
import { STANDARD_NAMESPACES } from '../../../../src/domain/catalog/standardNamespaces';

describe('STANDARD_NAMESPACES', () => {
  it('seeds exactly the documented codes with their identity types', () => {
    expect(STANDARD_NAMESPACES.map((n) => `${n.code}:${n.type}`)).toEqual([
      'ECID:COOKIE',
      'Email:EMAIL',
      'Phone:PHONE',
      'CRMID:PERSON',
      'GAID:DEVICE',
      'IDFA:DEVICE',
      'AAID:COOKIE',
      'B2BAccount:ORGANIZATION',
    ]);
  });

  it.each(STANDARD_NAMESPACES.map((n) => [n.code, n] as const))(
    'seeds %s with a code, name and description a user could also have given',
    (_code, ns) => {
      expect(() => {
        checkNamespaceInput(ns, 'standard');
      }).not.toThrow();
    },
  );

  it('has codes that are unique regardless of case', () => {
    const keys = STANDARD_NAMESPACES.map((n) => namespaceKey(n.code));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
