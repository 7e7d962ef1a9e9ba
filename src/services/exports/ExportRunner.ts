import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { type ExportJob, INTERRUPTED } from '../../domain/exports/ExportJob';
import { exportEncoder } from '../../domain/exports/exportEncoder';
import type { Logger } from '../../logger';
import { type EventBus, forSandbox } from '../../realtime/EventBus';
import type { SandboxStore, Store } from '../../storage/ports';
import { BackgroundRuns } from '../BackgroundRuns';
import type { Clock } from '../Clock';
import { backgroundDeps } from '../ServiceDeps';
import type { ExportFiles, ExportFileWriter } from './ExportFiles';
import { type ExportPlan, profilePages } from './profilePages';
import { type ExportChange, transitionExport } from './transitionExport';

/** How exports run; tests shrink these to see a job mid-way. */
export interface ExportTuning {
  /** Graphs (or audience members) read per page; a tenth of it when events are included. */
  pageSize: number;
  /** SEMANTICS §7: progress is stored and announced at most this often. */
  progressEveryMs: number;
  /**
   * A job IN_PROGRESS whose progress has stood still this long has no process running it any
   * more. A running export stores progress every `progressEveryMs` (a page takes well under a
   * second), and replicas sharing the store must not fail each other's exports, so this is
   * many times that, with room for clocks that differ a little between machines.
   */
  abandonedAfterMs: number;
}

export const DEFAULT_EXPORT_TUNING: ExportTuning = {
  pageSize: 1000,
  progressEveryMs: 500,
  abandonedAfterMs: 30_000,
};

/** The job stopped being IN_PROGRESS (cancelled) or the server is stopping. */
class Stopped extends Error {}

/**
 * Runs export jobs in the background (SEMANTICS §7): NEW → IN_PROGRESS, then pages of profiles
 * read from one snapshot and appended to the file, progress stored and announced as it goes,
 * then SUCCESS with the file published, or FAILED with the partial file removed. A job left
 * IN_PROGRESS by a crash fails with a reason once its progress stands still (a snapshot cannot
 * be resumed after a restart, and half a file is no export), and its partial file is removed.
 */
export class ExportRunner {
  private readonly runs: BackgroundRuns;
  private readonly cancelled = new Set<string>();
  private readonly tuning: ExportTuning;

  constructor(
    private readonly store: Store,
    private readonly files: ExportFiles,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly logger: Logger,
    tuning: Partial<ExportTuning> = {},
  ) {
    this.tuning = { ...DEFAULT_EXPORT_TUNING, ...tuning };
    this.runs = new BackgroundRuns((err, key) => {
      this.logger.error({ err, export: key }, 'export failed');
    });
  }

  schedule(sandbox: string, jobId: string): void {
    this.runs.start(runKey(sandbox, jobId), () => this.run(sandbox, jobId));
  }

  /** Start-up: runs jobs that never started, fails those a crash cut off. */
  async start(): Promise<void> {
    for (const { sandbox, id } of await this.store.unfinishedExportJobs()) {
      const job = await this.store.scoped(sandbox).exports.get(id);
      if (job?.status === 'NEW') this.schedule(sandbox, id);
      else if (job !== undefined) await this.failIfAbandoned(sandbox, id);
    }
  }

  /** Stops this process's run of a job (if any) and waits until its partial file is gone. */
  async cancel(sandbox: string, job: ExportJob): Promise<void> {
    const key = runKey(sandbox, job.id);
    this.cancelled.add(key);
    try {
      await this.runs.settled(key);
    } finally {
      this.cancelled.delete(key);
    }
    await this.files.remove(sandbox, job);
  }

  idle(): Promise<void> {
    return this.runs.idle();
  }

  /** Shutdown: running exports stop after their current page and fail as interrupted. */
  stop(): Promise<void> {
    return this.runs.stop();
  }

  private async run(sandbox: string, jobId: string): Promise<void> {
    const scoped = this.store.scoped(sandbox);
    if ((await scoped.exports.get(jobId))?.status !== 'NEW') return;
    // The snapshot opens before the job turns IN_PROGRESS: whatever commits after a client
    // sees it running is not in the file.
    await scoped.snapshot(async (view) => {
      // A server stopping leaves a job that has not started NEW, for the next start.
      if (this.runs.stopping) return;
      const { job } = await this.transition(scoped, jobId, (j) =>
        j.status === 'NEW' ? { status: 'IN_PROGRESS' } : undefined,
      );
      if (job?.status === 'IN_PROGRESS') await this.runStarted(scoped, view, job);
    });
  }

