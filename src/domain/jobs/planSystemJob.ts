import { AppError, badInput, notFound } from '../AppError';
import type { Batch } from '../batch/Batch';
import { isFinished } from '../batch/Batch';
import type { Dataset, XdmSchema } from '../catalog/types';
import type { SystemJobType } from './SystemJob';

export interface SystemJobRequest {
  datasetId: string;
  batchId: string | null;
}

/**
 * SEMANTICS §4 (system jobs): which job a request asks for, or why it cannot run. With a
 * batch, the job deletes that batch's events: the batch must belong to the dataset, be
 * finished (its events are all written), and be a batch of events — a record batch is refused
 * with `NOT_EVENT_BATCH`, since its records were merged into fragments and cannot be told
 * apart. Without a batch, the job truncates the dataset.
 */
export function planSystemJob(
  request: SystemJobRequest,
  dataset: Dataset | undefined,
  schema: XdmSchema | undefined,
  batch: Batch | undefined,
): SystemJobType {
  if (dataset === undefined)
    throw notFound('input.datasetId', `there is no dataset "${request.datasetId}"`);
  if (request.batchId === null) return 'TRUNCATE_DATASET';
  if (batch === undefined)
    throw notFound('input.batchId', `there is no batch "${request.batchId}"`);
  if (batch.datasetId !== dataset.id)
    throw badInput('input.batchId', `batch "${batch.id}" belongs to another dataset`);
  if (schema?.class !== 'EXPERIENCE_EVENT')
    throw new AppError(
      'NOT_EVENT_BATCH',
      `batch "${batch.id}" wrote records of a ${schema?.class ?? 'unknown'} dataset, not events; truncate the dataset instead`,
      'input.batchId',
    );
  if (!isFinished(batch.status))
    throw new AppError(
      'CONFLICT',
      `batch "${batch.id}" is ${batch.status}; its events can be deleted once it has finished`,
      'input.batchId',
    );
  return 'DELETE_EVENT_BATCH';
}
