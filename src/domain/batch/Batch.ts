import type { IngestOperation } from '../ingestion/prepareRecord';
import type { RecordError } from '../records/RecordError';

export const BATCH_FORMATS = ['JSON', 'NDJSON', 'CSV', 'PARQUET'] as const;
export type BatchFormat = (typeof BATCH_FORMATS)[number];

export const BATCH_STATUSES = [
  'LOADING',
  'PROCESSING',
  'SUCCESS',
  'PARTIAL',
  'FAILED',
  'ABORTED',
] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

export interface BatchFile {
  name: string;
  sizeBytes: number;
}

/** SEMANTICS §2 (batches). `cursor` is where processing stands, so a restart resumes there. */
export interface Batch {
  id: string;
  datasetId: string;
  format: BatchFormat;
  operation: IngestOperation;
  status: BatchStatus;
  files: BatchFile[];
  recordsAccepted: number;
  recordsRejected: number;
  /** The file being processed (index into files, in name order) and the items done in it. */
  cursor: { file: number; items: number };
  error: string | null;
  createdAt: Date;
  completedAt: Date | null;
}

/** A record a batch could not store, kept with where it was and why (SEMANTICS §2). */
export interface FailedRecord {
  file: string;
  line: number;
  errors: RecordError[];
  /** The record as read; the raw text when it could not be read. */
  record: unknown;
}

export const isFinished = (status: BatchStatus): boolean =>
  status === 'SUCCESS' || status === 'PARTIAL' || status === 'FAILED' || status === 'ABORTED';

/** SEMANTICS §2: SUCCESS when every record was stored, PARTIAL when some were rejected. */
export const finalStatus = (batch: Pick<Batch, 'recordsRejected'>): BatchStatus =>
  batch.recordsRejected > 0 ? 'PARTIAL' : 'SUCCESS';
