import { AppError, type Issue } from './AppError';

/**
 * Collects every problem of one input before failing, so a user fixes them all in one round
 * trip instead of one per request.
 */
export class Issues {
  private readonly list: Issue[] = [];

  add(field: string, message: string): void {
    this.list.push({ field, message });
  }

  get isEmpty(): boolean {
    return this.list.length === 0;
  }

  /** Throws one BAD_USER_INPUT error naming the first problem and listing all of them. */
  throwIfAny(): void {
    const [first] = this.list;
    if (first === undefined) return;
    const more = this.list.length > 1 ? ` (and ${this.list.length - 1} more problem(s))` : '';
    throw new AppError(
      'BAD_USER_INPUT',
      `${first.field}: ${first.message}${more}`,
      first.field,
      this.list,
    );
  }
}
