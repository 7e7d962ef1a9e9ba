import type { StageResult } from './StageResult';

const HEADERS = ['stage', 'records', 'seconds', 'records/s', 'notes'] as const;

const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** The results as an aligned text table (numbers right-aligned), one stage per row. */
export function formatTable(stages: readonly StageResult[]): string {
  const rows = stages.map((s) => [
    s.stage,
    whole.format(s.records),
    s.seconds === null ? '-' : s.seconds.toFixed(2),
    s.recordsPerSecond === null ? '-' : whole.format(s.recordsPerSecond),
    s.notes.join('; '),
  ]);
  const widths = HEADERS.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        const width = widths[i]!;
        // Last column unpadded (no trailing spaces); numeric columns right-aligned.
        if (i === cells.length - 1) return cell;
        return i === 0 ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(HEADERS), rule, ...rows.map(line)].join('\n');
}

export function printTable(stages: readonly StageResult[]): void {
  console.log(formatTable(stages));
}
