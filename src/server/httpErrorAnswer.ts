import { AppError, type ErrorCode } from '../domain/AppError';

const STATUS: Partial<Record<ErrorCode, number>> = {
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  FORBIDDEN: 403,
};

/** An HTTP error as answered: its status and GraphQL-shaped JSON body. */
export interface HttpErrorAnswer {
  status: number;
  body: { errors: { message: string; extensions: Record<string, unknown> }[] };
  /** A server fault, to be logged; its message is not shown. */
  unexpected: boolean;
}

/**
 * The answer to an error of a request GraphQL never saw (a body that is not JSON, one too
 * large) or of a REST route: GraphQL-shaped JSON with a code, never a stack trace. AppErrors
 * keep their code and field and get the matching status; errors with a 4xx `status` (request
 * body errors) keep it; anything else is a 500.
 */
export function httpErrorAnswer(error: unknown): HttpErrorAnswer {
  if (error instanceof AppError) {
    const extensions = { code: error.code, field: error.field };
    const status = STATUS[error.code] ?? 400;
    return {
      status,
      body: { errors: [{ message: error.message, extensions }] },
      unexpected: false,
    };
  }
  const { status: given, type, message } = error as BodyErrorFields;
  const status = typeof given === 'number' && given >= 400 && given < 500 ? given : 500;
  const code =
    status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST';
  const text =
    status === 500
      ? 'Internal server error'
      : type === 'entity.parse.failed'
        ? `The request body is not valid JSON: ${message ?? ''}`
        : (message ?? 'Bad request');
  return {
    status,
    body: { errors: [{ message: text, extensions: { code } }] },
    unexpected: status === 500,
  };
}

/** What request body errors carry (body-parser's, and readJsonBody's). */
export interface BodyErrorFields {
  status?: number;
  type?: string;
  message?: string;
}
