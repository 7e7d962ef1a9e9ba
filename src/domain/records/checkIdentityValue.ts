import type { IdentityNamespace } from '../catalog/types';
import type { SchemaClass } from '../enumValues';

export const MAX_IDENTITY_LENGTH = 1024;
const ECID = /^\d{38}$/;

/** The normalised value, or why the value is not an identity of this record. */
export type CheckedIdentityValue = { id: string } | { problem: string };

/** Blocked values as checkIdentityValue compares them: trimmed and lower-cased. */
export const blockedValueSet = (blockedValues: readonly string[]): ReadonlySet<string> =>
  new Set(blockedValues.map((v) => v.trim().toLowerCase()));

/** SEMANTICS §1: how a value is stored and looked up: trimmed, Email lower-cased. */
export function normalizeIdentityValue(namespaceCode: string, value: string): string {
  const trimmed = value.trim();
  return namespaceCode === 'Email' ? trimmed.toLowerCase() : trimmed;
}

/**
 * SEMANTICS §1 and §3: values are trimmed, Email values lower-cased, ECIDs exactly 38 digits;
 * empty, over-long and blocked values (case-insensitive) are not identities. Account records
 * are keyed by ORGANIZATION identities only, and those never join person graphs.
 */
export function checkIdentityValue(
  namespace: IdentityNamespace,
  schemaClass: SchemaClass,
  value: string,
  blocked: ReadonlySet<string>,
): CheckedIdentityValue {
  const problem = classMismatch(namespace, schemaClass);
  if (problem !== undefined) return { problem };
  const id = normalizeIdentityValue(namespace.code, value);
  const { length } = id; // UTF-16 code units, as checkText counts
  if (length === 0) return { problem: 'is empty' };
  if (length > MAX_IDENTITY_LENGTH) {
    return {
      problem: `is ${length} characters long; an identity is at most ${MAX_IDENTITY_LENGTH}`,
    };
  }
  if (blocked.has(id.toLowerCase()))
    return { problem: `"${id}" is a blocked value, never an identity` };
  if (namespace.code === 'ECID' && !ECID.test(id)) {
    return { problem: `an ECID is exactly 38 digits; "${id}" is not` };
  }
  return { id };
}

function classMismatch(namespace: IdentityNamespace, schemaClass: SchemaClass): string | undefined {
  const isOrganization = namespace.type === 'ORGANIZATION';
  if (schemaClass === 'ACCOUNT' && !isOrganization) {
    return `account records are keyed by ORGANIZATION identities; "${namespace.code}" is ${namespace.type}`;
  }
  if (schemaClass !== 'ACCOUNT' && isOrganization) {
    return `"${namespace.code}" is an ORGANIZATION namespace: account identities never join person graphs`;
  }
  return undefined;
}
