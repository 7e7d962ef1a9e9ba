import { MAX_ITEM_CHARS, truncateRaw } from './limits';

/** The text of one item (a line, an array element) cut out of a stream of chunks. */
export interface TextItem {
  /** Line number or element index, 1-based. */
  n: number;
  /** The whole text; only its first RAW_LIMIT characters when `oversized`. */
  text: string;
  /** Longer than MAX_ITEM_CHARS: the rest was dropped while reading. */
  oversized: boolean;
}

/**
 * Collects the pieces of one item across chunks and joins them once, so a very long item costs
 * linear time (no repeated string concatenation). Past MAX_ITEM_CHARS it keeps only the start,
 * for `raw`, which is what bounds a reader's memory.
 */
export class ItemBuffer {
  private pieces: string[] = [];
  private length = 0;
  private oversized = false;

  append(piece: string): void {
    if (this.oversized || piece.length === 0) return;
    this.pieces.push(piece);
    this.length += piece.length;
    if (this.length > MAX_ITEM_CHARS) {
      this.pieces = [truncateRaw(this.pieces.join(''))];
      this.oversized = true;
    }
  }

  get isEmpty(): boolean {
    return this.length === 0;
  }

  take(n: number): TextItem {
    const item = { n, text: this.pieces.join(''), oversized: this.oversized };
    this.pieces = [];
    this.length = 0;
    this.oversized = false;
    return item;
  }
}
