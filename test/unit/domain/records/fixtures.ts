import { namespaceKey } from '../../../../src/domain/catalog/checkNamespaceInput';
import type { IdentityNamespace } from '../../../../src/domain/catalog/types';
import type { Identity } from '../../../../src/domain/identity/Identity';
import {
  DEFAULT_IDENTITY_SETTINGS,
  type IdentitySettings,
} from '../../../../src/domain/identity/IdentitySettings';
import { NAMESPACES } from '../catalog/fixtures';

/** The catalog fixtures' namespaces, keyed as extractIdentities expects: lower-cased code. */
export const NAMESPACES_BY_KEY: ReadonlyMap<string, IdentityNamespace> = new Map(
  NAMESPACES.map((n) => [namespaceKey(n.code), n]),
);

export const namespace = (code: string): IdentityNamespace => {
  const found = NAMESPACES_BY_KEY.get(namespaceKey(code));
  if (found === undefined) throw new Error(`no namespace ${code} in the fixtures`);
  return found;
};

/** The default settings, as fresh arrays, with some replaced. */
export const settings = (extra: Partial<IdentitySettings> = {}): IdentitySettings => ({
  maxGraphSize: DEFAULT_IDENTITY_SETTINGS.maxGraphSize,
  uniqueNamespaces: [...DEFAULT_IDENTITY_SETTINGS.uniqueNamespaces],
  namespacePriority: [...DEFAULT_IDENTITY_SETTINGS.namespacePriority],
  blockedValues: [...DEFAULT_IDENTITY_SETTINGS.blockedValues],
  ...extra,
});

export const identity = (namespace: string, id: string): Identity => ({ namespace, id });

/** Exactly 38 digits: a valid ECID. */
export const ECID_1 = '12345678901234567890123456789012345678';
export const ECID_2 = '98765432109876543210987654321098765432';
