/**
 * Quoting for PromQL. PromQL double-quoted strings follow Go's rules: a raw
 * newline ends the query with a parse error and `\` starts an escape, so both
 * (and the quote itself, and carriage return for good measure) are escaped.
 * Everything else, unicode included, passes through as-is.
 */
export const escapeLabelValue = (v: string): string =>
  v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

export type MatchOp = '=' | '!=' | '=~' | '!~';
export type Matcher = readonly [label: string, op: MatchOp, value: string];

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
/** Empty is allowed: `{__name__=~"..."}` selects by matchers only. */
const METRIC_NAME = /^(?:[a-zA-Z_:][a-zA-Z0-9_:]*)?$/;

/** `metric{l="v",...}`; names are checked (they cannot be quoted), values escaped. */
export const selector = (metric: string, matchers: readonly Matcher[]): string => {
  if (!METRIC_NAME.test(metric)) throw new Error(`invalid metric name: ${metric}`);
  const parts = matchers.map(([label, op, value]) => {
    if (!LABEL_NAME.test(label)) throw new Error(`invalid label name: ${label}`);
    return `${label}${op}"${escapeLabelValue(value)}"`;
  });
  return `${metric}{${parts.join(',')}}`;
};

/** A selector by `__name__`, for names that come from users or config and may not be valid identifiers. */
export const nameSelector = (metric: string, matchers: readonly Matcher[]): string => {
  const parts = [['__name__', '=', metric] as const, ...matchers].map(([label, op, value]) => {
    if (!LABEL_NAME.test(label)) throw new Error(`invalid label name: ${label}`);
    return `${label}${op}"${escapeLabelValue(value)}"`;
  });
  return `{${parts.join(',')}}`;
};

const DURATION = /^(?:\d+(?:ms|[smhdwy]))+$/;
const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };

/** Windows come from URLs and Helm values: only a PromQL duration may reach the query text. */
export const checkDuration = (d: string): string => {
  if (!DURATION.test(d) || durationSeconds(d) <= 0) throw new Error(`invalid PromQL duration: ${d}`);
  return d;
};

export const durationSeconds = (d: string): number => {
  let total = 0;
  for (const m of d.matchAll(/(\d+)(ms|[smhdwy])/g)) total += Number(m[1]) * (UNIT_SECONDS[m[2] ?? 's'] ?? 0);
  return total;
};

/** Whole seconds as the shortest exact PromQL duration (93600 -> '26h'). */
export const secondsToDuration = (seconds: number): string => {
  if (!Number.isInteger(seconds) || seconds <= 0)
    throw new Error(`duration must be a positive whole number of seconds: ${seconds}`);
  for (const [unit, size] of [
    ['w', 604800],
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
  ] as const) {
    if (seconds % size === 0) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
};

/** Numbers in comparisons: finite only, so a bad threshold fails loudly instead of writing `> NaN`. */
export const promNumber = (n: number): string => {
  if (!Number.isFinite(n)) throw new Error(`threshold must be finite: ${n}`);
  return String(n);
};
