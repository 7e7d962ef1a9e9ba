import { AppError } from '../../../src/domain/AppError';

/** One expected problem: the exact `field` and a meaningful part of its message. */
export type ExpectedIssue = readonly [field: string, messagePart: string];

/** Runs `run`, which must throw an AppError, and returns that error. */
export function catchAppError(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError, but nothing was thrown');
}

/**
 * Asserts that `run` throws one BAD_USER_INPUT error naming the first problem and listing
 * exactly the expected ones, in order.
 */
export function expectBadInput(run: () => unknown, expected: readonly ExpectedIssue[]): AppError {
  const error = catchAppError(run);
  const [first] = expected;
  if (first === undefined) throw new Error('expectBadInput needs at least one expected issue');
  expect(error.code).toBe('BAD_USER_INPUT');
  expect(error.field).toBe(first[0]);
  expect(error.issues.map((i) => i.field)).toEqual(expected.map(([field]) => field));
  expected.forEach(([, part], i) => {
    expect(error.issues[i]?.message).toContain(part);
  });
  const firstIssue = error.issues[0]!;
  const more = expected.length > 1 ? ` (and ${expected.length - 1} more problem(s))` : '';
  expect(error.message).toBe(`${firstIssue.field}: ${firstIssue.message}${more}`);
  return error;
}
