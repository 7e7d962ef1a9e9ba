import type { IncomingMessage } from 'node:http';
import type { Readable, Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { BodyErrorFields } from './httpErrorAnswer';

// A Map, not an object: the header's value must never reach Object.prototype's members.
const DECODERS: ReadonlyMap<string, () => Transform> = new Map([
  ['gzip', createGunzip],
  ['x-gzip', createGunzip],
  ['deflate', createInflate],
  ['br', createBrotliDecompress],
]);

const bodyError = (status: number, message: string, type?: string) =>
  Object.assign(new Error(message), { status, type } satisfies BodyErrorFields);

const tooLarge = () => bodyError(413, 'request entity too large', 'entity.too.large');

/**
 * A request's JSON body as body-parser's strict JSON parser reads it: only for an
 * `application/json` content type (undefined otherwise, and for an empty body), in UTF-8 (a
 * leading byte order mark is skipped), an object or array at the top, at most `limitBytes`
 * once decoded (gzip, deflate and br are decoded). Errors carry the HTTP status (400, 413 or
 * 415) for httpErrorAnswer. A body refused unread is read to its end and dropped first.
 */
export async function readJsonBody(req: IncomingMessage, limitBytes: number): Promise<unknown> {
  const refuse = async (error: Error): Promise<never> => {
    await drain(req);
    throw error;
  };
  const [type = '', ...params] = (req.headers['content-type'] ?? '').split(';');
  if (type.trim().toLowerCase() !== 'application/json') {
    await drain(req);
    return undefined;
  }
  const charset = params
    .map((p) => p.trim().toLowerCase())
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    return refuse(bodyError(415, `unsupported charset "${charset.toUpperCase()}": send UTF-8`));
  }
  if (Number(req.headers['content-length'] ?? 0) > limitBytes) return refuse(tooLarge());
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decoder = encoding === 'identity' ? null : DECODERS.get(encoding);
  if (decoder === undefined) {
    return refuse(bodyError(415, `unsupported content encoding "${encoding}"`));
  }
  const text = await readText(decoded(req, decoder), limitBytes);
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

/**
 * A body being read, and how to stop: the rest of the request is then read and dropped (not
 * inflated), and answering waits for its end, since a client still sending would otherwise
 * see its connection reset instead of the answer.
 */
interface Body {
  stream: Readable;
  stop(): Promise<void>;
}

function decoded(req: IncomingMessage, make: (() => Transform) | null): Body {
  if (make === null) return { stream: req, stop: () => drain(req) };
  const decoder = make();
  // pipe() does not pass the request's errors (an aborted upload) on to the decoder.
  req.once('error', (error) => decoder.destroy(error));
  req.pipe(decoder);
  return {
    stream: decoder,
    stop: () => {
      req.unpipe(decoder);
      decoder.destroy();
      return drain(req);
    },
  };
}

/** Reads the rest of a request and drops it; resolves when it has ended (or failed). */
function drain(req: IncomingMessage): Promise<void> {
  if (req.readableEnded || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    req.once('end', resolve).once('close', resolve).once('error', resolve);
    req.resume();
  });
}

/**
 * The body as text. Decoding stops as soon as it is over `limitBytes`: a few kilobytes of
 * gzip or br can inflate to gigabytes, and inflating them all would cost the server seconds.
 * The request itself is kept (not destroyed), so the 413 reaches the client.
 */
async function readText(body: Body, limitBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body.stream.iterator({ destroyOnReturn: false })) {
      size += (chunk as Buffer).length;
      if (size > limitBytes) break; // leaves the stream as it is, to be stopped below
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    throw bodyError(400, `the request body could not be read: ${(error as Error).message}`);
  }
  if (size > limitBytes) {
    await body.stop();
    throw tooLarge();
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
