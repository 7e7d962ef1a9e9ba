import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../logger';

/**
 * Errors raised before GraphQL runs (a body that is not JSON, one too large) answer as
 * GraphQL-shaped JSON with a code, never express's HTML page with a stack trace.
 */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: { status?: number; type?: string; message?: string }, _req, res, _next) => {
    const status = typeof error.status === 'number' && error.status < 500 ? error.status : 500;
    if (status === 500) logger.error({ err: error }, 'unhandled HTTP error');
    const code =
      status === 413
        ? 'PAYLOAD_TOO_LARGE'
        : status === 500
          ? 'INTERNAL_SERVER_ERROR'
          : 'BAD_REQUEST';
    const message =
      status === 500
        ? 'Internal server error'
        : error.type === 'entity.parse.failed'
          ? `The request body is not valid JSON: ${error.message ?? ''}`
          : (error.message ?? 'Bad request');
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
}
