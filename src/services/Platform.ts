import type { RecordValidators } from '../domain/records/RecordValidators';
import type { Logger } from '../logger';
import type { EventBus } from '../realtime/EventBus';
import type { Store } from '../storage/ports';
import type { Clock } from './Clock';
import type { BatchFiles } from './batch/BatchFiles';
import type { BatchProcessor } from './batch/BatchProcessor';
import type { IdentityRepairs } from './identity/IdentityRepairs';
import type { ProfileSummaries } from './status/ProfileSummaries';
import type { SystemJobRunner } from './jobs/SystemJobRunner';
import type { AudienceUpkeep } from './audiences/AudienceUpkeep';
import type { ExportFiles } from './exports/ExportFiles';
import type { ExportRunner } from './exports/ExportRunner';

/** The long-lived parts every sandbox's services share: built once at start-up. */
export interface Platform {
  readonly store: Store;
  readonly bus: EventBus;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly repairs: IdentityRepairs;
  /** Keeps the store status's counters current. */
  readonly summaries: ProfileSummaries;
  /** Keeps audience memberships current. */
  readonly audiences: AudienceUpkeep;
  /** Compiled record validators, per schema version. */
  readonly validators: RecordValidators;
  readonly files: BatchFiles;
  readonly batches: BatchProcessor;
  readonly jobs: SystemJobRunner;
  readonly exportFiles: ExportFiles;
  readonly exports: ExportRunner;
}
