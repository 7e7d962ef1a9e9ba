import type { ErrorRequestHandler } from 'express';
import { AppError, type ErrorCode } from '../domain/AppError';
import type { Logger } from '../logger';

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
};

/**
 * Errors of the REST routes and of requests GraphQL never saw (a body that is not JSON, one
 * too large) answer as GraphQL-shaped JSON with a code, never express's HTML page with a
 * stack trace. AppErrors keep their code and field and get the matching HTTP status.
 */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    if (error instanceof AppError) {
      const extensions = { code: error.code, field: error.field };
      res
        .status(STATUS[error.code] ?? 400)
        .json({ errors: [{ message: error.message, extensions }] });
      return;
    }
    const {
      status: given,
      type,
      message,
    } = error as { status?: number; type?: string; message?: string };
    const status = typeof given === 'number' && given < 500 ? given : 500;
    if (status === 500) logger.error({ err: error }, 'unhandled HTTP error');
    const code =
      status === 413
        ? 'PAYLOAD_TOO_LARGE'
        : status === 500
          ? 'INTERNAL_SERVER_ERROR'
          : 'BAD_REQUEST';
    const text =
      status === 500
        ? 'Internal server error'
        : type === 'entity.parse.failed'
          ? `The request body is not valid JSON: ${message ?? ''}`
          : (message ?? 'Bad request');
    res.status(status).json({ errors: [{ message: text, extensions: { code } }] });
  };
}
