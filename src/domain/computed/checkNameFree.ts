import { conflict } from '../AppError';

/**
 * SEMANTICS §5: computed attribute names are unique, compared case-insensitively (as namespace
 * codes are), so `orderCount` and `OrderCount` never name two values of one profile. Throws
 * CONFLICT naming the existing one.
 */
export function checkNameFree(
  name: string,
  existingNames: Iterable<string>,
  field = 'input.name',
): void {
  const key = name.toLowerCase();
  for (const existing of existingNames) {
    if (existing.toLowerCase() === key) {
      throw conflict(
        field,
        `a computed attribute named "${existing}" already exists (names are unique, whatever their case)`,
      );
    }
  }
}
