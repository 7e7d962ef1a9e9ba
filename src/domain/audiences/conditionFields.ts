import { isNullish } from '../filters/isNullish';
import type { ConditionInput } from './Audience';

/** The fields of a condition node, in the API's order (`AudienceCondition`). */
export const CONDITION_FIELDS = ['and', 'or', 'not', 'attribute', 'computed', 'event'] as const;
export type ConditionField = (typeof CONDITION_FIELDS)[number];

/** The fields a node sets: neither left out nor null, in the API's order. */
export const setFieldsOf = (input: ConditionInput): ConditionField[] =>
  CONDITION_FIELDS.filter((name) => !isNullish(input[name]));
