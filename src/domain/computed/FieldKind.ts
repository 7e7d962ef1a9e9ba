import type { FieldType } from '../enumValues';

export const FIELD_KINDS = ['number', 'date-time', 'string', 'boolean', 'object', 'array'] as const;

/**
 * What an event field holds, as aggregations need to know it (SEMANTICS §5): SUM and AVG take
 * numbers, MIN and MAX numbers or date-times, MOST_RECENT and LIST any value but an object.
 */
export type FieldKind = (typeof FIELD_KINDS)[number];

const KIND_OF_TYPE: Record<FieldType, FieldKind> = {
  STRING: 'string',
  NUMBER: 'number',
  INTEGER: 'number',
  BOOLEAN: 'boolean',
  // A calendar date has no instant, so it is text to aggregations (SEMANTICS §5 names DATE_TIME).
  DATE: 'string',
  DATE_TIME: 'date-time',
  OBJECT: 'object',
  ARRAY: 'array',
};

/** The kind of a schema field's type (SEMANTICS §1 field types). */
export const fieldKindOf = (type: FieldType): FieldKind => KIND_OF_TYPE[type];
