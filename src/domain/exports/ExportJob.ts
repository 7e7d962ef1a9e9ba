import type { JobStatus } from '../jobs/SystemJob';
import type { MergePolicy } from '../policies/MergePolicy';

export const EXPORT_FORMATS = ['NDJSON', 'CSV'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * A profile export (SEMANTICS §7): what to write, and how far it got. The file is written
 * under a temporary name and takes its final name only when whole, so a file that exists under
 * its final name is always complete.
 */
export interface ExportJob {
  id: string;
  status: JobStatus;
  format: ExportFormat;
  /** Attribute dot paths to keep; null: all attributes. */
  fields: string[] | null;
  /**
   * The policy as the export uses it, kept with the job: the file is merged under that version
   * even if the policy changes meanwhile, and the job still names it once it is deleted.
   */
  mergePolicy: MergePolicy;
  /** Only this audience's current members, when set. */
  audienceId: string | null;
  includeEvents: boolean;
  /** Events from this time on (inclusive), when events are included; null: all of them. */
  eventsSince: Date | null;
  profilesExported: number;
  error: string | null;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

/** What a user asks for; checked by `checkExportRequest`. */
export interface ExportRequest {
  format: ExportFormat;
  fields: readonly string[] | null;
  includeEvents: boolean;
  eventsSince: Date | null;
}

/** Why a job that stopped without finishing failed. */
export const CANCELLED = 'cancelled';
export const INTERRUPTED = 'interrupted by a server restart before it finished; create it again';

/** The file's name for a download, and its type. */
export function exportFileOf(job: Pick<ExportJob, 'id' | 'format'>): {
  name: string;
  contentType: string;
} {
  return job.format === 'CSV'
    ? { name: `${job.id}.csv`, contentType: 'text/csv; charset=utf-8' }
    : { name: `${job.id}.ndjson`, contentType: 'application/x-ndjson; charset=utf-8' };
}

/** Where a finished job's file is served (SEMANTICS §7), null until it is finished. */
export const downloadPathOf = (job: Pick<ExportJob, 'id' | 'status'>): string | null =>
  job.status === 'SUCCESS' ? `/exports/${encodeURIComponent(job.id)}/file` : null;
