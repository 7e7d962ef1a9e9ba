import { join } from 'node:path';
import { ExportFiles } from '../services/exports/ExportFiles';
import { ExportRunner } from '../services/exports/ExportRunner';
import { RecordValidators } from '../domain/records/RecordValidators';
import { InProcessEventBus } from '../realtime/InProcessEventBus';
import { BatchFiles } from '../services/batch/BatchFiles';
import { BatchProcessor } from '../services/batch/BatchProcessor';
import { systemClock } from '../services/Clock';
import { IdentityRepairs } from '../services/identity/IdentityRepairs';
import { SystemJobRunner } from '../services/jobs/SystemJobRunner';
import type { Platform } from '../services/Platform';
import { createSandboxServices } from '../services/SandboxServices';
import { ProfileSummaries } from '../services/status/ProfileSummaries';
import { AudienceUpkeep } from '../services/audiences/AudienceUpkeep';
import { AccountRelations } from '../services/accounts/AccountRelations';
import type { ServerDeps } from './createTesseraServer';

/**
 * The long-lived parts of a server. Building them starts nothing: the server resumes
 * background work when it starts (benchmarks build one to call the services in-process).
 */
export function createPlatform(deps: ServerDeps): Platform {
  const clock = deps.clock ?? systemClock;
  const files = new BatchFiles(join(deps.filesDir, 'batches'));
  const exportFiles = new ExportFiles(join(deps.filesDir, 'exports'));
  const bus = deps.bus ?? new InProcessEventBus();
  const audiences: AudienceUpkeep = new AudienceUpkeep(deps.store, bus, clock, deps.logger, {
    sweepEveryMs: deps.audienceSweepMs,
    // The backfill lets the pending status pass finish first, so graphs written just before
    // the audience was created are evaluated by that pass before the backfill reads them.
    settle: (sandbox: string): Promise<void> => summaries.flush(sandbox),
  });
  const accounts = new AccountRelations(clock, bus);
  const summaries: ProfileSummaries = new ProfileSummaries(deps.store, deps.logger, [
    audiences,
    accounts,
  ]);
  const platform: Platform = {
    store: deps.store,
    bus,
    clock,
    logger: deps.logger,
    repairs: new IdentityRepairs(deps.store, summaries, bus, clock, deps.logger),
    summaries,
    audiences,
    jobs: new SystemJobRunner(deps.store, summaries, clock, deps.logger),
    exportFiles,
    exports: new ExportRunner(deps.store, exportFiles, bus, clock, deps.logger, deps.exportTuning),
    validators: new RecordValidators(),
    files,
    // The processor makes a sandbox's services when it needs them, from this same platform.
    batches: new BatchProcessor(
      deps.store,
      files,
      (sandbox) => createSandboxServices(platform, sandbox),
      clock,
      deps.logger,
    ),
  };
  return platform;
}
