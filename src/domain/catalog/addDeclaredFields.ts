import { Issues } from '../Issues';
import type { SchemaClass } from '../enumValues';
import { canHoldFields, describeFieldType, sameFieldType } from './describeFieldType';
import { fieldPathProblem, parentPaths, sortByPath } from './fieldPath';
import { IDENTITY_MAP, implicitFields } from './implicitFields';
import type { SchemaField, SchemaFieldInput } from './types';

export const MAX_FIELDS = 1000;

/**
 * Adds declared fields to a schema's field list (SEMANTICS §1): parents are implied as objects,
 * a path never changes type, and re-declaring a path with the same type changes nothing.
 * `base` is the current list, or undefined for a new schema of `schemaClass`.
 * Throws BAD_USER_INPUT naming every bad field (`<prefix>[i].…`).
 */
export function addDeclaredFields(
  schemaClass: SchemaClass,
  base: readonly SchemaField[] | undefined,
  declared: readonly SchemaFieldInput[],
  prefix: string,
): SchemaField[] {
  const issues = new Issues();
  const byPath = new Map((base ?? implicitFields(schemaClass)).map((f) => [f.path, f]));
  const seen = new Set<string>();
  const usable = declared.flatMap((input, i) => {
    const at = `${prefix}[${i}]`;
    if (!checkDeclaredField(issues, at, input)) return [];
    if (seen.has(input.path)) issues.add(`${at}.path`, `"${input.path}" is declared twice`);
    seen.add(input.path);
    return [{ field: toField(input), at }];
  });
  // Parents before children, so a declared parent is never mistaken for an implied one.
  for (const { field, at } of usable.sort((a, b) => depth(a.field) - depth(b.field))) {
    addWithParents(byPath, field, issues, at);
  }
  if (byPath.size > MAX_FIELDS) issues.add(prefix, `a schema holds at most ${MAX_FIELDS} fields`);
  issues.throwIfAny();
  return sortByPath([...byPath.values()]);
}

const depth = (field: SchemaField): number => field.path.split('.').length;

function checkDeclaredField(issues: Issues, at: string, input: SchemaFieldInput): boolean {
  const problems: [string, string][] = [];
  const pathProblem = fieldPathProblem(input.path);
  if (pathProblem !== undefined) problems.push([`${at}.path`, pathProblem]);
  else if (input.path === IDENTITY_MAP || input.path.startsWith(`${IDENTITY_MAP}.`)) {
    problems.push([`${at}.path`, `"${IDENTITY_MAP}" is reserved for the record's identities`]);
  }
  const itemType = input.itemType ?? null;
  if (input.type === 'ARRAY' && itemType === null) {
    problems.push([`${at}.itemType`, 'is required for ARRAY fields']);
  }
  if (input.type !== 'ARRAY' && itemType !== null) {
    problems.push([`${at}.itemType`, 'is only allowed on ARRAY fields']);
  }
  if ((input.description?.length ?? 0) > 1024) {
    problems.push([`${at}.description`, 'must be at most 1024 characters']);
  }
  for (const [field, message] of problems) issues.add(field, message);
  return problems.length === 0;
}

function addWithParents(
  byPath: Map<string, SchemaField>,
  field: SchemaField,
  issues: Issues,
  at: string,
): void {
  for (const parent of parentPaths(field.path)) {
    const existing = byPath.get(parent);
    if (existing === undefined) byPath.set(parent, impliedObject(parent));
    else if (!canHoldFields(existing)) {
      issues.add(
        `${at}.path`,
        `"${parent}" is ${describeFieldType(existing)} and cannot hold fields`,
      );
      return;
    }
  }
  const existing = byPath.get(field.path);
  if (existing === undefined) byPath.set(field.path, field);
  else if (!sameFieldType(existing, field)) {
    issues.add(
      `${at}.type`,
      `"${field.path}" is already ${describeFieldType(existing)}; a field is never retyped`,
    );
  }
}

const impliedObject = (path: string): SchemaField => ({
  path,
  type: 'OBJECT',
  itemType: null,
  required: false,
  description: null,
});

const toField = (input: SchemaFieldInput): SchemaField => ({
  path: input.path,
  type: input.type,
  itemType: input.itemType ?? null,
  required: input.required ?? false,
  description: input.description ?? null,
});
