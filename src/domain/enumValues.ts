export const SCHEMA_CLASSES = ['PROFILE', 'EXPERIENCE_EVENT', 'ACCOUNT'] as const;
export type SchemaClass = (typeof SCHEMA_CLASSES)[number];

export const IDENTITY_TYPES = [
  'PERSON',
  'EMAIL',
  'PHONE',
  'DEVICE',
  'COOKIE',
  'PARTNER',
  'ORGANIZATION',
] as const;
export type IdentityType = (typeof IDENTITY_TYPES)[number];

export const FIELD_TYPES = [
  'STRING',
  'NUMBER',
  'INTEGER',
  'BOOLEAN',
  'DATE',
  'DATE_TIME',
  'OBJECT',
  'ARRAY',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];
