import type { Condition, ConditionLeaf } from './Audience';

/** The nodes of a tree that read the profile, left to right, under any and, or and not. */
export function leavesOf(condition: Condition): ConditionLeaf[] {
  if ('and' in condition) return condition.and.flatMap(leavesOf);
  if ('or' in condition) return condition.or.flatMap(leavesOf);
  if ('not' in condition) return leavesOf(condition.not);
  return [condition];
}
