import { availableParallelism } from 'node:os';
import type { BenchOptions } from './parseOptions';
import type { StageResult } from './StageResult';

/** Everything one run measured, as written to JSON. */
export interface BenchReport {
  startedAt: string;
  node: string;
  cpus: number;
  options: BenchOptions;
  stages: StageResult[];
  /** Streaming records/s divided by raw-store records/s. */
  streamingToRawRatio: number | null;
  /** 1 - (ingest records/s with computed attributes and audiences) / (records/s without). */
  realtimeCost: number | null;
  /** The server's VmHWM at the end of the run; null where /proc is unavailable. */
  serverPeakRssBytes: number | null;
  /** Why the run stopped early; null when every stage ran. */
  error: string | null;
}

export function newReport(options: BenchOptions): BenchReport {
  return {
    startedAt: new Date().toISOString(),
    node: process.version,
    cpus: availableParallelism(),
    options,
    stages: [],
    streamingToRawRatio: null,
    realtimeCost: null,
    serverPeakRssBytes: null,
    error: null,
  };
}
