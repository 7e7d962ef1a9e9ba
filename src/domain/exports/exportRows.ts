import type { Identity } from '../identity/Identity';
import { valueAtPath } from '../records/valueAtPath';

/** One event as an export writes it (the API's ExperienceEvent, with its dataset's id). */
export interface ExportedEvent {
  id: string;
  timestamp: string;
  datasetId: string;
  identity: Identity;
  data: Record<string, unknown>;
}

/** One profile as an NDJSON export writes it (SEMANTICS §7). */
export interface ExportedProfile {
  identities: Identity[];
  attributes: Record<string, unknown>;
  /** Only when the export includes events. */
  events?: ExportedEvent[];
}

/** CSV columns: `identities`, then the fields' dot paths, in the order asked. */
export const csvHeader = (fields: readonly string[]): string[] => ['identities', ...fields];

/**
 * One CSV row. `identities` and values that are objects or arrays are JSON text, so a cell is
 * never ambiguous whatever an identity's value holds; a missing value is an empty cell; other
 * scalars are written as they are (the CSV writer quotes what needs quoting).
 */
export const csvRow = (profile: ExportedProfile, fields: readonly string[]): string[] => [
  JSON.stringify(profile.identities),
  ...fields.map((path) => cellOf(valueAtPath(profile.attributes, path))),
];

function cellOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Attributes are JSON: what is left is an object, an array, or no value at all.
  return value === undefined || value === null ? '' : JSON.stringify(value);
}
