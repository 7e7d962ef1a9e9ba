/**
 * How far a condition tree may nest: the root is at depth 1, so ten nested `not`s are the most
 * one chain may hold. Keeps evaluation and its error paths small.
 */
export const MAX_CONDITION_DEPTH = 10;

/** How many nodes (every and, or, not and leaf) one condition tree may hold in all. */
export const MAX_CONDITION_NODES = 100;
