import { ItemBuffer, type TextItem } from './ItemBuffer';

/**
 * Cuts a stream of text chunks into lines, numbered from 1. A line ends at `\n`; a `\r` before
 * it (CRLF files) is dropped. The last line needs no line break.
 */
export class LineSplitter {
  private readonly buffer = new ItemBuffer();
  private lineNumber = 1;

  *push(chunk: string): Generator<TextItem> {
    let start = 0;
    for (let end = chunk.indexOf('\n'); end !== -1; end = chunk.indexOf('\n', start)) {
      this.buffer.append(chunk.slice(start, end));
      yield this.take();
      start = end + 1;
    }
    this.buffer.append(chunk.slice(start));
  }

  /** The last line, when the file does not end with a line break. */
  *end(): Generator<TextItem> {
    if (!this.buffer.isEmpty) yield this.take();
  }

  private take(): TextItem {
    const item = this.buffer.take(this.lineNumber++);
    if (!item.oversized && item.text.endsWith('\r')) item.text = item.text.slice(0, -1);
    return item;
  }
}
