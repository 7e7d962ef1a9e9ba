import { namespaceKey } from '../../../../src/domain/catalog/checkNamespaceInput';
import { STANDARD_NAMESPACES } from '../../../../src/domain/catalog/standardNamespaces';
import type {
  IdentityNamespace,
  SchemaField,
  XdmSchema,
} from '../../../../src/domain/catalog/types';
import type { FieldType, SchemaClass } from '../../../../src/domain/enumValues';

const CREATED = new Date('2024-01-01T00:00:00.000Z');

/** A schema field with the defaults a declaration without extras gets. */
export const field = (
  path: string,
  type: FieldType,
  extra: Partial<Omit<SchemaField, 'path' | 'type'>> = {},
): SchemaField => ({ path, type, itemType: null, required: false, description: null, ...extra });

/** `path:TYPE`, or `path:ARRAY<ITEM>`: a compact view of a field list. */
export const shape = (fields: readonly SchemaField[]): string[] =>
  fields.map((f) =>
    f.itemType === null ? `${f.path}:${f.type}` : `${f.path}:${f.type}<${f.itemType}>`,
  );

export const makeSchema = (
  id: string,
  schemaClass: SchemaClass,
  fields: SchemaField[],
  extra: Partial<Omit<XdmSchema, 'id' | 'class' | 'fields'>> = {},
): XdmSchema => ({
  id,
  name: `schema-${id}`,
  class: schemaClass,
  version: 1,
  fields,
  identityDescriptors: [],
  relationships: [],
  profileEnabled: true,
  createdAt: CREATED,
  updatedAt: CREATED,
  ...extra,
});

/** The standard namespaces plus one custom PERSON and one custom ORGANIZATION namespace. */
export const NAMESPACES: readonly IdentityNamespace[] = [
  ...STANDARD_NAMESPACES.map((n) => ({ ...n, custom: false, createdAt: CREATED })),
  {
    code: 'loyaltyId',
    name: 'Loyalty id',
    description: null,
    type: 'PERSON',
    custom: true,
    createdAt: CREATED,
  },
  {
    code: 'Partner_Org',
    name: 'Partner organization',
    description: null,
    type: 'ORGANIZATION',
    custom: true,
    createdAt: CREATED,
  },
];

/** Looks a namespace up case-insensitively, as the catalog does. */
export const findNamespace = (code: string): IdentityNamespace | undefined =>
  NAMESPACES.find((n) => namespaceKey(n.code) === namespaceKey(code));
