import { Issues } from '../Issues';
import { describeFieldType } from './describeFieldType';
import { parentPaths } from './fieldPath';
import type { SchemaClass } from '../enumValues';
import type {
  IdentityDescriptor,
  IdentityNamespace,
  RelationshipDescriptor,
  SchemaField,
} from './types';

export interface DescriptorInputs {
  identityDescriptors: readonly { path: string; namespace: string; primary?: boolean | null }[];
  relationships: readonly RelationshipDescriptor[];
}

export interface Descriptors {
  identityDescriptors: IdentityDescriptor[];
  relationships: RelationshipDescriptor[];
}

type FindNamespace = (code: string) => IdentityNamespace | undefined;

/**
 * SEMANTICS §1 and §8: a descriptor marks a STRING field as an identity of an existing
 * namespace, at most one is primary; account schemas are keyed by ORGANIZATION identities,
 * person and event schemas never are (they relate to accounts with relationship descriptors,
 * which only PROFILE schemas have). Namespace codes are returned as the catalog spells them.
 */
export function checkDescriptors(
  schemaClass: SchemaClass,
  fields: readonly SchemaField[],
  inputs: DescriptorInputs,
  findNamespace: FindNamespace,
  prefix: string,
): Descriptors {
  const issues = new Issues();
  const byPath = new Map(fields.map((f) => [f.path, f]));
  const identityDescriptors = checkIdentityDescriptors(
    { schemaClass, byPath, findNamespace, issues },
    inputs.identityDescriptors,
    `${prefix}.identityDescriptors`,
  );
  const taken = new Set(identityDescriptors.map((d) => d.path));
  const relationships = checkRelationships(
    { schemaClass, byPath, findNamespace, issues },
    inputs.relationships,
    taken,
    `${prefix}.relationships`,
  );
  issues.throwIfAny();
  return { identityDescriptors, relationships };
}

interface Checking {
  schemaClass: SchemaClass;
  byPath: Map<string, SchemaField>;
  findNamespace: FindNamespace;
  issues: Issues;
}

function checkIdentityDescriptors(
  c: Checking,
  inputs: DescriptorInputs['identityDescriptors'],
  prefix: string,
): IdentityDescriptor[] {
  const result: IdentityDescriptor[] = [];
  let primaryAt: string | undefined;
  inputs.forEach((input, i) => {
    const at = `${prefix}[${i}]`;
    const pathOk = checkPath(
      c,
      at,
      input.path,
      false,
      result.map((d) => d.path),
    );
    const ns = checkNamespace(c, at, input.namespace);
    if (ns !== undefined && (ns.type === 'ORGANIZATION') !== (c.schemaClass === 'ACCOUNT')) {
      c.issues.add(`${at}.namespace`, organizationMismatch(c.schemaClass, ns));
    }
    const primary = input.primary ?? false;
    if (primary && primaryAt !== undefined) {
      c.issues.add(`${at}.primary`, `only one descriptor may be primary (${primaryAt} already is)`);
    }
    if (primary) primaryAt ??= at;
    if (pathOk && ns !== undefined) result.push({ path: input.path, namespace: ns.code, primary });
  });
  return result;
}

function organizationMismatch(schemaClass: SchemaClass, ns: IdentityNamespace): string {
  if (schemaClass === 'ACCOUNT') {
    return `account schemas are keyed by ORGANIZATION identities; "${ns.code}" is ${ns.type}`;
  }
  if (schemaClass === 'EXPERIENCE_EVENT') {
    return `"${ns.code}" is an ORGANIZATION namespace: it keys account records, not events`;
  }
  return `"${ns.code}" is an ORGANIZATION namespace: relate people to accounts with a relationship descriptor`;
}

function checkRelationships(
  c: Checking,
  inputs: readonly RelationshipDescriptor[],
  taken: Set<string>,
  prefix: string,
): RelationshipDescriptor[] {
  if (inputs.length > 0 && c.schemaClass !== 'PROFILE') {
    c.issues.add(prefix, 'only PROFILE schemas relate people to accounts');
    return [];
  }
  const result: RelationshipDescriptor[] = [];
  inputs.forEach((input, i) => {
    const at = `${prefix}[${i}]`;
    const pathOk = checkPath(c, at, input.path, true, [...taken, ...result.map((r) => r.path)]);
    const ns = checkNamespace(c, at, input.namespace);
    if (ns !== undefined && ns.type !== 'ORGANIZATION') {
      c.issues.add(
        `${at}.namespace`,
        `must be an ORGANIZATION namespace; "${ns.code}" is ${ns.type}`,
      );
    }
    if (pathOk && ns?.type === 'ORGANIZATION')
      result.push({ path: input.path, namespace: ns.code });
  });
  return result;
}

function checkPath(
  c: Checking,
  at: string,
  path: string,
  allowStringArray: boolean,
  usedPaths: readonly string[],
): boolean {
  const field = c.byPath.get(path);
  const isString =
    field?.type === 'STRING' ||
    (allowStringArray && field?.type === 'ARRAY' && field.itemType === 'STRING');
  if (field === undefined) c.issues.add(`${at}.path`, `"${path}" is not a field of the schema`);
  else if (!isString) {
    const expected = allowStringArray ? 'a STRING or ARRAY<STRING> field' : 'a STRING field';
    c.issues.add(`${at}.path`, `"${path}" is ${describeFieldType(field)}; it must be ${expected}`);
  } else if (usedPaths.includes(path)) {
    c.issues.add(`${at}.path`, `"${path}" already has a descriptor`);
  } else if (parentPaths(path).some((p) => c.byPath.get(p)?.type === 'ARRAY')) {
    // One record, one value: a field inside array items has as many values as items.
    c.issues.add(
      `${at}.path`,
      `"${path}" is inside an array; a descriptor names one value per record`,
    );
  } else return true;
  return false;
}

function checkNamespace(c: Checking, at: string, code: string): IdentityNamespace | undefined {
  const ns = c.findNamespace(code);
  if (ns === undefined) c.issues.add(`${at}.namespace`, `there is no identity namespace "${code}"`);
  return ns;
}
