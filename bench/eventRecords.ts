/** The event shape the bench writes: one event of the profile of record number `n`. */
export interface EventRecord {
  _id: string;
  timestamp: string;
  eventType: string;
  commerce?: { order: { total: number } };
  identityMap: { CRMID: { id: string }[] };
}

const TYPES = ['purchase', 'view', 'view', 'cart', 'view'] as const;
const HOUR_MS = 3_600_000;

/**
 * Event for record number `n`: of its CRMID, so it joins the profile the record makes.
 * Deterministic relative to `nowMs`: types cycle, purchases carry a total, and timestamps
 * spread over the last 150 hours, so 1–7 day windows each hold a different share.
 */
export function eventRecord(n: number, nowMs: number): EventRecord {
  const eventType = TYPES[n % TYPES.length]!;
  return {
    _id: `ev${n}`,
    timestamp: new Date(nowMs - (n % 150) * HOUR_MS - (n % 1000)).toISOString(),
    eventType,
    ...(eventType === 'purchase' ? { commerce: { order: { total: (n % 200) + 0.99 } } } : {}),
    identityMap: { CRMID: [{ id: `CRM${n}` }] },
  };
}

/** Events of records `base + from` up to (not including) `base + to`. */
export function eventRecords(base: number, from: number, to: number, nowMs: number): EventRecord[] {
  const events: EventRecord[] = [];
  for (let i = from; i < to; i++) events.push(eventRecord(base + i, nowMs));
  return events;
}
