import { compileFilter } from '../filters/compileFilter';
import type { Condition, ProfileFacts } from './Audience';
import { compileEventCondition } from './compileEventCondition';
import { computedValueFilter, computedValueOf } from './computedValueFilter';

/** A compiled condition: whether one profile, at one instant, is in the audience. */
export type ConditionTest = (facts: ProfileFacts) => boolean;

/**
 * SEMANTICS §5: a checked condition tree as one predicate, with every filter compiled once so
 * that evaluating many profiles only runs tests. `and` needs all parts (and stops at the first
 * that fails), `or` any (stops at the first that holds), `not` the opposite; `attribute` is its
 * filter on the merged attributes; `computed` the same test on the attribute's current value
 * (a profile without one has it absent: EXISTS false and EQ null match, everything else does
 * not); `event` as `compileEventCondition` says.
 */
export function compileCondition(condition: Condition): ConditionTest {
  if ('and' in condition) {
    const parts = condition.and.map(compileCondition);
    return (facts) => parts.every((part) => part(facts));
  }
  if ('or' in condition) {
    const parts = condition.or.map(compileCondition);
    return (facts) => parts.some((part) => part(facts));
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (facts) => !inner(facts);
  }
  if ('attribute' in condition) {
    const test = compileFilter(condition.attribute);
    return (facts) => test(facts.attributes);
  }
  if ('computed' in condition) {
    const { name } = condition.computed;
    const test = compileFilter(computedValueFilter(condition.computed));
    return (facts) => test(computedValueOf(facts.computed, name));
  }
  return compileEventCondition(condition.event);
}
