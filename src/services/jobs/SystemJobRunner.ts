import type { SystemJob } from '../../domain/jobs/SystemJob';
import type { Logger } from '../../logger';
import type { SandboxStore, Store } from '../../storage/ports';
import { BackgroundRuns } from '../BackgroundRuns';
import type { Clock } from '../Clock';
import type { ProfileSummaries } from '../status/ProfileSummaries';

/** Rows deleted per transaction: progress (and a restart) moves in steps of this. */
const CHUNK = 2000;

class Stopped extends Error {}

/**
 * Runs system jobs in the background (SEMANTICS §4): NEW → IN_PROGRESS, then chunks of
 * deletions, each committed with the job's counts and the stale marks of the graphs it
 * touched, until nothing is left (SUCCESS) or something breaks (FAILED). A job interrupted
 * by a restart stays IN_PROGRESS and resumes where its last chunk left off.
 */
export class SystemJobRunner {
  private readonly runs: BackgroundRuns;

  constructor(
    private readonly store: Store,
    private readonly summaries: ProfileSummaries,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.runs = new BackgroundRuns((err, key) => {
      if (!(err instanceof Stopped)) this.logger.error({ err, job: key }, 'system job failed');
    });
  }

  schedule(sandbox: string, jobId: string): void {
    this.runs.start(`${sandbox}/${jobId}`, () => this.run(sandbox, jobId));
  }

  /** Start-up: picks up every job a restart interrupted. */
  async resumeAll(): Promise<void> {
    for (const { sandbox, id } of await this.store.pendingSystemJobs()) this.schedule(sandbox, id);
  }

  idle(): Promise<void> {
    return this.runs.idle();
  }

  /** Shutdown: each job stops after its current chunk and resumes at the next start. */
  stop(): Promise<void> {
    return this.runs.stop();
  }

  private async run(sandbox: string, jobId: string): Promise<void> {
    const scoped = this.store.scoped(sandbox);
    const started = await this.advance(scoped, jobId, (job) =>
      job.status === 'NEW' ? { status: 'IN_PROGRESS' } : {},
    );
    if (started?.status !== 'IN_PROGRESS') return;
    try {
      while (await this.deleteChunk(scoped, jobId)) this.summaries.schedule(sandbox);
      await this.advance(scoped, jobId, () => ({ status: 'SUCCESS' }));
    } catch (error) {
      if (error instanceof Stopped) throw error;
      await this.advance(scoped, jobId, () => ({
        status: 'FAILED',
        error: (error as Error).message,
      }));
      throw error;
    }
    this.summaries.schedule(sandbox);
    this.logger.info({ sandbox, jobId }, 'system job finished');
  }

  /** One chunk in one transaction; false when there was nothing left to delete. */
  private deleteChunk(scoped: SandboxStore, jobId: string): Promise<boolean> {
    if (this.runs.stopping) throw new Stopped();
    return scoped.transaction(async (tx) => {
      const job = await tx.jobs.get(jobId);
      if (job?.status !== 'IN_PROGRESS') throw new Stopped();
      const deleted = await tx.profiles.deleteChunk(job.datasetId, job.batchId, CHUNK);
      if (deleted.fragments + deleted.events === 0) return false;
      const { nodes } = await tx.identities.loadGraphsOf(deleted.identityKeys);
      await tx.status.markStale([...new Set(nodes.map((n) => n.graphId))]);
      await tx.jobs.update({
        ...job,
        fragmentsDeleted: job.fragmentsDeleted + deleted.fragments,
        eventsDeleted: job.eventsDeleted + deleted.events,
        updatedAt: this.clock(),
      });
      return true;
    });
  }

  /** Applies `change` to the job in its own transaction; returns the job as it then is. */
  private advance(
    scoped: SandboxStore,
    jobId: string,
    change: (job: SystemJob) => Partial<SystemJob>,
  ): Promise<SystemJob | undefined> {
    return scoped.transaction(async (tx) => {
      const job = await tx.jobs.get(jobId);
      if (job === undefined) return undefined;
      const next = { ...job, ...change(job), updatedAt: this.clock() };
      await tx.jobs.update(next);
      return next;
    });
  }
}
