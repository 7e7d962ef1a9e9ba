/** The record shape every stage writes: three identities (CRMID primary, Email, Phone). */
export interface ProfileRecord {
  crmId: string;
  email: string;
  phone: string;
  person: { name: { firstName: string } };
  loyalty: { points: number };
}

/**
 * Each stage numbers its records from its own base, so no two stages share an identity: the
 * batch then measures new profiles, not updates of the streamed ones.
 */
export const RECORD_BASES = {
  warmUp: 1_000_000_000,
  streaming: 2_000_000_000,
  batch: 3_000_000_000,
  lookupFill: 4_000_000_000,
  subscribers: 5_000_000_000,
} as const;

const FIRST_NAMES = ['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Donald', 'Frances', 'Ken'];

/** Record number `n`: deterministic, so the streaming and raw stages write the same data. */
export function profileRecord(n: number): ProfileRecord {
  return {
    crmId: `CRM${n}`,
    email: `customer${n}@example.com`,
    phone: `+1${String(n).padStart(10, '0')}`,
    person: { name: { firstName: FIRST_NAMES[n % FIRST_NAMES.length]! } },
    loyalty: { points: n % 5000 },
  };
}

/** Records `base + from` up to (not including) `base + to`. */
export function profileRecords(base: number, from: number, to: number): ProfileRecord[] {
  const records: ProfileRecord[] = [];
  for (let i = from; i < to; i++) records.push(profileRecord(base + i));
  return records;
}

/** Record number `n` with its points set to `points`: a change its profile's subscribers see. */
export const changedRecord = (n: number, points: number): ProfileRecord => ({
  ...profileRecord(n),
  loyalty: { points },
});
