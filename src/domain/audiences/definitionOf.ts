import type { FieldFilter } from '../filters/FieldFilter';
import { copyJson } from '../merge/copyJson';
import type { JsonObject, JsonValue } from '../records/mergePatch';
import type { Condition } from './Audience';

/**
 * The JSON shown as `Audience.definition`: the condition tree as given, with the defaults it
 * was checked with written out (an event condition's `where` as `[]` when left out, and its
 * `minCount`), so that what is shown is exactly what is evaluated. A value left out (EXISTS)
 * stays out. Shares nothing with the condition.
 */
export function definitionOf(condition: Condition): JsonObject {
  if ('and' in condition) return { and: condition.and.map(definitionOf) };
  if ('or' in condition) return { or: condition.or.map(definitionOf) };
  if ('not' in condition) return { not: definitionOf(condition.not) };
  if ('attribute' in condition) return { attribute: filterJson(condition.attribute) };
  if ('computed' in condition) {
    const { name, op, value } = condition.computed;
    return { computed: withValue({ name, op }, value) };
  }
  const { where, within, minCount } = condition.event;
  return {
    event: {
      where: where.map(filterJson),
      within: { count: within.count, unit: within.unit },
      minCount,
    },
  };
}

const filterJson = ({ path, op, value }: FieldFilter): JsonObject => withValue({ path, op }, value);

// Filter values arrive as the API's JSON scalar, so they are JSON values.
const withValue = (json: JsonObject, value: unknown): JsonObject =>
  value === undefined ? json : { ...json, value: copyJson(value as JsonValue) };
