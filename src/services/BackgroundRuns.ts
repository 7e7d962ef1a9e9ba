/**
 * Background work keyed by what it works on (a sandbox, a batch, a job): at most one run per
 * key at a time, failures reported instead of thrown, and a way to wait for, or stop taking,
 * runs. With `rerun`, a start asked for during a run queues exactly one more run after it, so
 * changes made while a pass was reading are never missed.
 */
export class BackgroundRuns {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Map<string, () => Promise<void>>();
  private stopped = false;

  constructor(private readonly onError: (err: unknown, key: string) => void) {}

  /** True once `stop` was called: long runs check it between their steps. */
  get stopping(): boolean {
    return this.stopped;
  }

  start(key: string, work: () => Promise<void>, options: { rerun?: boolean } = {}): void {
    if (this.stopped) return;
    if (this.running.has(key)) {
      if (options.rerun === true) this.again.set(key, work);
      return;
    }
    const run = work()
      .catch((err: unknown) => {
        this.onError(err, key);
      })
      .finally(() => {
        this.running.delete(key);
        const next = this.again.get(key);
        this.again.delete(key);
        if (next !== undefined) this.start(key, next, options);
      });
    this.running.set(key, run);
  }

  /** Resolves when `key` has no run left (including one queued by `rerun`). */
  async settled(key: string): Promise<void> {
    for (let run = this.running.get(key); run !== undefined; run = this.running.get(key)) {
      await run;
    }
  }

  /** Resolves when no run is left (including runs queued by `rerun`). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running.values());
  }

  /** Takes no new runs and waits for the current ones, which see `stopping`. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.again.clear();
    await this.idle();
  }
}
