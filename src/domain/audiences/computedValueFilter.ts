import type { FieldFilter } from '../filters/FieldFilter';
import type { ComputedCondition } from './Audience';
import { copyFilter } from './copyFilter';

/**
 * SEMANTICS §5: a computed condition tests the attribute's value exactly as a filter tests a
 * field, so it is that filter at the path `value` of `{ value }` (`computedValueOf`). One
 * filter engine then checks and evaluates attribute, computed and event tests alike.
 */
export const computedValueFilter = ({ op, value }: ComputedCondition): FieldFilter =>
  copyFilter({ path: 'value', op, value });

/** What a computed condition's filter reads: the value, absent when none was computed. */
export const computedValueOf = (
  computed: ReadonlyMap<string, unknown>,
  name: string,
): Record<string, unknown> => (computed.has(name) ? { value: computed.get(name) } : {});
