import { conflict } from '../AppError';

/** SEMANTICS §5: at most this many computed attributes are ACTIVE at once. */
export const MAX_ACTIVE_COMPUTED_ATTRIBUTES = 100;

/**
 * SEMANTICS §5: one more ACTIVE computed attribute is allowed while fewer than 100 are. Over
 * the limit it throws CONFLICT, not BAD_USER_INPUT: the request itself is fine and succeeds
 * once another one is disabled or deleted (or when this one is created as DRAFT or DISABLED).
 * `activeCount` is how many are ACTIVE now, not counting the one being activated.
 */
export function checkActiveLimit(activeCount: number, field = 'input.status'): void {
  if (activeCount >= MAX_ACTIVE_COMPUTED_ATTRIBUTES) {
    throw conflict(
      field,
      `at most ${MAX_ACTIVE_COMPUTED_ATTRIBUTES} computed attributes can be ACTIVE and ${activeCount} are; disable or delete one first`,
    );
  }
}
