import type { IdentityType } from '../enumValues';
import type { Identity } from '../identity/Identity';
import type { RecordError } from '../records/RecordError';

/** A record that passed every check and will be stored (SEMANTICS §2). */
export interface PreparedRecord {
  index: number;
  /** The record's data, without identityMap (identities live in the graph). */
  attributes: Record<string, unknown>;
  /** Primary first. */
  identities: (Identity & { type: IdentityType })[];
  primary: Identity;
  /** Warnings so far; storing may add STALE or DUPLICATE_EVENT. */
  warnings: RecordError[];
  sourceUpdatedAt: number | undefined;
  /** Events only. */
  event?: { id: string; timestamp: number };
}

export interface RejectedRecord {
  index: number;
  errors: RecordError[];
  primary: Identity | undefined;
}

export const isPrepared = (r: PreparedRecord | RejectedRecord): r is PreparedRecord =>
  'attributes' in r;
