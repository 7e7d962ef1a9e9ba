import { setImmediate as yieldToRequests } from 'node:timers/promises';
import { type ExportJob, INTERRUPTED } from '../../domain/exports/ExportJob';
import { exportEncoder } from '../../domain/exports/exportEncoder';
import type { Logger } from '../../logger';
import type { EventBus } from '../../realtime/EventBus';
import type { SandboxStore, Store } from '../../storage/ports';
import { BackgroundRuns } from '../BackgroundRuns';
import type { Clock } from '../Clock';
import { backgroundDeps } from '../ServiceDeps';
import type { ExportFiles, ExportFileWriter } from './ExportFiles';
import { DEFAULT_EXPORT_PAGE, type ExportPlan, profilePages } from './profilePages';

/** SEMANTICS §7: progress is stored and announced at most this often. */
const PROGRESS_EVERY_MS = 500;
/**
 * A job IN_PROGRESS whose progress has not moved for this long has no process running it any
 * more: a running export stores its progress every PROGRESS_EVERY_MS (a page takes well under
 * a second), and replicas sharing the store must not fail each other's exports.
 */
export const ABANDONED_AFTER_MS = 10_000;

/** The job stopped being IN_PROGRESS (cancelled) or the server is stopping. */
class Stopped extends Error {}

/**
 * Runs export jobs in the background (SEMANTICS §7): NEW → IN_PROGRESS, then pages of profiles
 * read from one snapshot and appended to the file, progress stored and announced as it goes,
 * then SUCCESS with the file published, or FAILED with the partial file removed. A job found
 * IN_PROGRESS at start-up was cut off by a crash: it fails with a reason (a snapshot cannot be
 * resumed after a restart, and half a file is no export), and its partial file is removed.
 */
export class ExportRunner {
  private readonly runs: BackgroundRuns;
  private readonly cancelled = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly files: ExportFiles,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly pageSize = DEFAULT_EXPORT_PAGE,
  ) {
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

  /**
   * Fails an IN_PROGRESS job once its progress has stood still for ABANDONED_AFTER_MS; until
   * then another process may be running it, so it is looked at again when that time is up.
   */
  private async failIfAbandoned(sandbox: string, jobId: string): Promise<void> {
    const scoped = this.store.scoped(sandbox);
    const job = await scoped.exports.get(jobId);
    if (job?.status !== 'IN_PROGRESS' || this.runs.stopping) return;
    const idle = this.clock().getTime() - job.updatedAt.getTime();
    if (idle >= ABANDONED_AFTER_MS) {
      await this.fail(scoped, job, INTERRUPTED);
      return;
    }
    const later = setTimeout(() => {
      this.runs.start(`abandoned/${runKey(sandbox, jobId)}`, () =>
        this.failIfAbandoned(sandbox, jobId),
      );
    }, ABANDONED_AFTER_MS - idle);
    later.unref();
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
      const job = await this.advance(scoped, jobId, (j) =>
        j.status === 'NEW' ? { status: 'IN_PROGRESS' } : undefined,
      );
      if (job?.status === 'IN_PROGRESS') await this.runStarted(scoped, view, job);
    });
  }

  private async runStarted(scoped: SandboxStore, view: SandboxStore, job: ExportJob) {
    try {
      const exported = await this.export(scoped, view, job);
      const done = await this.advance(scoped, job.id, (j) =>
        j.status === 'IN_PROGRESS'
          ? { status: 'SUCCESS', profilesExported: exported, finishedAt: this.clock() }
          : undefined,
      );
      // Cancelled between the last page and now: its file must not stay.
      if (done?.status !== 'SUCCESS') await this.files.remove(scoped.sandbox, job);
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
    const [policy] = await view.policies.getMany([job.mergePolicyId]);
    if (policy === undefined) throw new Error('its merge policy was deleted before it started');
    const out = await this.files.open(scoped.sandbox, job);
    try {
      const plan = { job, policy, pageSize: this.pageSize };
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
    let reportedAt = Date.now();
    for await (const page of profilePages(backgroundDeps(view, this.clock, this.bus), plan)) {
      this.checkGoingOn(scoped.sandbox, job.id);
      await out.write(encoder.page(page));
      count += page.length;
      if (Date.now() - reportedAt >= PROGRESS_EVERY_MS) {
        await this.progress(scoped, job.id, count);
        reportedAt = Date.now();
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
    const job = await this.advance(scoped, jobId, (j) =>
      j.status === 'IN_PROGRESS' ? { profilesExported: count } : undefined,
    );
    if (job?.status !== 'IN_PROGRESS') throw new Stopped();
  }

  private async fail(scoped: SandboxStore, job: ExportJob, reason: string): Promise<void> {
    await this.advance(scoped, job.id, (j) =>
      j.status === 'IN_PROGRESS' || j.status === 'NEW'
        ? { status: 'FAILED', error: reason, finishedAt: this.clock() }
        : undefined,
    );
    await this.files.remove(scoped.sandbox, job);
  }

  /**
   * Applies `change` to the job in one transaction and announces it; `change` returns
   * undefined to leave the job as it is. Returns the job as it then is.
   */
  private async advance(
    scoped: SandboxStore,
    jobId: string,
    change: (job: ExportJob) => Partial<ExportJob> | undefined,
  ): Promise<ExportJob | undefined> {
    const { job, changed } = await scoped.transaction(async (tx) => {
      const current = await tx.exports.get(jobId);
      const wanted = current && change(current);
      if (current === undefined || wanted === undefined) return { job: current, changed: false };
      const next = { ...current, ...wanted, updatedAt: this.clock() };
      await tx.exports.update(next);
      return { job: next, changed: true };
    });
    if (changed) this.bus.publish(scoped.sandbox, 'exportChanged', { exportId: jobId });
    return job;
  }
}

const runKey = (sandbox: string, jobId: string): string => `${sandbox}/${jobId}`;
