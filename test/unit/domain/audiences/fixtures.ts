import type { Condition, ProfileFacts } from '../../../../src/domain/audiences/Audience';
import type { Duration } from '../../../../src/domain/computed/Duration';
import type { FieldFilter } from '../../../../src/domain/filters/FieldFilter';

/** The ACTIVE computed attributes conditions may name. */
export const ACTIVE = new Set(['lifetimeValue', 'orders', 'lastSkus']);

/** 2024-03-15T12:00:00Z, the instant evaluations happen at unless a test says otherwise. */
export const NOW = Date.UTC(2024, 2, 15, 12);

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export const hours = (count: number): Duration => ({ count, unit: 'HOURS' });
export const days = (count: number): Duration => ({ count, unit: 'DAYS' });

/** An attribute leaf. */
export const attr = (path: string, op: FieldFilter['op'], value?: unknown): Condition => ({
  attribute: value === undefined ? { path, op } : { path, op, value },
});

/** An event leaf: `minCount` events matching `where` within `within`. */
export const evt = (within: Duration, where: FieldFilter[] = [], minCount = 1): Condition => ({
  event: { where, within, minCount },
});

/** A computed leaf. */
export const comp = (name: string, op: FieldFilter['op'], value?: unknown): Condition => ({
  computed: value === undefined ? { name, op } : { name, op, value },
});

/** One profile at NOW with nothing but what the test gives. */
export function facts(given: Partial<ProfileFacts> = {}): ProfileFacts {
  return { attributes: {}, computed: new Map(), events: [], now: NOW, ...given };
}

/** An event `ago` milliseconds before NOW (negative: after it). */
export const eventAgo = (
  ago: number,
  data: Record<string, unknown> = {},
): ProfileFacts['events'][number] => ({ timestamp: NOW - ago, data });
