import type { WindowEvent } from '../../../../src/domain/computed/ComputedAttribute';
import type { FieldKind } from '../../../../src/domain/computed/FieldKind';
import type { AggregationDefinition } from '../../../../src/domain/computed/accumulatorFor';
import type { FieldFilter } from '../../../../src/domain/filters/FieldFilter';

export { deepFreeze } from '../ingestion/fixtures';

/** The instant values are computed at: 15 March 2024, 12:00 UTC. */
export const NOW = Date.UTC(2024, 2, 15, 12);

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** An event `ago` milliseconds before NOW (negative: in the future). */
export const event = (
  eventId: string,
  ago: number,
  data: Record<string, unknown> = {},
): WindowEvent => ({ timestamp: NOW - ago, eventId, data });

/** A definition over the last 7 days; COUNT of every event unless changed. */
export const definition = (change: Partial<AggregationDefinition> = {}): AggregationDefinition => ({
  function: 'COUNT',
  field: null,
  fieldKind: null,
  where: [],
  lookback: { count: 7, unit: 'DAYS' },
  ...change,
});

/** A definition of `fn` over `field` of `kind`, over the last 7 days, with `where`. */
export const over = (
  fn: AggregationDefinition['function'],
  field: string,
  kind: FieldKind,
  where: FieldFilter[] = [],
): AggregationDefinition => definition({ function: fn, field, fieldKind: kind, where });

/** What EXPERIENCE_EVENT schemas declare, as the service passes it. */
export const EVENT_FIELDS: ReadonlyMap<string, FieldKind> = new Map<string, FieldKind>([
  ['_id', 'string'],
  ['timestamp', 'date-time'],
  ['identityMap', 'object'],
  ['eventType', 'string'],
  ['commerce', 'object'],
  ['commerce.order', 'object'],
  ['commerce.order.total', 'number'],
  ['commerce.order.placedAt', 'date-time'],
  ['commerce.order.paid', 'boolean'],
  ['commerce.order.lines', 'array'],
  ['commerce.order.lines.sku', 'string'],
  ['web.page', 'object'],
  ['web.page.tags', 'array'],
]);
