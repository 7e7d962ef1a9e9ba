import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { badInput } from '../../domain/AppError';

const FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

/**
 * Where uploaded batch files live until their batch finishes: `<root>/<sandbox>/<batch>/<name>`.
 * Uploads stream to disk (never held in memory) and appear under their name only once whole.
 */
export class BatchFiles {
  constructor(private readonly root: string) {}

  path(sandbox: string, batchId: string, name: string): string {
    return join(this.root, sandbox, batchId, name);
  }

  /** Streams `body` to the batch's file `name` (replacing an earlier upload); returns its size. */
  async write(sandbox: string, batchId: string, name: string, body: Readable): Promise<number> {
    if (!FILE_NAME.test(name)) {
      throw badInput(
        'fileName',
        'use letters, digits, ".", "_" or "-" (at most 200), starting with a letter or digit',
      );
    }
    const final = this.path(sandbox, batchId, name);
    const partial = `${final}.uploading`;
    await mkdir(join(this.root, sandbox, batchId), { recursive: true });
    try {
      await pipeline(body, createWriteStream(partial));
      await rename(partial, final);
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    return (await stat(final)).size;
  }

  /** Removes a finished batch's files (its failed records are kept in the store). */
  async remove(sandbox: string, batchId: string): Promise<void> {
    await rm(join(this.root, sandbox, batchId), { recursive: true, force: true });
  }
}
