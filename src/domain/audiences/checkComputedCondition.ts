import type { Issues } from '../Issues';
import type { ComputedCondition } from './Audience';
import { checkOneFilter } from './checkOneFilter';
import { computedValueFilter } from './computedValueFilter';

/**
 * SEMANTICS §5: a computed condition names an ACTIVE computed attribute (only those have
 * values) and tests its value with an operator and value checked as a filter's are
 * (`${field}.value`). Returns the condition with only its own fields.
 */
export function checkComputedCondition(
  issues: Issues,
  input: ComputedCondition,
  field: string,
  knownComputed: ReadonlySet<string>,
): ComputedCondition {
  const { name, op, value } = input;
  if (!knownComputed.has(name)) {
    issues.add(
      `${field}.name`,
      `there is no ACTIVE computed attribute "${name}": it must exist and be ACTIVE`,
    );
  }
  checkOneFilter(issues, computedValueFilter(input), field);
  return value === undefined ? { name, op } : { name, op, value };
}
