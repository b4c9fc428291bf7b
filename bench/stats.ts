/** Small numeric helpers for the benchmark's summaries. */

export const median = (xs: number[]): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** Nearest-rank percentile, p in 0..100. */
export const percentile = (xs: number[], p: number): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[rank]!;
};

export const kib = (bytes: number): string => (bytes / 1024).toFixed(1);
export const ms = (v: number): string => (Number.isFinite(v) ? v.toFixed(0) : '–');
export const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(1);

/** A plain-text table with aligned columns (also valid Markdown). */
export const markdownTable = (head: string[], rows: Array<Array<string | number>>): string => {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const width = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(width[i]!)).join(' | ')} |`;
  return [line(head), `|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
};
