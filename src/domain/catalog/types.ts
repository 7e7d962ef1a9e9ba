import type { FieldType, IdentityType, SchemaClass } from '../enumValues';

export interface IdentityNamespace {
  code: string;
  name: string;
  description: string | null;
  type: IdentityType;
  custom: boolean;
  createdAt: Date;
}

export interface SchemaField {
  /** Dot path, e.g. `person.name.firstName`. */
  path: string;
  type: FieldType;
  /** Item type of an ARRAY field; null otherwise. */
  itemType: FieldType | null;
  required: boolean;
  description: string | null;
}

export interface IdentityDescriptor {
  path: string;
  namespace: string;
  primary: boolean;
}

export interface RelationshipDescriptor {
  path: string;
  namespace: string;
}

export interface XdmSchema {
  id: string;
  name: string;
  class: SchemaClass;
  version: number;
  /** Every field: declared ones, implied parent objects and the class's implicit fields. */
  fields: SchemaField[];
  identityDescriptors: IdentityDescriptor[];
  relationships: RelationshipDescriptor[];
  profileEnabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface DatasetFlags {
  profileEnabled: boolean;
  identityEnabled: boolean;
  upsertEnabled: boolean;
  eventTtlDays: number | null;
}

export interface Dataset extends DatasetFlags {
  id: string;
  name: string;
  schemaId: string;
  createdAt: Date;
}

/** A field as a user declares it: `required` and `description` may be left out. */
export interface SchemaFieldInput {
  path: string;
  type: FieldType;
  itemType?: FieldType | null;
  required?: boolean | null;
  description?: string | null;
}
