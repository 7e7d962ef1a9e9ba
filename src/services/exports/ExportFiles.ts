import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { once } from 'node:events';
import { exportFileOf, type ExportJob } from '../../domain/exports/ExportJob';

type JobFile = Pick<ExportJob, 'id' | 'format'>;

/** An export's file while it is being written: appended to, then published or removed. */
export interface ExportFileWriter {
  /** Appends text, waiting while the disk is behind (memory stays bounded). */
  write(text: string): Promise<void>;
  /** Closes the file and gives it its final name: from now on it is served. */
  publish(): Promise<void>;
  /** Closes the file and removes it. */
  discard(): Promise<void>;
}

/**
 * Where export files live: `<root>/<sandbox>/<job>.<ext>`. A file is written under a
 * temporary name and renamed when whole, so a final name always holds a complete export.
 */
export class ExportFiles {
  constructor(private readonly root: string) {}

  path(sandbox: string, job: JobFile): string {
    return join(this.root, sandbox, exportFileOf(job).name);
  }

  /** The temporary name: a file that exists here belongs to an unfinished (or crashed) job. */
  partialPath(sandbox: string, job: JobFile): string {
    return `${this.path(sandbox, job)}.partial`;
  }

  async open(sandbox: string, job: JobFile): Promise<ExportFileWriter> {
    await mkdir(join(this.root, sandbox), { recursive: true });
    const partial = this.partialPath(sandbox, job);
    const file = new FileStream(createWriteStream(partial));
    await file.opened();
    return {
      write: (text) => file.write(text),
      publish: async () => {
        await file.close();
        await rename(partial, this.path(sandbox, job));
      },
      discard: async () => {
        file.destroy();
        await rm(partial, { force: true });
      },
    };
  }

  /** Removes a job's file and any partial one. */
  async remove(sandbox: string, job: JobFile): Promise<void> {
    await rm(this.partialPath(sandbox, job), { force: true });
    await rm(this.path(sandbox, job), { force: true });
  }
}

/**
 * A write stream whose failure is kept and thrown at the next call: a disk error between two
 * writes fails the export instead of going unheard (an unheard 'error' would end the process).
 */
class FileStream {
  private failure: Error | undefined;

  constructor(private readonly stream: WriteStream) {
    stream.on('error', (error: Error) => {
      this.failure ??= error;
    });
  }

  async opened(): Promise<void> {
    await once(this.stream, 'open');
  }

  async write(text: string): Promise<void> {
    this.check();
    if (text.length === 0 || this.stream.write(text)) return;
    await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    this.check();
    this.stream.end();
    await once(this.stream, 'finish');
  }

  destroy(): void {
    this.stream.destroy();
  }

  private check(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}
