import { type BatchItem, readBatchFile } from '../../batch/readers/readBatchFile';
import { type Batch, type FailedRecord, finalStatus } from '../../domain/batch/Batch';
import { isPrepared, type RejectedRecord } from '../../domain/ingestion/PreparedRecord';
import { prepareRecord, type RecordContext } from '../../domain/ingestion/prepareRecord';
import type { Logger } from '../../logger';
import type { Store } from '../../storage/ports';
import type { Clock } from '../Clock';
import { BackgroundRuns } from '../BackgroundRuns';
import type { IngestionService } from '../ingestion/IngestionService';
import type { SandboxEvents } from '../../realtime/EventBus';
import { isEmpty } from '../../domain/profile/ProfileChanges';
import type { BatchFiles } from './BatchFiles';

/** Records per transaction: progress (and a restart) moves in steps of this. */
const CHUNK = 1000;

/** SEMANTICS §6: a running batch is announced at least this often, progress or not. */
const HEARTBEAT_MS = 1000;

/** What processing needs of a sandbox's services. */
export interface BatchSandbox {
  ingestion: IngestionService;
  events: SandboxEvents;
}

class Stopped extends Error {}

/**
 * Processes completed batches in the background (SEMANTICS §2). Each chunk of records commits
 * in one transaction together with its failed records and the batch's counts and cursor, so a
 * batch interrupted by a crash resumes after the last committed chunk and counts every record
 * exactly once. A batch no longer PROCESSING (aborted) stops at its next chunk, and so does a
 * run whose batch another run moved on meanwhile (a second server sharing the store resumed
 * it at its start-up): a chunk commits only from the cursor its run last saw.
 */
export class BatchProcessor {
  private readonly runs: BackgroundRuns;

  constructor(
    private readonly store: Store,
    private readonly files: BatchFiles,
    private readonly sandboxFor: (sandbox: string) => BatchSandbox,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.runs = new BackgroundRuns((err, key) => {
      this.logger.error({ err, batch: key }, 'batch processing failed');
    });
  }

  schedule(sandbox: string, batchId: string): void {
    this.runs.start(`${sandbox}/${batchId}`, () => this.process(sandbox, batchId));
  }

  /** Start-up: picks up every batch a restart interrupted. */
  async resumeAll(): Promise<void> {
    for (const { sandbox, id } of await this.store.processingBatches()) this.schedule(sandbox, id);
  }

  idle(): Promise<void> {
    return this.runs.idle();
  }

  /**
   * Shutdown: each running batch stops after the chunk it is committing and stays PROCESSING,
   * so the next start resumes it.
   */
  stop(): Promise<void> {
    return this.runs.stop();
  }

  private async process(sandbox: string, batchId: string): Promise<void> {
    const scoped = this.store.scoped(sandbox);
    const batch = await scoped.batches.get(batchId);
    if (batch?.status !== 'PROCESSING') return;
    const services = this.sandboxFor(sandbox);
    const ctx = await services.ingestion.context(batch.datasetId, batch.operation);
    const heartbeat = setInterval(() => {
      services.events.publish('batchChanged', { batchId });
    }, HEARTBEAT_MS);
    const run: Run = { sandbox, batchId, ctx, services, at: batch.cursor };
    try {
      for (let file = batch.cursor.file; file < batch.files.length; file++) {
        await this.processFile(run, file);
      }
      await this.finish(run, undefined);
    } catch (error) {
      if (error instanceof Stopped) return;
      // SEMANTICS §2: FAILED when a file is unreadable as a whole; stored chunks stay.
      await this.finish(run, (error as Error).message);
    } finally {
      clearInterval(heartbeat);
      services.events.publish('batchChanged', { batchId });
    }
  }

