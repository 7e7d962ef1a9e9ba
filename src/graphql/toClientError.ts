import { type GraphQLFormattedError, GraphQLError } from 'graphql';
import { AppError } from '../domain/AppError';

type LogUnexpected = (error: unknown) => void;

/**
 * The one mapping from an error to what a client sees (HTTP and WebSocket alike): AppErrors
 * keep their code, message and input path; errors graphql-js raised for a bad request keep
 * theirs; anything else is logged and reported as INTERNAL_SERVER_ERROR without details.
 */
export function toClientError(
  formatted: GraphQLFormattedError,
  error: unknown,
  logUnexpected: LogUnexpected,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { locations: formatted.locations, path: formatted.path };
  if (original instanceof AppError) {
    const extensions: Record<string, unknown> = { code: original.code };
    if (original.field !== undefined) extensions['field'] = original.field;
    if (original.issues.length > 1) extensions['issues'] = original.issues;
    return { ...base, message: original.message, extensions };
  }
  if (original instanceof GraphQLError) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions: { code: 'BAD_REQUEST', ...extensions } };
  }
  logUnexpected(error);
  return {
    ...base,
    message: 'Internal server error',
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
