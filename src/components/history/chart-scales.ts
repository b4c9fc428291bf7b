/** Axis scales for the time-series charts: round value ticks and time ticks on local clock boundaries. */

/** Room around the plot for the axes' labels, px; the browser tests point at times through it too. */
export const CHART_PADDING = { bottom: 40, left: 76, right: 36, top: 16 } as const;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TIME_STEPS = [
  MINUTE,
  2 * MINUTE,
  5 * MINUTE,
  10 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  3 * HOUR,
  6 * HOUR,
  12 * HOUR,
  DAY,
  2 * DAY,
  7 * DAY,
];

/** Milliseconds since local midnight of the day `ms` falls in. */
const localTimeOfDay = (ms: number): number => {
  const d = new Date(ms);
  return ((d.getHours() * 60 + d.getMinutes()) * 60 + d.getSeconds()) * 1000 + d.getMilliseconds();
};

/** A local midnight: the tick that shows the date instead of the time. */
export const isDayBoundary = (ms: number): boolean => localTimeOfDay(ms) === 0;

/**
 * Ticks on round local times (every 5 min, 1 h, 6 h, ... a day) inside [from, to], at most `maxTicks`.
 * Steps of a day or more fall on local midnights.
 */
export const timeTicks = (from: number, to: number, maxTicks: number): number[] => {
  if (!(to > from) || maxTicks < 1) return [];
  const span = to - from;
  const step = TIME_STEPS.find((s) => span / s <= maxTicks) ?? Math.ceil(span / maxTicks / DAY) * DAY;
  // The first tick: the first local time on a multiple of `step` since local midnight (or since a midnight, for days).
  const unit = Math.min(step, DAY);
  let first = from - localTimeOfDay(from) + Math.ceil(localTimeOfDay(from) / unit) * unit;
  if (step > DAY) {
    const midnight = from - localTimeOfDay(from);
    first = localTimeOfDay(from) === 0 ? from : midnight + DAY;
  }
  const ticks: number[] = [];
  for (let t = first; t <= to; ) {
    ticks.push(t);
    // Stepping by wall-clock time keeps ticks on round local times across a daylight-saving change.
    const next = new Date(t + step);
    const drift = localTimeOfDay(next.getTime()) % unit;
    t = next.getTime() - (drift > unit / 2 ? drift - unit : drift);
  }
  return ticks;
};

const BINARY_STEPS = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];
const DECIMAL_STEPS = [1, 2, 2.5, 5, 10];

/**
 * Round value ticks from 0 that cover `max` (the data and the threshold): 1-2-5 steps, whole numbers
 * for counts, powers of two of KiB/MiB/GiB for bytes (0, 1, 2, 3, 4 GiB rather than 0.93 GiB steps).
 */
export const valueTicks = (
  max: number,
  opts: { integer?: boolean; binary?: boolean; count?: number } = {},
): number[] => {
  const count = opts.count ?? 4;
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  const raw = top / count;
  let step: number;
  if (opts.binary) {
    let unit = 1;
    while (raw / unit >= 1024) unit *= 1024;
    step = (BINARY_STEPS.find((m) => m >= raw / unit) ?? 1024) * unit;
  } else {
    const mag = 10 ** Math.floor(Math.log10(raw));
    step = (DECIMAL_STEPS.find((m) => m * mag >= raw - 1e-12 * mag) ?? 10) * mag;
  }
  if (opts.integer) step = Math.max(1, Math.ceil(step));
  const n = Math.ceil((top / step) * (1 - 1e-12));
  // Multiplying (not adding) keeps ticks like 0.3 exact enough to print as 0.3.
  return Array.from({ length: n + 1 }, (_, i) => Number((i * step).toPrecision(12)));
};

/**
 * The index of the value nearest to `x` in ascending `sorted` (binary search), or -1 when it is empty.
 * A tie goes to the earlier value.
 */
export const nearestIndex = (sorted: readonly number[], x: number): number => {
  if (sorted.length === 0) return -1;
  const at = (i: number) => sorted[i] ?? Number.NaN;
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (at(mid) < x) lo = mid + 1;
    else hi = mid;
  }
  // lo is the first value >= x (or the last); the one before it may be nearer.
  return lo > 0 && x - at(lo - 1) <= at(lo) - x ? lo - 1 : lo;
};
