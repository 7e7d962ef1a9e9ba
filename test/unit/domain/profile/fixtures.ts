import { identityKey } from '../../../../src/domain/identity/Identity';
import type { PreparedRecord } from '../../../../src/domain/ingestion/PreparedRecord';
import { type RecordError, recordError } from '../../../../src/domain/records/RecordError';
import type { Fragment } from '../../../../src/domain/profile/Fragment';
import { CRM_DATASET, deepFreeze } from '../ingestion/fixtures';

/** Three source dates, in order, as records carry them and as epoch milliseconds. */
export const D1 = '2024-01-01T00:00:00Z';
export const D2 = '2024-02-01T00:00:00Z';
export const D3 = '2024-03-01T00:00:00Z';
export const T1 = Date.parse(D1);
export const T2 = Date.parse(D2);
export const T3 = Date.parse(D3);

/** When fragments were written before the request, and when the request runs. */
export const EARLIER = Date.parse('2023-12-31T00:00:00Z');
export const NOW = Date.parse('2024-06-01T12:00:00Z');

export const DATASET_ID = CRM_DATASET.id;

/** The identity key of a CRM id. */
export const crmKey = (crmId: string): string => identityKey({ namespace: 'CRMID', id: crmId });

/** A CRM record of `crmId`, with `data`, and dated `date` when given. */
export const crm = (
  crmId: string,
  data: Record<string, unknown> = {},
  date?: string,
): Record<string, unknown> => ({
  crmId,
  ...data,
  ...(date !== undefined && { extSourceSystemAudit: { lastUpdatedDate: date } }),
});

/** A fragment stored before the request. */
export const stored = (
  crmId: string,
  attributes: Record<string, unknown>,
  sourceUpdatedAt: number | null,
): Fragment => ({
  datasetId: DATASET_ID,
  identityKey: crmKey(crmId),
  attributes,
  sourceUpdatedAt,
  updatedAt: EARLIER,
});

/** A fragment the request writes. */
export const written = (
  crmId: string,
  attributes: Record<string, unknown>,
  sourceUpdatedAt: number | null,
): Fragment => ({ ...stored(crmId, attributes, sourceUpdatedAt), updatedAt: NOW });

/** The warning of a CREATE or MERGE older than the stored fragment of CRMID `crmId`. */
export const stale = (crmId: string, storedDate: string): RecordError =>
  recordError(
    'STALE',
    `ignored: its lastUpdatedDate is older than the stored data of CRMID ${crmId} ` +
      `(${new Date(storedDate).toISOString()})`,
    'extSourceSystemAudit.lastUpdatedDate',
  );

/** Freezes a prepared record, all but its warnings (the one thing storing may add to). */
export const freezeRecord = (record: PreparedRecord): PreparedRecord => {
  deepFreeze(record.attributes);
  deepFreeze(record.identities);
  deepFreeze(record.primary);
  deepFreeze(record.event);
  return Object.freeze(record);
};

/** A deep copy, made with the test realm's JSON so that strict equality holds. */
export const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
