import { namespaceKey } from '../catalog/checkNamespaceInput';
import type { Dataset, XdmSchema } from '../catalog/types';
import type { IdentityType } from '../enumValues';
import type { IdentitySettings } from '../identity/IdentitySettings';
import { checkRecordSize } from '../records/checkRecordSize';
import { extractIdentities } from '../records/extractIdentities';
import type { NamespacesByKey } from '../records/identityCandidates';
import { isPlainObject } from '../records/jsonTypeOf';
import { lastUpdatedDate } from '../records/lastUpdatedDate';
import { parseDateTime } from '../records/parseDateTime';
import { type RecordError, recordError } from '../records/RecordError';
import type { RecordValidator } from '../records/RecordValidators';
import type { PreparedRecord, RejectedRecord } from './PreparedRecord';

export type IngestOperation = 'CREATE' | 'MERGE' | 'DELETE';

/** Everything a record is checked against; the same for every record of one request. */
export interface RecordContext {
  dataset: Dataset;
  schema: XdmSchema;
  operation: IngestOperation;
  namespaces: NamespacesByKey;
  settings: IdentitySettings;
  /** Full records (CREATE). */
  validate: RecordValidator;
  /** Patches (MERGE): required fields may be absent and null removes a field. */
  validatePatch: RecordValidator;
}

/**
 * SEMANTICS §2: checks one record (shape, operation, size, schema, identities) and turns it
 * into what will be stored, or into a rejection listing every problem found.
 */
export function prepareRecord(
  raw: unknown,
  index: number,
  ctx: RecordContext,
): PreparedRecord | RejectedRecord {
  const reject = (errors: RecordError[]): RejectedRecord => ({ index, errors, primary: undefined });
  if (!isPlainObject(raw))
    return reject([recordError('MALFORMED', 'a record must be a JSON object')]);
  const refused = refusedOperation(ctx.dataset, ctx.schema, ctx.operation);
  if (refused !== undefined) return reject([refused]);
  const tooLarge = checkRecordSize(raw, ctx.schema.class);
  if (tooLarge !== undefined) return reject([tooLarge]);
  const errors = fieldErrors(raw, ctx);
  const found = extractIdentities(raw, ctx.schema, ctx.namespaces, ctx.settings);
  errors.push(...found.errors);
  const event = ctx.schema.class === 'EXPERIENCE_EVENT' ? eventKey(raw) : undefined;
  if (errors.length > 0 || found.primary === undefined)
    return { index, errors, primary: found.primary };
  const { identityMap: _identities, ...attributes } = raw;
  return {
    index,
    attributes,
    identities: found.identities.map((i) => ({
      namespace: i.namespace,
      id: i.id,
      type: typeOf(ctx, i.namespace),
    })),
    primary: found.primary,
    warnings: found.warnings,
    sourceUpdatedAt: lastUpdatedDate(raw),
    ...(event && { event }),
  };
}

/** An operation the dataset cannot take, whatever the record (SEMANTICS §2). */
export function refusedOperation(
  dataset: Dataset,
  schema: XdmSchema,
  operation: IngestOperation,
): RecordError | undefined {
  if (operation === 'MERGE' && !dataset.upsertEnabled) {
    return recordError(
      'NOT_UPSERT_ENABLED',
      `dataset "${dataset.name}" is not upsert-enabled: MERGE needs upsertEnabled`,
    );
  }
  if (operation === 'DELETE' && schema.class === 'EXPERIENCE_EVENT') {
    return recordError(
      'UNSUPPORTED_OPERATION',
      'events are not deleted record by record: use a DELETE_EVENT_BATCH or TRUNCATE_DATASET system job',
    );
  }
  return undefined;
}

/** DELETE needs only the identities; MERGE checks a patch; CREATE a whole record. */
function fieldErrors(record: Record<string, unknown>, ctx: RecordContext): RecordError[] {
  if (ctx.operation === 'DELETE') return [];
  return ctx.operation === 'MERGE' ? ctx.validatePatch(record) : ctx.validate(record);
}

const eventKey = (
  record: Record<string, unknown>,
): { id: string; timestamp: number } | undefined => {
  const timestamp = parseDateTime(record['timestamp']);
  const id = record['_id'];
  return typeof id === 'string' && timestamp !== undefined ? { id, timestamp } : undefined;
};

const typeOf = (ctx: RecordContext, namespace: string): IdentityType =>
  ctx.namespaces.get(namespaceKey(namespace))?.type ?? 'PERSON';
