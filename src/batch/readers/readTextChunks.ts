import { createReadStream } from 'node:fs';

/** Big enough to keep syscalls rare, small enough that memory stays flat. */
const CHUNK_BYTES = 64 * 1024;

/**
 * The file as UTF-8 text chunks, streamed (never read whole), without a leading byte-order
 * mark. The stream decoder keeps multi-byte characters whole across chunk boundaries.
 */
export async function* readTextChunks(path: string): AsyncGenerator<string> {
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK_BYTES });
  let first = true;
  for await (const chunk of stream as AsyncIterable<string>) {
    yield first && chunk.startsWith('\uFEFF') ? chunk.slice(1) : chunk;
    first = false;
  }
}
