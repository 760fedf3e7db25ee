// Percentiles and formatting for the benchmark table.

/** The p-th percentile (0–100) of the samples, nearest-rank. */
export function percentile(samples: readonly number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

/** Milliseconds with sensible precision. */
export const ms = (v: number) => (v < 1 ? v.toFixed(3) : v < 10 ? v.toFixed(2) : v.toFixed(1));

/** One row of the results table. */
export interface Row {
  measure: string;
  size: string;
  result: string;
  goal: string;
  met: boolean | null;
}

/** A Markdown table of the rows. */
export function table(rows: readonly Row[]): string {
  const lines = ['| Measure | Incidents | Result | Goal | Met |', '|---|---|---|---|---|'];
  for (const r of rows) lines.push(`| ${r.measure} | ${r.size} | ${r.result} | ${r.goal} | ${r.met === null ? '—' : r.met ? 'yes' : '**no**'} |`);
  return lines.join('\n');
}
