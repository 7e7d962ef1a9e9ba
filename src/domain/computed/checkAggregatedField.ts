import type { Issues } from '../Issues';
import type { AggregationFunction } from './ComputedAttribute';
import type { FieldKind } from './FieldKind';
import { lookUpEventField } from './lookUpEventField';

interface FieldRule {
  kinds: readonly FieldKind[];
  /** What the function needs, for messages: "SUM needs a number field". */
  needs: string;
}

const LEAF_KINDS: readonly FieldKind[] = ['number', 'date-time', 'string', 'boolean', 'array'];

/** SEMANTICS §5: the kinds of field each function aggregates. */
const RULES: Readonly<Record<Exclude<AggregationFunction, 'COUNT'>, FieldRule>> = {
  SUM: { kinds: ['number'], needs: 'a number field' },
  AVG: { kinds: ['number'], needs: 'a number field' },
  MIN: { kinds: ['number', 'date-time'], needs: 'a number or date-time field' },
  MAX: { kinds: ['number', 'date-time'], needs: 'a number or date-time field' },
  MOST_RECENT: { kinds: LEAF_KINDS, needs: 'a field that holds a value, not an object' },
  LIST: { kinds: LEAF_KINDS, needs: 'a field that holds a value, not an object' },
};

const KIND_NAMES: Readonly<Record<FieldKind, string>> = {
  number: 'a number',
  'date-time': 'a date-time',
  string: 'a string',
  boolean: 'a boolean',
  object: 'an object',
  array: 'an array',
};

/**
 * SEMANTICS §5: COUNT counts events and takes no field; every other function needs a field an
 * EXPERIENCE_EVENT schema declares, of a kind it can aggregate. Adds problems at `field` and
 * returns the field's kind (null for COUNT, or when the field is not usable).
 */
export function checkAggregatedField(
  issues: Issues,
  fn: AggregationFunction,
  path: string | null | undefined,
  eventFields: ReadonlyMap<string, FieldKind>,
  field: string,
): FieldKind | null {
  const given = path !== null && path !== undefined;
  if (fn === 'COUNT') {
    if (given) {
      issues.add(
        field,
        'COUNT counts events and takes no field; to count events that have one, use `where` with EXISTS',
      );
    }
    return null;
  }
  const rule = RULES[fn];
  if (!given) {
    issues.add(field, `${fn} needs ${rule.needs} of an EXPERIENCE_EVENT schema`);
    return null;
  }
  return checkKind(issues, { fn, path, rule, eventFields, field });
}

interface KindCheck {
  fn: AggregationFunction;
  path: string;
  rule: FieldRule;
  eventFields: ReadonlyMap<string, FieldKind>;
  field: string;
}

function checkKind(issues: Issues, check: KindCheck): FieldKind | null {
  const { fn, path, rule, eventFields, field } = check;
  const { kind, problem } = lookUpEventField(path, eventFields);
  if (kind === undefined) {
    issues.add(field, problem);
    return null;
  }
  if (!rule.kinds.includes(kind)) {
    issues.add(field, `${fn} needs ${rule.needs}; "${path}" is ${KIND_NAMES[kind]} field`);
    return null;
  }
  return kind;
}
