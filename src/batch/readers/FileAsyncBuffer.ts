import { open, type FileHandle } from 'node:fs/promises';

/**
 * A local file as hyparquet's AsyncBuffer: hyparquet asks for byte ranges (the footer, then the
 * column chunks of the row group being read) and gets each with positional reads on one open
 * handle, so the file is never read whole. Call `close` when done.
 */
export class FileAsyncBuffer {
  private constructor(
    private readonly handle: FileHandle,
    readonly byteLength: number,
  ) {}

  static async open(path: string): Promise<FileAsyncBuffer> {
    const handle = await open(path, 'r');
    try {
      return new FileAsyncBuffer(handle, (await handle.stat()).size);
    } catch (err) {
      await handle.close();
      throw err;
    }
  }

  async slice(start: number, end: number = this.byteLength): Promise<ArrayBuffer> {
    const bytes = new Uint8Array(Math.max(0, end - start));
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await this.handle.read(
        bytes,
        filled,
        bytes.length - filled,
        start + filled,
      );
      if (bytesRead === 0) throw new Error(`unexpected end of file at byte ${start + filled}`);
      filled += bytesRead;
    }
    return bytes.buffer;
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}
