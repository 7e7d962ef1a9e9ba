import { Issues } from '../Issues';
import { checkText } from '../catalog/checkText';
import {
  AGGREGATION_FUNCTIONS,
  COMPUTED_ATTRIBUTE_STATUSES,
  type ComputedAttributeDefinition,
  type ComputedAttributeInput,
} from './ComputedAttribute';
import type { FieldKind } from './FieldKind';
import { checkActiveLimit } from './checkActiveLimit';
import { checkAggregatedField } from './checkAggregatedField';
import { checkComputedName } from './checkComputedName';
import { checkLookback } from './checkLookback';
import { checkNameFree } from './checkNameFree';
import { checkWhere } from './checkWhere';

/** Descriptions are as long as other catalog descriptions may be. */
export const MAX_DESCRIPTION_LENGTH = 1024;

const isOneOf = (list: readonly string[], value: unknown): boolean =>
  typeof value === 'string' && list.includes(value);

/**
 * SEMANTICS §5 `createComputedAttribute`. First every problem of the input itself, in one
 * BAD_USER_INPUT error (`input.name`, `input.description`, `input.function`, `input.field`,
 * `input.where[i].path`/`.value`, `input.lookback.count`/`.unit`, `input.status`); then what
 * depends on the other definitions, as CONFLICT: a name already taken (`checkNameFree`) and,
 * when it would be ACTIVE (the default), the limit of 100 (`checkActiveLimit`). `eventFields`
 * maps the dot paths EXPERIENCE_EVENT schemas declare to their kinds; `activeCount` is how many
 * are ACTIVE and `existingNames` the names of all of them.
 */
export function checkComputedAttribute(
  input: ComputedAttributeInput,
  eventFields: ReadonlyMap<string, FieldKind>,
  activeCount: number,
  existingNames: Iterable<string>,
): ComputedAttributeDefinition {
  const issues = new Issues();
  checkComputedName(issues, input.name, 'input.name');
  checkText(issues, 'input.description', input.description, {
    required: false,
    max: MAX_DESCRIPTION_LENGTH,
  });
  const fieldKind = checkFunction(issues, input, eventFields);
  checkWhere(issues, input.where ?? [], eventFields, 'input.where');
  checkLookback(issues, input.lookback, 'input.lookback');
  const status = input.status ?? 'ACTIVE';
  if (!isOneOf(COMPUTED_ATTRIBUTE_STATUSES, status)) {
    issues.add('input.status', `must be one of ${COMPUTED_ATTRIBUTE_STATUSES.join(', ')}`);
  }
  issues.throwIfAny();
  checkNameFree(input.name, existingNames, 'input.name');
  if (status === 'ACTIVE') checkActiveLimit(activeCount, 'input.status');
  return {
    name: input.name,
    description: input.description ?? null,
    function: input.function,
    field: input.function === 'COUNT' ? null : (input.field ?? null),
    fieldKind,
    where: (input.where ?? []).map((filter) => ({ ...filter })),
    lookback: { count: input.lookback.count, unit: input.lookback.unit },
    status,
  };
}

/** The function and its field; returns the field's kind (null for COUNT or on a problem). */
function checkFunction(
  issues: Issues,
  input: ComputedAttributeInput,
  eventFields: ReadonlyMap<string, FieldKind>,
): FieldKind | null {
  if (!isOneOf(AGGREGATION_FUNCTIONS, input.function)) {
    issues.add('input.function', `must be one of ${AGGREGATION_FUNCTIONS.join(', ')}`);
    return null;
  }
  return checkAggregatedField(issues, input.function, input.field, eventFields, 'input.field');
}