  private async runStarted(scoped: SandboxStore, view: SandboxStore, job: ExportJob) {
    try {
      const exported = await this.export(scoped, view, job);
      const { changed } = await this.transition(scoped, job.id, (j) =>
        j.status === 'IN_PROGRESS'
          ? { status: 'SUCCESS', profilesExported: exported, finishedAt: this.clock() }
          : undefined,
      );
      // Cancelled between the last page and now: its file must not stay.
      if (!changed) await this.files.remove(scoped.sandbox, job);
      this.logger.info({ sandbox: scoped.sandbox, jobId: job.id, exported }, 'export finished');
    } catch (error) {
      if (error instanceof Stopped && !this.runs.stopping) return;
      const reason = error instanceof Stopped ? INTERRUPTED : (error as Error).message;
      await this.fail(scoped, job, reason);
      if (!(error instanceof Stopped)) throw error;
    }
  }

  /** Writes the file from `view` and publishes it; returns how many profiles it holds. */
  private async export(scoped: SandboxStore, view: SandboxStore, job: ExportJob): Promise<number> {
    const { pageSize } = this.tuning;
    // Events make a profile much larger: fewer profiles per page keep memory flat.
    const plan = {
      job,
      policy: job.mergePolicy,
      pageSize: job.includeEvents ? Math.max(1, Math.floor(pageSize / 10)) : pageSize,
    };
    const out = await this.files.open(scoped.sandbox, job);
    try {
      const count = await this.writePages(scoped, view, plan, out);
      await out.publish();
      return count;
    } catch (error) {
      await out.discard();
      throw error;
    }
  }

  private async writePages(
    scoped: SandboxStore,
    view: SandboxStore,
    plan: ExportPlan,
    out: ExportFileWriter,
  ): Promise<number> {
    const { job } = plan;
    const encoder = exportEncoder(job);
    await out.write(encoder.start());
    let count = 0;
    let reportedAt = this.clock().getTime();
    for await (const page of profilePages(backgroundDeps(view, this.clock, this.bus), plan)) {
      this.checkGoingOn(scoped.sandbox, job.id);
      await out.write(encoder.page(page));
      count += page.length;
      if (this.clock().getTime() - reportedAt >= this.tuning.progressEveryMs) {
        await this.progress(scoped, job.id, count);
        reportedAt = this.clock().getTime();
      }
      await yieldToRequests();
    }
    return count;
  }

  private checkGoingOn(sandbox: string, jobId: string): void {
    if (this.runs.stopping || this.cancelled.has(runKey(sandbox, jobId))) throw new Stopped();
  }

  /** Stores and announces progress; stops when the job was cancelled (maybe by another process). */
  private async progress(scoped: SandboxStore, jobId: string, count: number): Promise<void> {
    const { changed } = await this.transition(scoped, jobId, (j) =>
      j.status === 'IN_PROGRESS' ? { profilesExported: count } : undefined,
    );
    if (!changed) throw new Stopped();
  }

  /**
   * Fails an IN_PROGRESS job once its progress has stood still for `abandonedAfterMs`; until
   * then another process may be running it, so it is looked at again when that time is up.
   */
  private async failIfAbandoned(sandbox: string, jobId: string): Promise<void> {
    const scoped = this.store.scoped(sandbox);
    const job = await scoped.exports.get(jobId);
    if (job?.status !== 'IN_PROGRESS' || this.runs.stopping) return;
    const idle = this.clock().getTime() - job.updatedAt.getTime();
    const wait = this.tuning.abandonedAfterMs - idle;
    if (wait <= 0) {
      // Only if it still has not moved: another process may have just finished it.
      await this.fail(scoped, job, INTERRUPTED, job.updatedAt.getTime());
      return;
    }
    const later = setTimeout(() => {
      this.runs.start(`abandoned/${runKey(sandbox, jobId)}`, () =>
        this.failIfAbandoned(sandbox, jobId),
      );
    }, wait);
    later.unref();
  }

  /**
   * Fails an unfinished job (only if it is still at `unmovedSince`, when given) and removes
   * its files, but only when this call failed it: a job another process finished meanwhile
   * keeps its file.
   */
  private async fail(
    scoped: SandboxStore,
    job: ExportJob,
    reason: string,
    unmovedSince?: number,
  ): Promise<void> {
    const { changed } = await this.transition(scoped, job.id, (j) =>
      (j.status === 'IN_PROGRESS' || j.status === 'NEW') &&
      (unmovedSince === undefined || j.updatedAt.getTime() === unmovedSince)
        ? { status: 'FAILED', error: reason, finishedAt: this.clock() }
        : undefined,
    );
    if (changed) await this.files.remove(scoped.sandbox, job);
  }

  private transition(scoped: SandboxStore, jobId: string, change: ExportChange) {
    const events = forSandbox(this.bus, scoped.sandbox);
    return transitionExport(scoped, events, this.clock, jobId, change);
  }
}

const runKey = (sandbox: string, jobId: string): string => `${sandbox}/${jobId}`;
