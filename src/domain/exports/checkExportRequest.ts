import { fieldPathProblem } from '../catalog/fieldPath';
import { Issues } from '../Issues';
import type { ExportRequest } from './ExportJob';

/** At most this many fields per export: CSV columns, and the cost of projecting each profile. */
export const MAX_EXPORT_FIELDS = 500;

/**
 * SEMANTICS §7: what an export request may ask, every problem reported with its path under
 * `input`. `knownPaths`: the profile union schema's field paths (objects included), so a typo
 * fails now instead of yielding an empty column for a million rows.
 *
 * - CSV needs `fields` (its columns) and cannot carry events (a list per row has no column).
 * - `eventsSince` only means something with `includeEvents`.
 */
export function checkExportRequest(request: ExportRequest, knownPaths: ReadonlySet<string>): void {
  const issues = new Issues();
  if (request.fields !== null) checkFields(request.fields, knownPaths, issues);
  if (request.format === 'CSV') {
    if (request.fields === null || request.fields.length === 0) {
      issues.add('input.fields', 'CSV exports need fields: they are the columns after identities');
    }
    if (request.includeEvents) {
      issues.add('input.includeEvents', 'CSV exports carry no events; export NDJSON for them');
    }
  }
  if (request.eventsSince !== null && !request.includeEvents) {
    issues.add('input.eventsSince', 'applies only with includeEvents: true');
  }
  issues.throwIfAny();
}

function checkFields(fields: readonly string[], known: ReadonlySet<string>, issues: Issues): void {
  if (fields.length > MAX_EXPORT_FIELDS) {
    issues.add('input.fields', `at most ${MAX_EXPORT_FIELDS} fields; got ${fields.length}`);
  }
  const seen = new Set<string>();
  fields.forEach((path, i) => {
    const at = `input.fields[${i}]`;
    const problem = fieldPathProblem(path);
    if (problem !== undefined) issues.add(at, problem);
    else if (seen.has(path)) issues.add(at, `"${path}" is listed twice`);
    else if (!known.has(path)) issues.add(at, `"${path}" is not a field of the profile schemas`);
    seen.add(path);
  });
}
