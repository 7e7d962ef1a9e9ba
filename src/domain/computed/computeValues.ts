import type { ComputedAttribute, WindowEvent } from './ComputedAttribute';
import type { AggregationDefinition } from './accumulatorFor';
import { compileAggregation } from './compileAggregation';

/** What computing the values of a set of definitions needs of each. */
export type ValueDefinition = AggregationDefinition & Pick<ComputedAttribute, 'name' | 'status'>;

/** Values by name of one profile, at one instant. */
export type ComputedValues = (events: readonly WindowEvent[], now: number) => Map<string, unknown>;

/**
 * SEMANTICS §5: only ACTIVE computed attributes are computed and shown. Compiles each once;
 * each run reads the events once per ACTIVE definition, in the order of `definitions`.
 */
export function compileComputedValues(definitions: readonly ValueDefinition[]): ComputedValues {
  const compiled = definitions
    .filter((definition) => definition.status === 'ACTIVE')
    .map((definition) => [definition.name, compileAggregation(definition)] as const);
  return (events, now) => new Map(compiled.map(([name, run]) => [name, run(events, now)]));
}

/**
 * The values by name of the ACTIVE definitions over one profile's events at `now` (SEMANTICS
 * §5); for many profiles, `compileComputedValues` once and reuse it.
 */
export const computeValues = (
  definitions: readonly ValueDefinition[],
  events: readonly WindowEvent[],
  now: number,
): Map<string, unknown> => compileComputedValues(definitions)(events, now);
