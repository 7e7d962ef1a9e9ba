/**
 * The largest item (an NDJSON line, a JSON array element, a CSV record) a reader holds in
 * memory, in UTF-16 code units. Records over 100 KB are rejected later anyway (SEMANTICS §2,
 * TOO_LARGE); this cap is far above that so the record limit stays the one users meet, and
 * exists only so a file with no line breaks (or an unclosed quote) cannot exhaust memory.
 */
export const MAX_ITEM_CHARS = 10 * 1024 * 1024;

/** How much of a bad item is kept as its `raw` text in the batch's failed records. */
export const RAW_LIMIT = 10 * 1024;

/** The first RAW_LIMIT characters of `text`, never ending in half a surrogate pair. */
export function truncateRaw(text: string): string {
  if (text.length <= RAW_LIMIT) return text;
  const last = text.charCodeAt(RAW_LIMIT - 1);
  const endsInHighSurrogate = last >= 0xd800 && last <= 0xdbff;
  return text.slice(0, endsInHighSurrogate ? RAW_LIMIT - 1 : RAW_LIMIT);
}
