import type { DefinedError, ValidateFunction } from 'ajv';
import { isPlainObject, jsonTypeOf } from './jsonTypeOf';
import { type RecordError, recordError } from './RecordError';

/**
 * Checks a record against its compiled schema (see RecordValidators): SEMANTICS §1 types,
 * required and unknown fields, values never coerced. One SCHEMA_VALIDATION error per path,
 * the first ajv reports; a record that is not a JSON object is MALFORMED.
 */
export function validateRecord(validate: ValidateFunction, record: unknown): RecordError[] {
  if (!isPlainObject(record)) {
    return [recordError('MALFORMED', `a record must be a JSON object, got ${jsonTypeOf(record)}`)];
  }
  if (validate(record)) return [];
  const byPath = new Map<string, RecordError>();
  // Ajv reports only the keywords of the schemas recordJsonSchema builds.
  for (const error of (validate.errors ?? []) as DefinedError[]) {
    const [path, message] = describe(error);
    if (!byPath.has(path)) byPath.set(path, recordError('SCHEMA_VALIDATION', message, path));
  }
  return [...byPath.values()];
}

function describe(error: DefinedError): [path: string, message: string] {
  const at = dotPath(error.instancePath);
  switch (error.keyword) {
    case 'required':
      return [joinPath(at, error.params.missingProperty), 'is required'];
    case 'additionalProperties':
      return [joinPath(at, error.params.additionalProperty), 'is not a field of the schema'];
    case 'type':
      return [at, `must be ${xdmType(error)}, got ${jsonTypeOf(error.data)}`];
    default:
      // format (DATE, DATE_TIME strings) and minimum/maximum (epoch milliseconds)
      return [at, `is not a valid ${xdmType(error)}`];
  }
}

/** The type recordJsonSchema wrote into the schema that failed (ajv's `verbose` gives it). */
function xdmType(error: DefinedError): string {
  const described: unknown = error.parentSchema?.['xdmType'];
  return typeof described === 'string' ? described : 'value';
}

/** `/items/0/sku` → `items[0].sku`: field names never start with a digit, indices always do. */
function dotPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce(
      (path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : joinPath(path, segment)),
      '',
    );
}

const joinPath = (path: string, name: string): string => (path === '' ? name : `${path}.${name}`);
