/** Formatting for numbers the page shows; pure, so views stay render-only. */

/**
 * Prometheus's spelling of a non-finite value. Every formatter returns it
 * instead of a made-up number ("0s", "NaN B", an Invalid Date), so nothing
 * non-finite ever reads as a real value; views show it as "no value" with
 * this reason (MetricValue).
 */
const nonFinite = (v: number): string | undefined => {
  if (Number.isFinite(v)) return undefined;
  if (Number.isNaN(v)) return 'NaN';
  return v > 0 ? '+Inf' : '-Inf';
};

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

export const formatBytes = (bytes: number, locale = 'en'): string => {
  const bad = nonFinite(bytes);
  if (bad) return bad;
  let v = bytes;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < UNITS.length - 1) {
    v /= 1024;
    i += 1;
  }
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: i === 0 ? 0 : 2 }).format(v)} ${UNITS[i]}`;
};

export const formatNumber = (n: number, locale = 'en', maximumFractionDigits = 2): string =>
  nonFinite(n) ?? new Intl.NumberFormat(locale, { maximumFractionDigits }).format(n);

/** Seconds as the two largest units, e.g. "1d 3h", "4m 10s". */
export const formatAge = (seconds: number): string => {
  const bad = nonFinite(seconds);
  if (bad) return bad;
  const s = Math.max(0, Math.round(seconds));
  const parts: Array<[number, string]> = [
    [Math.floor(s / 86400), 'd'],
    [Math.floor((s % 86400) / 3600), 'h'],
    [Math.floor((s % 3600) / 60), 'm'],
    [s % 60, 's'],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first === -1) return '0s';
  return parts
    .slice(first, first + 2)
    .filter(([n]) => n > 0)
    .map(([n, u]) => `${n}${u}`)
    .join(' ');
};

/** A unix time as the user's local date and time (what the seed does by hand with `date -d @...`). */
export const formatDateTime = (unixSeconds: number, locale = 'en'): string => {
  const date = new Date(unixSeconds * 1000);
  // Intl throws on an Invalid Date (a NaN/Inf time, or one past year 275760): the reason, never a crash.
  if (Number.isNaN(date.getTime())) return nonFinite(unixSeconds) ?? 'NaN';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
};
