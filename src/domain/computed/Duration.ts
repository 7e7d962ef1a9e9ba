export const DURATION_UNITS = ['HOURS', 'DAYS', 'WEEKS', 'MONTHS'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];

/** A rolling window's length (SEMANTICS §5 lookbacks, audience `event.within`). */
export interface Duration {
  count: number;
  unit: DurationUnit;
}
