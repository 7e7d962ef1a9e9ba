import { stringify } from 'csv-stringify/sync';
import type { ExportJob } from './ExportJob';
import { csvHeader, csvRow, type ExportedProfile } from './exportRows';

/** RFC 4180 ends records with CRLF. */
const CSV_OPTIONS = { record_delimiter: 'windows' } as const;

/** Turns exported profiles into a file's text, a page at a time. */
export interface ExportEncoder {
  /** What the file starts with (the CSV header; nothing for NDJSON). */
  start(): string;
  page(profiles: readonly ExportedProfile[]): string;
}

/**
 * SEMANTICS §7: NDJSON is one JSON object per line; CSV (RFC 4180, by csv-stringify: quoting,
 * embedded quotes and line breaks are the library's job) has a header row, then one row per
 * profile.
 */
export function exportEncoder(job: Pick<ExportJob, 'format' | 'fields'>): ExportEncoder {
  if (job.format === 'NDJSON') {
    return {
      start: () => '',
      page: (profiles) => profiles.map((p) => `${JSON.stringify(p)}\n`).join(''),
    };
  }
  const fields = job.fields ?? [];
  return {
    start: () => stringify([csvHeader(fields)], CSV_OPTIONS),
    page: (profiles) =>
      stringify(
        profiles.map((p) => csvRow(p, fields)),
        CSV_OPTIONS,
      ),
  };
}
