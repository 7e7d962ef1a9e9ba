/** One row of the results: what a stage did and how fast. */
export interface StageResult {
  stage: string;
  status: 'ok' | 'skipped' | 'failed';
  records: number;
  seconds: number | null;
  recordsPerSecond: number | null;
  /** Short human notes for the table (ratio, peak RSS, rejections, why skipped). */
  notes: string[];
  /** Machine-readable extras for the JSON output. */
  details: Record<string, number | string | null>;
}
