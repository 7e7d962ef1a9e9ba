import type { BatchItem } from './BatchItem';
import type { TextItem } from './ItemBuffer';
import { jsonItemToBatchItem } from './jsonItemToBatchItem';
import { LineSplitter } from './LineSplitter';
import { readTextChunks } from './readTextChunks';

/**
 * NDJSON: one JSON value per line; `line` is the 1-based line number. Blank lines are skipped
 * (editors and exporters leave them); a line that is not JSON is reported and reading goes on.
 */
export async function* readNdjson(path: string): AsyncGenerator<BatchItem> {
  const lines = new LineSplitter();
  for await (const chunk of readTextChunks(path)) {
    for (const line of lines.push(chunk)) {
      if (!isBlank(line)) yield jsonItemToBatchItem(line, `line ${line.n}`);
    }
  }
  for (const line of lines.end()) {
    if (!isBlank(line)) yield jsonItemToBatchItem(line, `line ${line.n}`);
  }
}

const isBlank = (line: TextItem): boolean => !line.oversized && line.text.trim() === '';
