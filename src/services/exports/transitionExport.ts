import type { ExportJob } from '../../domain/exports/ExportJob';
import type { SandboxEvents } from '../../realtime/EventBus';
import type { SandboxStore } from '../../storage/ports';
import type { Clock } from '../Clock';

/** What to change in a job as it is now; undefined leaves it as it is. */
export type ExportChange = (job: ExportJob) => Partial<ExportJob> | undefined;

/**
 * Applies `change` to an export job in one transaction, so two processes (or a cancel and the
 * run) never both move it, and announces it on `exportChanged` when it changed. Returns the job
 * as it then is (undefined: no such job) and whether this call changed it.
 */
export async function transitionExport(
  store: SandboxStore,
  events: SandboxEvents,
  clock: Clock,
  jobId: string,
  change: ExportChange,
): Promise<{ job: ExportJob | undefined; changed: boolean }> {
  const result = await store.transaction(async (tx) => {
    const current = await tx.exports.get(jobId);
    const wanted = current && change(current);
    if (current === undefined || wanted === undefined) return { job: current, changed: false };
    const next = { ...current, ...wanted, updatedAt: clock() };
    await tx.exports.update(next);
    return { job: next, changed: true };
  });
  if (result.changed) events.publish('exportChanged', { exportId: jobId });
  return result;
}
