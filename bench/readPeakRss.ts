import { readFileSync } from 'node:fs';

/**
 * A process's peak resident set size (VmHWM) in bytes, read from /proc; undefined where /proc
 * is not available (not Linux) or the process is gone.
 */
export const readPeakRss = (pid: number): number | undefined => readStatusBytes(pid, 'VmHWM');

/** A process's resident set size now (VmRSS) in bytes, as readPeakRss. */
export const readRss = (pid: number): number | undefined => readStatusBytes(pid, 'VmRSS');

function readStatusBytes(pid: number, field: 'VmHWM' | 'VmRSS'): number | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB$`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : undefined;
}

export const formatMegabytes = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
