import { Ajv } from 'ajv';
import type { XdmSchema } from '../catalog/types';
import { isCalendarDate, parseDateTime } from './parseDateTime';
import { type RecordJsonSchema, type RecordShape, recordJsonSchema } from './recordJsonSchema';
import type { RecordError } from './RecordError';
import { validateRecord } from './validateRecord';

/** Checks one record against one schema version; an empty list means it is valid. */
export type RecordValidator = (record: unknown) => RecordError[];

type SchemaVersion = Pick<XdmSchema, 'id' | 'version' | 'fields'>;

interface Entry {
  version: number;
  jsonSchema: RecordJsonSchema;
  validator: RecordValidator;
}

/**
 * Compiled validators, one per schema id and shape: compiling costs far more than validating,
 * so it happens once per schema version. A new version replaces the old one, and beyond
 * `capacity` entries the least recently used goes, so the cache never grows without bound.
 */
export class RecordValidators {
  private readonly ajv = createAjv();
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity = 1000) {}

  get size(): number {
    return this.entries.size;
  }

  /** Full records (CREATE). */
  forSchema(schema: SchemaVersion): RecordValidator {
    return this.validator(schema, 'RECORD');
  }

  /** MERGE patches: required fields may be left out (except in array items). */
  forPatch(schema: SchemaVersion): RecordValidator {
    return this.validator(schema, 'PATCH');
  }

  private validator(schema: SchemaVersion, shape: RecordShape): RecordValidator {
    const key = `${shape}:${schema.id}`;
    let entry = this.entries.get(key);
    this.entries.delete(key); // set again below, as the most recently used
    if (entry?.version !== schema.version) {
      if (entry !== undefined) this.ajv.removeSchema(entry.jsonSchema);
      entry = this.compile(schema, shape);
    }
    this.entries.set(key, entry);
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= this.capacity) break;
      this.entries.delete(oldKey);
      this.ajv.removeSchema(old.jsonSchema);
    }
    return entry.validator;
  }

  private compile(schema: SchemaVersion, shape: RecordShape): Entry {
    const jsonSchema = recordJsonSchema(schema.fields, shape);
    const validate = this.ajv.compile(jsonSchema);
    return {
      version: schema.version,
      jsonSchema,
      validator: (record) => validateRecord(validate, record),
    };
  }
}

function createAjv(): Ajv {
  // verbose: errors carry the failing schema (its xdmType) and data (its JSON type).
  const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true });
  ajv.addKeyword({ keyword: 'xdmType', schemaType: 'string' });
  ajv.addFormat('date', { type: 'string', validate: isCalendarDate });
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (value) => parseDateTime(value) !== undefined,
  });
  return ajv;
}
