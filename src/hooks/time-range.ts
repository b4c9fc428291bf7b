/** Time ranges and refresh intervals as the console's Observe pages offer them, in the URL as milliseconds. */
export const TIME_RANGES_MS = [
  30 * 60_000,
  60 * 60_000,
  2 * 3600_000,
  6 * 3600_000,
  12 * 3600_000,
  24 * 3600_000,
  2 * 86400_000,
  7 * 86400_000,
  14 * 86400_000,
] as const;

export const DEFAULT_TIME_RANGE_MS = 60 * 60_000;
export const MIN_CUSTOM_RANGE_MS = 5 * 60_000;
export const MAX_CUSTOM_RANGE_MS = 90 * 86400_000;

export const REFRESH_INTERVALS_MS = [15_000, 30_000, 60_000, 5 * 60_000, 15 * 60_000, 30 * 60_000, 3600_000] as const;
export const DEFAULT_REFRESH_MS = 30_000;

export interface TimeRangeState {
  timeRangeMs: number;
  /** Fixed end of the window (ms since epoch), or undefined for "now". */
  endTime?: number;
  /** null: refresh off. */
  refreshMs: number | null;
  /** URL values the page did not take as given (malformed, out of bounds, or an interval not offered). */
  ignoredParams?: IgnoredParam[];
}

export interface IgnoredParam {
  param: 'timeRange' | 'endTime' | 'refreshInterval';
  value: string;
}

/**
 * An interval the page does not offer becomes the nearest offered one at
 * least as long (the longest above the list): a link with
 * `refreshInterval=5000` must not make the page poll faster than Prometheus
 * answers.
 */
export const offeredRefreshMs = (ms: number): number =>
  REFRESH_INTERVALS_MS.find((offered) => offered >= ms) ?? REFRESH_INTERVALS_MS[REFRESH_INTERVALS_MS.length - 1];

const int = (v: string | null): number | undefined => {
  if (v === null || !/^[0-9]{1,15}$/.test(v)) return undefined;
  return Number(v);
};

/** Reads the URL, falling back to defaults for anything malformed instead of failing the page, and says what it ignored. */
export const parseTimeRangeParams = (params: URLSearchParams): TimeRangeState => {
  const ignoredParams: IgnoredParam[] = [];
  const rangeRaw = params.get('timeRange');
  const range = int(rangeRaw);
  const rangeOk = range !== undefined && range >= MIN_CUSTOM_RANGE_MS && range <= MAX_CUSTOM_RANGE_MS;
  const timeRangeMs = rangeOk ? range : DEFAULT_TIME_RANGE_MS;
  if (rangeRaw !== null && !rangeOk) ignoredParams.push({ param: 'timeRange', value: rangeRaw });
  const endRaw = params.get('endTime');
  const end = int(endRaw);
  const endOk = end !== undefined && end > 0;
  if (endRaw !== null && !endOk) ignoredParams.push({ param: 'endTime', value: endRaw });
  const refreshRaw = params.get('refreshInterval');
  const refresh = int(refreshRaw);
  let refreshMs: number | null = DEFAULT_REFRESH_MS;
  if (refreshRaw === '0' || refreshRaw === 'off') refreshMs = null;
  else if (refresh !== undefined && refresh > 0) {
    refreshMs = offeredRefreshMs(refresh);
    if (refreshMs !== refresh) ignoredParams.push({ param: 'refreshInterval', value: refreshRaw ?? '' });
  } else if (refreshRaw !== null) ignoredParams.push({ param: 'refreshInterval', value: refreshRaw });
  const state: TimeRangeState = { timeRangeMs, endTime: endOk ? end : undefined, refreshMs };
  if (ignoredParams.length > 0) state.ignoredParams = ignoredParams;
  return state;
};

/** A PromQL duration for a window in ms, e.g. 3600000 -> "1h", 5400000 -> "90m". */
export const promDuration = (ms: number): string => {
  const s = Math.max(1, Math.round(ms / 1000));
  if (s % 86400 === 0) return `${s / 86400}d`;
  if (s % 3600 === 0) return `${s / 3600}h`;
  if (s % 60 === 0) return `${s / 60}m`;
  return `${s}s`;
};

/** A step that gives about 120 points per chart, on a round number of seconds. */
export const rangeStepSeconds = (timeRangeMs: number): number => {
  const raw = timeRangeMs / 1000 / 120;
  const candidates = [15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400];
  return candidates.find((c) => c >= raw) ?? 14400;
};
