/**
 * The codes every API error carries in `extensions.code`. Per-record ingestion problems are
 * data, not AppErrors.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'GRAPH_TOO_LARGE'
  | 'NOT_EVENT_BATCH'
  | 'SUBSCRIBER_TOO_SLOW'
  | 'INTERNAL_SERVER_ERROR';

/** One problem with one input value; `field` is its path in the request, e.g. `input.fields[2].type`. */
export interface Issue {
  field: string;
  message: string;
}

/** An error a user can act on: a code, a message, and the path of the input that was wrong. */
export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    readonly issues: readonly Issue[] = field === undefined ? [] : [{ field, message }],
  ) {
    super(message);
  }
}

export const badInput = (field: string, message: string): AppError =>
  new AppError('BAD_USER_INPUT', `${field}: ${message}`, field);

export const notFound = (field: string, message: string): AppError =>
  new AppError('NOT_FOUND', message, field);

export const conflict = (field: string, message: string): AppError =>
  new AppError('CONFLICT', message, field);
