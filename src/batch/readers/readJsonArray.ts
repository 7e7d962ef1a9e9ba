import type { BatchItem } from './BatchItem';
import { JsonArrayScanner } from './JsonArrayScanner';
import { jsonItemToBatchItem } from './jsonItemToBatchItem';
import { readTextChunks } from './readTextChunks';

/**
 * JSON: one top-level array of records, streamed element by element. `line` is the element's
 * 1-based index in the array (a pretty-printed record spans many lines, so its index is the
 * stable way to name it). Throws, after yielding every complete element, when the file is not
 * an array or is cut short: the batch is then unreadable as a whole (SEMANTICS §2, FAILED).
 */
export async function* readJsonArray(path: string): AsyncGenerator<BatchItem> {
  const scanner = new JsonArrayScanner();
  for await (const chunk of readTextChunks(path)) {
    for (const element of scanner.push(chunk)) {
      yield jsonItemToBatchItem(element, `element ${element.n}`);
    }
  }
  scanner.end();
}
