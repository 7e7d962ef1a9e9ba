import { registerEnumType } from 'type-graphql';
import { FIELD_TYPES, IDENTITY_TYPES, SCHEMA_CLASSES } from '../domain/enumValues';

/** type-graphql takes enums as objects; the domain keeps them as lists of literals. */
export const asEnum = <T extends string>(values: readonly T[]): { [K in T]: K } =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const SchemaClassEnum = asEnum(SCHEMA_CLASSES);
registerEnumType(SchemaClassEnum, { name: 'SchemaClass' });

export const IdentityTypeEnum = asEnum(IDENTITY_TYPES);
registerEnumType(IdentityTypeEnum, { name: 'IdentityType' });

export const FieldTypeEnum = asEnum(FIELD_TYPES);
registerEnumType(FieldTypeEnum, { name: 'FieldType' });
