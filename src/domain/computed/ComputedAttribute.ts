import type { FieldFilter } from '../filters/FieldFilter';
import type { Duration } from './Duration';
import type { FieldKind } from './FieldKind';

export const AGGREGATION_FUNCTIONS = [
  'SUM',
  'COUNT',
  'MIN',
  'MAX',
  'AVG',
  'MOST_RECENT',
  'LIST',
] as const;
export type AggregationFunction = (typeof AGGREGATION_FUNCTIONS)[number];

export const COMPUTED_ATTRIBUTE_STATUSES = ['DRAFT', 'ACTIVE', 'DISABLED'] as const;
export type ComputedAttributeStatus = (typeof COMPUTED_ATTRIBUTE_STATUSES)[number];

/**
 * SEMANTICS §5: an aggregation over a profile's events inside a rolling lookback window,
 * filtered by `where`. Only ACTIVE ones are computed and shown.
 */
export interface ComputedAttribute {
  id: string;
  name: string;
  description: string | null;
  function: AggregationFunction;
  /** The event field aggregated (a dot path); null for COUNT. */
  field: string | null;
  /**
   * What `field` holds, as the event schemas declared it when the definition was checked; null
   * for COUNT. MIN and MAX compare date-times as instants and numbers as numbers by it.
   */
  fieldKind: FieldKind | null;
  where: FieldFilter[];
  lookback: Duration;
  status: ComputedAttributeStatus;
  createdAt: Date;
  updatedAt: Date;
}

/** What `createComputedAttribute` receives, before it is checked. */
export interface ComputedAttributeInput {
  name: string;
  description?: string | null;
  function: AggregationFunction;
  field?: string | null;
  where?: FieldFilter[] | null;
  lookback: Duration;
  status?: ComputedAttributeStatus | null;
}

/** An event as aggregations see it: when it happened, and its data. */
export interface WindowEvent {
  timestamp: number;
  eventId: string;
  data: Record<string, unknown>;
}

/** A checked definition, before the store gives it an id and times. */
export type ComputedAttributeDefinition = Omit<ComputedAttribute, 'id' | 'createdAt' | 'updatedAt'>;
