/**
 * Events cross processes as JSON text. JSON has no dates, so each Date travels as an object
 * with this one key and its ISO time; no payload has such an object of its own.
 */
const DATE_TAG = '$date';

type Tagged = string | number | boolean | null | Tagged[] | { [key: string]: Tagged };

/** The text an event payload travels as; Dates are tagged, undefined properties left out. */
export function encodeEvent(payload: unknown): string {
  return JSON.stringify(tagDates(payload));
}

/** The payload `encodeEvent` made the text from, Dates restored. */
export function decodeEvent(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) =>
    isDateTag(value) ? new Date(value[DATE_TAG]) : value,
  );
}

function tagDates(value: unknown): Tagged {
  if (value instanceof Date) {
    // An invalid Date has no ISO form; it travels as JSON.stringify would write it.
    return Number.isNaN(value.getTime()) ? null : { [DATE_TAG]: value.toISOString() };
  }
  if (Array.isArray(value)) return value.map(tagDates);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, tagDates(v)]),
    );
  }
  return value as Tagged;
}

function isDateTag(value: unknown): value is { [DATE_TAG]: string } {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value);
  return (
    keys.length === 1 &&
    keys[0] === DATE_TAG &&
    typeof (value as Record<string, unknown>)[DATE_TAG] === 'string'
  );
}
