import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { profileRecords } from './records';

const LINES_PER_WRITE = 1000;

/**
 * Writes records `base`…`base + count - 1` to `path`, one JSON object per line, waiting on
 * back-pressure so memory stays flat whatever the count. Returns the file's size in bytes.
 */
export async function writeNdjson(path: string, base: number, count: number): Promise<number> {
  const out = createWriteStream(path);
  for (let from = 0; from < count; from += LINES_PER_WRITE) {
    const records = profileRecords(base, from, Math.min(count, from + LINES_PER_WRITE));
    const text = `${records.map((r) => JSON.stringify(r)).join('\n')}\n`;
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
  return out.bytesWritten;
}
