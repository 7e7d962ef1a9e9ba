export const SYSTEM_JOB_TYPES = ['TRUNCATE_DATASET', 'DELETE_EVENT_BATCH'] as const;
export type SystemJobType = (typeof SYSTEM_JOB_TYPES)[number];

export const JOB_STATUSES = ['NEW', 'IN_PROGRESS', 'SUCCESS', 'FAILED'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * A background deletion from the profile store (SEMANTICS §4, deletes). The counts grow with
 * each committed chunk, in the same transaction as the rows they count, so a job resumed
 * after a restart reports every deleted row exactly once.
 */
export interface SystemJob {
  id: string;
  type: SystemJobType;
  status: JobStatus;
  datasetId: string;
  batchId: string | null;
  fragmentsDeleted: number;
  eventsDeleted: number;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const isJobFinished = (status: JobStatus): boolean =>
  status === 'SUCCESS' || status === 'FAILED';
