import type { SchemaField } from './types';

/** `STRING`, or `ARRAY<STRING>` for arrays: how errors name a field's type. */
export const describeFieldType = (field: Pick<SchemaField, 'type' | 'itemType'>): string =>
  field.type === 'ARRAY' ? `ARRAY<${field.itemType ?? 'ANY'}>` : field.type;

/** Two definitions of one path agree when type and item type agree. */
export const sameFieldType = (
  a: Pick<SchemaField, 'type' | 'itemType'>,
  b: Pick<SchemaField, 'type' | 'itemType'>,
): boolean => a.type === b.type && (a.itemType ?? null) === (b.itemType ?? null);

/** Objects, and arrays of objects, may hold fields. */
export const canHoldFields = (field: Pick<SchemaField, 'type' | 'itemType'>): boolean =>
  field.type === 'OBJECT' || (field.type === 'ARRAY' && field.itemType === 'OBJECT');
