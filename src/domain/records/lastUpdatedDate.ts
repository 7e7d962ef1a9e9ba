import { LAST_UPDATED_DATE } from '../catalog/implicitFields';
import { parseDateTime } from './parseDateTime';
import { valueAtPath } from './valueAtPath';

/**
 * SEMANTICS §2 (ordering): when the source last changed the record, as epoch milliseconds;
 * undefined when absent or unparseable (validation reports a bad value, this only reads).
 */
export const lastUpdatedDate = (record: Record<string, unknown>): number | undefined =>
  parseDateTime(valueAtPath(record, LAST_UPDATED_DATE));
