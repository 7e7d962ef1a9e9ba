import type { ConditionNeeds } from './conditionNeeds';

/** Which kinds of a profile's data one change touched. */
export interface ChangedData {
  /** Record fragments were written or removed: merged attributes may differ. */
  records: boolean;
  /** Events were added or removed: event conditions and computed values may differ. */
  events: boolean;
  /**
   * The identity graph changed (identities new, linked or moved): the profile itself is now
   * another set of fragments and events, so every audience may differ.
   */
  graph: boolean;
}

/**
 * SEMANTICS §5: whether a change can move a profile into or out of an audience that reads
 * `needs`. Events can't affect an attribute-only audience, nor records an event-only one;
 * computed attributes aggregate events, so events affect them; graph changes affect all. A
 * profile's first data should be passed as a graph change: its identity is new, and any
 * audience (one testing that an attribute does not exist, say) may match it.
 */
export const affectedBy = (needs: ConditionNeeds, change: ChangedData): boolean =>
  change.graph ||
  (change.records && needs.attributes) ||
  (change.events && (needs.events || needs.computed.size > 0));
