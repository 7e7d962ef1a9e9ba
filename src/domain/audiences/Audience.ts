import type { FieldFilter, FilterOperator } from '../filters/FieldFilter';
import type { Duration } from '../computed/Duration';

/** SEMANTICS §5: a test of an ACTIVE computed attribute's value, as a filter tests a field. */
export interface ComputedCondition {
  name: string;
  op: FilterOperator;
  value?: unknown;
}

/** SEMANTICS §5: at least `minCount` events matching all of `where` within the last `within`. */
export interface EventCondition {
  where: FieldFilter[];
  within: Duration;
  minCount: number;
}

/** SEMANTICS §5: a condition tree; each node is exactly one of these. */
export type Condition =
  | { and: Condition[] }
  | { or: Condition[] }
  | { not: Condition }
  | { attribute: FieldFilter }
  | { computed: ComputedCondition }
  | { event: EventCondition };

/** A node that reads the profile rather than combining other nodes. */
export type ConditionLeaf = Extract<
  Condition,
  { attribute: unknown } | { computed: unknown } | { event: unknown }
>;

/** A condition node as the API receives it: any number of its fields may be set. */
export interface ConditionInput {
  and?: ConditionInput[] | null;
  or?: ConditionInput[] | null;
  not?: ConditionInput | null;
  attribute?: FieldFilter | null;
  computed?: ComputedCondition | null;
  event?: { where?: FieldFilter[] | null; within: Duration; minCount?: number | null } | null;
}

export interface Audience {
  id: string;
  name: string;
  description: string | null;
  /** The checked condition tree; it is also what `definition` shows. */
  condition: Condition;
  mergePolicyId: string;
  /** The evaluation of the profiles that existed when it was created (SEMANTICS §5). */
  backfill: { done: boolean; cursor: string | null; evaluated: number };
  createdAt: Date;
  updatedAt: Date;
}

export const MEMBERSHIP_STATUSES = ['REALIZED', 'EXISTING', 'EXITED'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/**
 * One profile's standing in one audience. `profileKey` names the profile under the audience's
 * merge policy: `g:<graphId>` when it stitches graphs, `i:<identityKey>` when it does not.
 * `since` is when it entered (REALIZED, EXISTING) or left (EXITED).
 */
export interface Membership {
  audienceId: string;
  profileKey: string;
  /** An identity of the profile, for events and pages of members. */
  identityKey: string;
  status: MembershipStatus;
  since: number;
}

/** What a condition is evaluated on: one merged profile at one instant. */
export interface ProfileFacts {
  /** The merged attributes under the audience's merge policy. */
  attributes: Record<string, unknown>;
  /** ACTIVE computed attribute values by name (SEMANTICS §5). */
  computed: ReadonlyMap<string, unknown>;
  /** The profile's events, newest first, at least as far back as the conditions look. */
  events: readonly { timestamp: number; data: Record<string, unknown> }[];
  /** Epoch ms. */
  now: number;
}
