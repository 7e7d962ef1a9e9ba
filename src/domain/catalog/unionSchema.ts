import { describeFieldType, sameFieldType } from './describeFieldType';
import { sortByPath } from './fieldPath';
import { IDENTITY_MAP_FIELD } from './implicitFields';
import type { SchemaField, XdmSchema } from './types';

export interface UnionConflict {
  path: string;
  /** The schema being enabled or extended. */
  schema: Pick<XdmSchema, 'name'>;
  /** The profile-enabled schema that already defines `path` differently. */
  other: Pick<XdmSchema, 'name'>;
  type: string;
  otherType: string;
}

/**
 * SEMANTICS §1: two profile-enabled schemas of one class may not define one path with
 * different types. Returns the first clash of `fields` (of `schema`) with `enabled`.
 */
export function findUnionConflict(
  schema: Pick<XdmSchema, 'id' | 'name'>,
  fields: readonly SchemaField[],
  enabled: readonly XdmSchema[],
): UnionConflict | undefined {
  for (const other of enabled) {
    if (other.id === schema.id) continue;
    const theirs = new Map(other.fields.map((f) => [f.path, f]));
    for (const field of fields) {
      const their = theirs.get(field.path);
      if (their !== undefined && !sameFieldType(field, their)) {
        return {
          path: field.path,
          schema,
          other,
          type: describeFieldType(field),
          otherType: describeFieldType(their),
        };
      }
    }
  }
  return undefined;
}

export const describeUnionConflict = (c: UnionConflict): string =>
  `field "${c.path}" is ${c.type} in schema "${c.schema.name}" but ${c.otherType} in ` +
  `profile-enabled schema "${c.other.name}"; the union schema cannot hold both`;

/**
 * The union of the fields of the profile-enabled schemas of one class. A field is required in
 * the union only when every schema requires it; its description is the first one given.
 * `identityMap` is always there, even with no schema.
 */
export function unionFields(schemas: readonly XdmSchema[]): SchemaField[] {
  const byPath = new Map<string, SchemaField>([
    [IDENTITY_MAP_FIELD.path, { ...IDENTITY_MAP_FIELD }],
  ]);
  for (const schema of schemas) {
    for (const field of schema.fields) {
      const seen = byPath.get(field.path);
      byPath.set(
        field.path,
        seen === undefined
          ? { ...field }
          : { ...seen, description: seen.description ?? field.description },
      );
    }
  }
  for (const field of byPath.values()) {
    if (schemas.length === 0) continue;
    field.required = schemas.every((s) =>
      s.fields.some((f) => f.path === field.path && f.required),
    );
  }
  return sortByPath([...byPath.values()]);
}