  private async processFile(run: Run, file: number): Promise<void> {
    const { sandbox, batchId, ctx } = run;
    const batch = await this.current(sandbox, batchId);
    const name = batch.files[file]?.name ?? '';
    const path = this.files.path(sandbox, batchId, name);
    const done = batch.cursor.file === file ? batch.cursor.items : 0;
    let seen = 0;
    let chunk: BatchItem[] = [];
    for await (const item of readBatchFile(path, batch.format, { fields: ctx.schema.fields })) {
      if (seen++ < done) continue; // committed before a restart
      if (this.runs.stopping) throw new Stopped();
      chunk.push(item);
      if (chunk.length === CHUNK) {
        await this.commit(run, name, { file, items: seen }, chunk);
        chunk = [];
      }
    }
    await this.commit(run, name, { file: file + 1, items: 0 }, chunk);
  }

  /**
   * One chunk: its records, its failures and the batch's progress, in one transaction, moving
   * the cursor from where `run` saw it last to `cursor`.
   */
  private async commit(run: Run, name: string, cursor: Cursor, items: BatchItem[]): Promise<void> {
    const { sandbox, batchId, ctx, services } = run;
    const outcomes = items.map((item) =>
      'error' in item ? readFailure(item) : prepareRecord(item.record, item.line, ctx),
    );
    const prepared = outcomes.filter(isPrepared);
    const failures = outcomes.flatMap((o, i) =>
      isPrepared(o) ? [] : [toFailure(o, name, items[i])],
    );
    const changes = await this.store.scoped(sandbox).transaction(async (tx) => {
      const current = await tx.batches.get(batchId);
      if (current?.status !== 'PROCESSING' || !sameCursor(current.cursor, run.at)) {
        throw new Stopped();
      }
      const changed = await services.ingestion.commit(tx, ctx, prepared, batchId);
      await tx.batches.addFailures(batchId, failures);
      const next: Batch = {
        ...current,
        recordsAccepted: current.recordsAccepted + prepared.length,
        recordsRejected: current.recordsRejected + failures.length,
        cursor,
      };
      await tx.batches.update(next);
      return changed;
    });
    run.at = cursor;
    if (!isEmpty(changes)) services.events.publish('profilesChanged', changes);
    services.events.publish('batchChanged', { batchId });
  }

  /** The end of a run: unless another run has taken the batch over meanwhile. */
  private async finish(run: Run, error: string | undefined): Promise<void> {
    const { sandbox, batchId } = run;
    const batch = await this.store.scoped(sandbox).transaction(async (tx) => {
      const current = await tx.batches.get(batchId);
      if (current?.status !== 'PROCESSING') return 'ended';
      if (!sameCursor(current.cursor, run.at)) return 'taken over'; // its files still in use
      const status = error === undefined ? finalStatus(current) : ('FAILED' as const);
      const next = { ...current, status, error: error ?? null, completedAt: this.clock() };
      await tx.batches.update(next);
      return next;
    });
    if (batch === 'taken over') return;
    await this.files.remove(sandbox, batchId);
    if (batch !== 'ended')
      this.logger.info({ sandbox, batchId, status: batch.status }, 'batch finished');
  }

  private async current(sandbox: string, batchId: string): Promise<Batch> {
    const batch = await this.store.scoped(sandbox).batches.get(batchId);
    if (batch?.status !== 'PROCESSING') throw new Stopped();
    return batch;
  }
}

type Cursor = Batch['cursor'];

/** One run over a batch, and the cursor as this run last saw or committed it. */
interface Run {
  sandbox: string;
  batchId: string;
  ctx: RecordContext;
  services: BatchSandbox;
  at: Cursor;
}

const sameCursor = (a: Cursor, b: Cursor): boolean => a.file === b.file && a.items === b.items;

const readFailure = (item: Extract<BatchItem, { error: unknown }>): RejectedRecord => ({
  index: item.line,
  errors: [item.error],
  primary: undefined,
});

function toFailure(
  rejected: RejectedRecord,
  file: string,
  item: BatchItem | undefined,
): FailedRecord {
  const record = item === undefined ? null : 'error' in item ? item.raw : item.record;
  return { file, line: rejected.index, errors: rejected.errors, record };
}
