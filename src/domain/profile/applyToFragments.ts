import { type Identity, identityKey } from '../identity/Identity';
import type { PreparedRecord } from '../ingestion/PreparedRecord';
import type { IngestOperation } from '../ingestion/prepareRecord';
import { type JsonObject, mergePatch, withoutNulls } from '../records/mergePatch';
import { recordError } from '../records/RecordError';
import type { Fragment } from './Fragment';

export interface FragmentWrites {
  put: Fragment[];
  /** Identity keys whose fragment in the dataset is removed. */
  deleted: string[];
}

/**
 * SEMANTICS §2 (operations, ordering): applies a request's records in order to the current
 * fragments of their primary identities. CREATE replaces, MERGE deep-merges (null removes),
 * DELETE removes; a CREATE or MERGE older than the stored fragment (by lastUpdatedDate) is
 * ignored with a STALE warning added to the record. Returns what to write.
 */
export function applyToFragments(
  current: ReadonlyMap<string, Fragment>,
  records: readonly PreparedRecord[],
  operation: IngestOperation,
  datasetId: string,
  now: number,
): FragmentWrites {
  const state = new Map(current);
  const touched = new Set<string>();
  for (const record of records) {
    const key = identityKey(record.primary);
    touched.add(key);
    const existing = state.get(key);
    if (operation === 'DELETE') {
      state.delete(key);
    } else if (existing !== undefined && isStale(record, existing)) {
      record.warnings.push(staleWarning(record.primary, existing));
    } else {
      state.set(key, next(record, existing, operation, datasetId, now));
    }
  }
  const put = [...touched].flatMap((k) => {
    const fragment = state.get(k);
    return fragment !== undefined && fragment !== current.get(k) ? [fragment] : [];
  });
  const deleted = [...touched].filter((k) => !state.has(k));
  return { put, deleted };
}

const isStale = (record: PreparedRecord, existing: Fragment): boolean =>
  record.sourceUpdatedAt !== undefined &&
  existing.sourceUpdatedAt !== null &&
  record.sourceUpdatedAt < existing.sourceUpdatedAt;

function next(
  record: PreparedRecord,
  existing: Fragment | undefined,
  operation: IngestOperation,
  datasetId: string,
  now: number,
): Fragment {
  const merge = operation === 'MERGE' && existing !== undefined;
  // A MERGE into nothing is a CREATE of the patch, where null still means "no value".
  const attributes = merge
    ? mergePatch(existing.attributes as JsonObject, record.attributes as JsonObject)
    : withoutNulls(record.attributes as JsonObject);
  const sourceUpdatedAt = merge
    ? Math.max(existing.sourceUpdatedAt ?? -Infinity, record.sourceUpdatedAt ?? -Infinity)
    : (record.sourceUpdatedAt ?? null);
  return {
    datasetId,
    identityKey: identityKey(record.primary),
    attributes,
    sourceUpdatedAt: Number.isFinite(sourceUpdatedAt) ? sourceUpdatedAt : null,
    updatedAt: now,
  };
}

const staleWarning = (primary: Identity, existing: Fragment) =>
  recordError(
    'STALE',
    `ignored: its lastUpdatedDate is older than the stored data of ${primary.namespace} ${primary.id} ` +
      `(${new Date(existing.sourceUpdatedAt ?? 0).toISOString()})`,
    'extSourceSystemAudit.lastUpdatedDate',
  );
