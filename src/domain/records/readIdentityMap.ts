import { IDENTITY_MAP } from '../catalog/implicitFields';
import { isPlainObject, jsonTypeOf } from './jsonTypeOf';
import { type RecordError, recordError } from './RecordError';

/** One well-formed `{ id, primary }` of an identityMap, and where it was. */
export interface IdentityMapEntry {
  /** The namespace as the record spells it. */
  key: string;
  id: string;
  primary: boolean;
  /** `identityMap.<key>[i].id` */
  path: string;
}

export interface IdentityMapContents {
  entries: IdentityMapEntry[];
  errors: RecordError[];
}

/**
 * SEMANTICS §1: `identityMap` is `{ "<namespace>": [{ "id": "...", "primary": true|false }] }`;
 * anything else is a SCHEMA_VALIDATION error at the offending path (the validator treats
 * identityMap as any object and leaves its shape to this). Absent or null holds nothing;
 * `primary` may be left out or null (false); other item properties are ignored.
 */
export function readIdentityMap(identityMap: unknown): IdentityMapContents {
  const contents: IdentityMapContents = { entries: [], errors: [] };
  if (identityMap === undefined || identityMap === null) return contents;
  if (!isPlainObject(identityMap)) {
    contents.errors.push(
      shapeError(IDENTITY_MAP, 'an object of arrays of { id, primary }', identityMap),
    );
    return contents;
  }
  for (const [key, list] of Object.entries(identityMap)) {
    const at = `${IDENTITY_MAP}.${key}`;
    if (!Array.isArray(list)) {
      contents.errors.push(shapeError(at, 'an array of { id, primary }', list));
      continue;
    }
    list.forEach((item: unknown, i) => {
      readItem(contents, key, `${at}[${i}]`, item);
    });
  }
  return contents;
}

function readItem(contents: IdentityMapContents, key: string, at: string, item: unknown): void {
  if (!isPlainObject(item)) {
    contents.errors.push(shapeError(at, 'an object { id, primary }', item));
    return;
  }
  const { id, primary = null } = item;
  const idOk = typeof id === 'string';
  const primaryOk = primary === null || typeof primary === 'boolean';
  if (id === undefined) {
    contents.errors.push(recordError('SCHEMA_VALIDATION', 'is required', `${at}.id`));
  } else if (!idOk) contents.errors.push(shapeError(`${at}.id`, 'a string', id));
  if (!primaryOk) contents.errors.push(shapeError(`${at}.primary`, 'a boolean', primary));
  if (idOk && primaryOk) {
    contents.entries.push({ key, id, primary: primary === true, path: `${at}.id` });
  }
}

const shapeError = (path: string, expected: string, value: unknown): RecordError =>
  recordError('SCHEMA_VALIDATION', `must be ${expected}, got ${jsonTypeOf(value)}`, path);
