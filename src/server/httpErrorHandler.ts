import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../logger';
import { httpErrorAnswer } from './httpErrorAnswer';

/** Express's last handler: errors answer as httpErrorAnswer says, server faults logged. */
export function httpErrorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const answer = httpErrorAnswer(error);
    if (answer.unexpected) logger.error({ err: error }, 'unhandled HTTP error');
    res.status(answer.status).json(answer.body);
  };
}
