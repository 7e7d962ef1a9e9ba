import { describeFieldType } from '../catalog/describeFieldType';
import type { SchemaField } from '../catalog/types';
import type { FieldType } from '../enumValues';
import { MAX_EPOCH_MILLIS } from './parseDateTime';

/** The part of JSON Schema a record schema uses, plus `xdmType`: how errors name the type. */
export interface RecordJsonSchema {
  xdmType: string;
  type: string[];
  format?: 'date' | 'date-time';
  minimum?: number;
  maximum?: number;
  properties?: Record<string, RecordJsonSchema>;
  required?: string[];
  additionalProperties?: false;
  items?: RecordJsonSchema;
}

const JSON_TYPES: Record<FieldType, string[]> = {
  STRING: ['string'],
  NUMBER: ['number'],
  INTEGER: ['integer'],
  BOOLEAN: ['boolean'],
  DATE: ['string'],
  DATE_TIME: ['string', 'integer'],
  OBJECT: ['object'],
  ARRAY: ['array'],
};

type Format = Pick<RecordJsonSchema, 'format' | 'minimum' | 'maximum'>;

const FORMATS: Partial<Record<FieldType, Format>> = {
  DATE: { format: 'date' },
  // Epoch milliseconds must be an integer a Date can hold; strings are checked by the format.
  DATE_TIME: { format: 'date-time', minimum: -MAX_EPOCH_MILLIS, maximum: MAX_EPOCH_MILLIS },
};

const EXPLAINED: Partial<Record<FieldType, string>> = {
  DATE: 'DATE (YYYY-MM-DD)',
  DATE_TIME: 'DATE_TIME (ISO-8601 with a time zone, or epoch milliseconds)',
};

/** Full records (CREATE), or patches (MERGE) whose objects may leave required fields out. */
export type RecordShape = 'RECORD' | 'PATCH';

interface Building {
  children: ReadonlyMap<string, readonly SchemaField[]>;
  shape: RecordShape;
}

const lastSegment = (path: string): string => path.slice(path.lastIndexOf('.') + 1);
const parentPath = (path: string): string => path.slice(0, Math.max(0, path.lastIndexOf('.')));

/**
 * The JSON Schema of a record (SEMANTICS §1): one property per field; an object with declared
 * fields rejects others, one without accepts anything (so does `identityMap`, which
 * extractIdentities checks); fields under an ARRAY of OBJECT describe its items. An optional
 * field may be null: absent, or removed by a MERGE (SEMANTICS §2). A PATCH need not hold
 * required fields, except inside array items: a given array replaces the old one whole.
 */
export function recordJsonSchema(
  fields: readonly SchemaField[],
  shape: RecordShape = 'RECORD',
): RecordJsonSchema {
  const children = new Map<string, SchemaField[]>();
  for (const field of fields) {
    children.set(parentPath(field.path), [...(children.get(parentPath(field.path)) ?? []), field]);
  }
  return objectSchema('OBJECT', children.get('') ?? [], { children, shape });
}

function objectSchema(
  xdmType: string,
  fields: readonly SchemaField[],
  building: Building,
): RecordJsonSchema {
  if (fields.length === 0) return { xdmType, type: ['object'] };
  const properties: Record<string, RecordJsonSchema> = {};
  for (const field of fields) {
    const own = valueSchema(field.type, field.itemType, field.path, building);
    properties[lastSegment(field.path)] = field.required
      ? own
      : { ...own, type: [...own.type, 'null'] };
  }
  const required =
    building.shape === 'PATCH'
      ? []
      : fields.filter((f) => f.required).map((f) => lastSegment(f.path));
  return {
    xdmType,
    type: ['object'],
    properties,
    ...(required.length > 0 ? { required } : {}),
    additionalProperties: false,
  };
}

/** One value of `type`; the fields under `path` describe it (an object) or its items. */
function valueSchema(
  type: FieldType,
  itemType: FieldType | null,
  path: string,
  building: Building,
): RecordJsonSchema {
  const xdmType = EXPLAINED[type] ?? describeFieldType({ type, itemType });
  if (type === 'OBJECT') return objectSchema(xdmType, building.children.get(path) ?? [], building);
  if (type === 'ARRAY' && itemType !== null) {
    // Items carry no item type of their own: an array of arrays holds arrays of anything.
    const items = valueSchema(itemType, null, path, { ...building, shape: 'RECORD' });
    return { xdmType, type: ['array'], items };
  }
  return { xdmType, type: JSON_TYPES[type], ...FORMATS[type] };
}
