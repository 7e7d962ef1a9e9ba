import { ItemBuffer, type TextItem } from './ItemBuffer';

const SPACE = 0x20;
const TAB = 0x09;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

const isWhitespace = (c: number): boolean => c === SPACE || c === LF || c === CR || c === TAB;

/**
 * Where the scanner is: before the `[`, between elements (after `[` or after a `,`), inside an
 * element, or after the closing `]`.
 */
type State = 'start' | 'open' | 'comma' | 'element' | 'done';

/**
 * Cuts one top-level JSON array into the texts of its elements as chunks arrive, so a file of
 * any size is read in constant memory; each text is then parsed on its own with JSON.parse.
 *
 * It only tracks what finds element boundaries: whether it is inside a string (and after a
 * backslash there) and the bracket depth. It does not validate: a bad element still ends at the
 * next top-level `,` or `]` and is reported by JSON.parse, so reading goes on after it. A stray
 * `}` at depth 0 stays inside the element (JSON.parse rejects it); an unbalanced `[` or `{`
 * swallows the rest of the file, which then ends unclosed and throws. Elements are numbered
 * from 1. An empty element (`[1,,2]`) is an item with empty text; a trailing comma before the
 * closing `]` (`[1,2,]`) is tolerated, as nothing is lost.
 */
export class JsonArrayScanner {
  private state: State = 'start';
  private index = 0;
  private depth = 0;
  private inString = false;
  private escaped = false;
  private readonly buffer = new ItemBuffer();

  /** Throws when the text is not a JSON array or has more than whitespace after it. */
  *push(chunk: string): Generator<TextItem> {
    let start = 0; // where the current element's text begins in this chunk
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (this.state === 'element') {
        if (!this.endsElement(c)) continue;
        this.buffer.append(chunk.slice(start, i));
        yield this.buffer.take(this.index);
        this.state = c === COMMA ? 'comma' : 'done';
      } else if (isWhitespace(c)) {
        continue;
      } else if (this.state === 'start') {
        if (c !== OPEN_BRACKET) throw new Error(notAnArray(chunk.charAt(i)));
        this.state = 'open';
      } else if (this.state === 'done') {
        throw new Error(`${JSON.stringify(chunk.charAt(i))} after the end of the JSON array`);
      } else if (c === CLOSE_BRACKET) {
        this.state = 'done';
      } else if (c === COMMA) {
        // `[,` or `,,`: an element with no text, reported as malformed by its reader.
        this.index++;
        yield { n: this.index, text: '', oversized: false };
        this.state = 'comma';
      } else {
        this.startElement();
        start = i;
        i--; // scan this character again as part of the element
      }
    }
    if (this.state === 'element') this.buffer.append(chunk.slice(start));
  }

  /** Throws when the array was never opened or never closed (a truncated file). */
  end(): void {
    if (this.state === 'start') throw new Error('the file is empty: expected a JSON array');
    if (this.state === 'done') return;
    const where =
      this.state === 'element' ? `inside element ${this.index}` : `after element ${this.index}`;
    throw new Error(`the JSON array is not closed: the file ends ${where} (truncated?)`);
  }

  private startElement(): void {
    this.index++;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.state = 'element';
  }

  /** Advances the string and depth state by one character; true at the element's end. */
  private endsElement(c: number): boolean {
    if (this.inString) {
      if (this.escaped) this.escaped = false;
      else if (c === BACKSLASH) this.escaped = true;
      else if (c === QUOTE) this.inString = false;
      return false;
    }
    if (c === QUOTE) this.inString = true;
    else if (c === OPEN_BRACKET || c === OPEN_BRACE) this.depth++;
    else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      if (this.depth > 0) this.depth--;
      else return c === CLOSE_BRACKET;
    } else if (c === COMMA) return this.depth === 0;
    return false;
  }
}

function notAnArray(first: string): string {
  return `not a JSON array: the file starts with ${JSON.stringify(first)} instead of "["`;
}
