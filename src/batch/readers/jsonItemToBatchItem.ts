import { recordError } from '../../domain/records/RecordError';
import type { BatchItem } from './BatchItem';
import type { TextItem } from './ItemBuffer';
import { MAX_ITEM_CHARS, truncateRaw } from './limits';

/**
 * One JSON text (an NDJSON line, a JSON array element) → its record, or why it has none.
 * `what` names it in messages ("line 7", "element 3"). Values are not coerced: JSON records
 * are validated as they are (SEMANTICS §2).
 */
export function jsonItemToBatchItem(item: TextItem, what: string): BatchItem {
  if (item.oversized) {
    const message = `${what} is longer than ${MAX_ITEM_CHARS} characters`;
    return { line: item.n, error: recordError('TOO_LARGE', message), raw: item.text };
  }
  try {
    return { line: item.n, record: JSON.parse(item.text) as unknown };
  } catch (err) {
    const message = `${what} is not valid JSON: ${(err as Error).message}`;
    return { line: item.n, error: recordError('MALFORMED', message), raw: truncateRaw(item.text) };
  }
}
