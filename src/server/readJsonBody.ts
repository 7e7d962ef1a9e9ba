import type { IncomingMessage } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { BodyErrorFields } from './httpErrorAnswer';

const DECODERS: Readonly<Record<string, (() => Transform) | undefined>> = {
  gzip: createGunzip,
  'x-gzip': createGunzip,
  deflate: createInflate,
  br: createBrotliDecompress,
};

const bodyError = (status: number, message: string, type?: string) =>
  Object.assign(new Error(message), { status, type } satisfies BodyErrorFields);

/**
 * A request's JSON body as body-parser's strict JSON parser reads it: only for an
 * `application/json` content type (undefined otherwise, and for an empty body), an object or
 * array at the top, at most `limitBytes` once decoded (gzip, deflate and br are decoded).
 * Errors carry the HTTP status (400, 413 or 415) for httpErrorAnswer.
 */
export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const essence = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (essence !== 'application/json') {
    req.resume(); // read and dropped, so the connection can serve the next request
    return undefined;
  }
  const text = await readText(decoded(req), limitBytes);
  const start = /\S/.exec(text);
  if (start === null) return undefined;
  if (start[0] !== '{' && start[0] !== '[') {
    throw bodyError(
      400,
      `Unexpected token '${start[0]}': not an object or array`,
      'entity.parse.failed',
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw bodyError(400, (error as Error).message, 'entity.parse.failed');
  }
}

function decoded(req: IncomingMessage): Readable {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity') return req;
  const decoder = DECODERS[encoding];
  if (decoder === undefined) {
    req.resume();
    throw bodyError(415, `unsupported content encoding "${encoding}"`);
  }
  return req.pipe(decoder());
}

/** The body as text; one over `limitBytes` is still read to its end (dropped), so that the
 * connection stays usable for the next request, and then refused. */
async function readText(body: Readable, limitBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      if (size <= limitBytes) chunks.push(chunk as Buffer);
    }
  } catch (error) {
    throw bodyError(400, `the request body could not be read: ${(error as Error).message}`);
  }
  if (size > limitBytes) throw bodyError(413, 'request entity too large');
  return Buffer.concat(chunks, size).toString('utf8');
}
