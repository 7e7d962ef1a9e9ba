import { Issues } from '../Issues';
import { isNullish } from '../filters/isNullish';
import type { Condition, ConditionInput } from './Audience';
import { checkComputedCondition } from './checkComputedCondition';
import { checkEventCondition } from './checkEventCondition';
import { checkOneFilter } from './checkOneFilter';
import { CONDITION_FIELDS, setFieldsOf } from './conditionFields';
import { MAX_CONDITION_DEPTH, MAX_CONDITION_NODES } from './conditionLimits';
import { copyFilter } from './copyFilter';

/** One walk over a tree: its problems, the names it may use, and the nodes seen so far. */
interface Walk {
  issues: Issues;
  knownComputed: ReadonlySet<string>;
  nodes: number;
}

const TOO_MANY = `holds too many conditions: at most ${MAX_CONDITION_NODES}, counting every node`;
const TOO_DEEP = `nests too deep: a condition tree is at most ${MAX_CONDITION_DEPTH} levels deep`;
const ONE_OF = `must set exactly one of ${CONDITION_FIELDS.join(', ')}`;

/**
 * SEMANTICS §5: checks an audience's condition tree, failing with one BAD_USER_INPUT error that
 * lists every problem with its path (`input.condition.and[1].or[0]`):
 * - each node sets exactly one of `and`, `or`, `not`, `attribute`, `computed`, `event` (a node
 *   setting several is still checked field by field, so all its problems show at once);
 * - `and` and `or` list at least one condition;
 * - the tree is at most `MAX_CONDITION_DEPTH` deep and holds at most `MAX_CONDITION_NODES`;
 * - `attribute` is a filter on merged attributes, checked as filters are (`.attribute.value`);
 * - `computed` names one of `knownComputed`, the ACTIVE computed attributes;
 * - `event` as `checkEventCondition` says.
 * Returns the tree with only its own fields and defaults filled in: what is stored and shown.
 */
export function checkCondition(
  input: ConditionInput,
  field = 'input.condition',
  knownComputed: ReadonlySet<string>,
): Condition {
  const walk: Walk = { issues: new Issues(), knownComputed, nodes: 0 };
  const condition = checkNode(walk, input, field, 1);
  if (walk.nodes > MAX_CONDITION_NODES) walk.issues.add(field, TOO_MANY);
  walk.issues.throwIfAny();
  // A node yields no condition only after adding a problem, so there is one here.
  return condition as Condition;
}

function checkNode(
  walk: Walk,
  input: ConditionInput,
  field: string,
  depth: number,
): Condition | undefined {
  walk.nodes += 1;
  if (depth > MAX_CONDITION_DEPTH) {
    walk.issues.add(field, TOO_DEEP);
    return undefined;
  }
  const set = setFieldsOf(input);
  if (set.length !== 1) {
    walk.issues.add(field, `${ONE_OF}; found ${set.length === 0 ? 'none' : set.join(', ')}`);
  }
  const parts = checkParts(walk, input, field, depth);
  return parts.length === 1 ? parts[0] : undefined;
}

/** Every field the node sets, checked; undefined for a combination whose parts had problems. */
function checkParts(
  walk: Walk,
  input: ConditionInput,
  field: string,
  depth: number,
): (Condition | undefined)[] {
  const { and, or, not, attribute, computed, event } = input;
  const { issues, knownComputed } = walk;
  const parts: (Condition | undefined)[] = [];
  if (!isNullish(and)) parts.push(checkList(walk, 'and', and, field, depth));
  if (!isNullish(or)) parts.push(checkList(walk, 'or', or, field, depth));
  if (!isNullish(not)) {
    const inner = checkNode(walk, not, `${field}.not`, depth + 1);
    parts.push(inner === undefined ? undefined : { not: inner });
  }
  if (!isNullish(attribute)) {
    checkOneFilter(issues, attribute, `${field}.attribute`);
    parts.push({ attribute: copyFilter(attribute) });
  }
  if (!isNullish(computed)) {
    const at = `${field}.computed`;
    parts.push({ computed: checkComputedCondition(issues, computed, at, knownComputed) });
  }
  if (!isNullish(event)) {
    parts.push({ event: checkEventCondition(issues, event, `${field}.event`) });
  }
  return parts;
}

function checkList(
  walk: Walk,
  name: 'and' | 'or',
  list: readonly ConditionInput[],
  parent: string,
  depth: number,
): Condition | undefined {
  const field = `${parent}.${name}`;
  if (list.length === 0) {
    walk.issues.add(field, 'must list at least one condition');
    return undefined;
  }
  const checked = list.map((item, i) => checkNode(walk, item, `${field}[${i}]`, depth + 1));
  if (!checked.every((c): c is Condition => c !== undefined)) return undefined;
  return name === 'and' ? { and: checked } : { or: checked };
}
