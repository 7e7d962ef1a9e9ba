/** Seconds elapsed since `startNs` (a process.hrtime.bigint() reading). */
export const secondsSince = (startNs: bigint): number =>
  Number(process.hrtime.bigint() - startNs) / 1e9;

/** Records per second, or null when no time was measured. */
export const rate = (records: number, seconds: number): number | null =>
  seconds > 0 ? records / seconds : null;

export const sleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

export const errorMessage = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);
