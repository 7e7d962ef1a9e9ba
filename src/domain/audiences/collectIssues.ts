import { AppError, type Issue } from '../AppError';
import type { Issues } from '../Issues';

/**
 * Runs a check that throws BAD_USER_INPUT and adds its problems to `issues` instead, so that a
 * whole condition tree reports every problem at once. `rename` maps each problem's path (the
 * check's prefix to the node's path). Any other error is not a user's problem and is rethrown.
 */
export function collectIssues(
  issues: Issues,
  check: () => void,
  rename: (field: string) => string = (field) => field,
): void {
  try {
    check();
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'BAD_USER_INPUT') throw error;
    for (const { field, message } of problemsOf(error)) issues.add(rename(field), message);
  }
}

/**
 * An error's problems, each message without the `field: ` that `badInput` puts before it (its
 * path is added again when the problems are thrown together).
 */
function problemsOf(error: AppError): Issue[] {
  const found = error.issues.length > 0 ? error.issues : [{ field: '', message: error.message }];
  return found.map(({ field, message }) => ({
    field,
    message: message.startsWith(`${field}: `) ? message.slice(field.length + 2) : message,
  }));
}
