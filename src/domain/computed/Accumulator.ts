import type { WindowEvent } from './ComputedAttribute';

/**
 * One run of an aggregation over one profile's events: given each event of the window that
 * matches `where`, in any order, then asked for the value (JSON).
 */
export interface Accumulator {
  add(event: WindowEvent): void;
  result(): unknown;
}

/** Starts a fresh run; everything that depends only on the definition is worked out before. */
export type AccumulatorFactory = () => Accumulator;

/** The value an aggregation reads from an event's data (undefined when absent). */
export type ReadValue = (data: Record<string, unknown>) => unknown;
