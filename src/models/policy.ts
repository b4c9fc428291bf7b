/**
 * Kasten's Policy resource (config.kio.kasten.io/v1alpha1), as far as the page
 * reads it: how often it is meant to run, and whether it is paused.
 *
 * The expected interval is the LONGEST gap between two scheduled runs, not the
 * period: `@daily` with `subFrequency.hours: [1, 5]` runs at 01:00 and 05:00, so
 * a recovery point may legitimately be 20 h old at 00:59. Kasten schedules in UTC.
 */
export interface KastenSubFrequency {
  minutes?: number[];
  hours?: number[];
  /** 0 = Sunday. */
  weekdays?: number[];
  /** Day of the month, 1-31. */
  days?: number[];
  /** 1-12. */
  months?: number[];
}

export interface KastenPolicy {
  metadata?: { name?: string; namespace?: string };
  spec?: { frequency?: string; subFrequency?: KastenSubFrequency; paused?: boolean };
}

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

/** Largest gap between consecutive times of a schedule that repeats every `cycle` seconds. */
const largestCyclicGap = (times: number[], cycle: number): number | undefined => {
  const sorted = [...new Set(times)].sort((a, b) => a - b);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return undefined;
  let gap = first + cycle - last;
  sorted.forEach((t, i) => {
    if (i > 0) gap = Math.max(gap, t - (sorted[i - 1] ?? t));
  });
  return gap;
};

const pick = (values: number[] | undefined, fallback: number, min: number, max: number): number[] | undefined => {
  const list = values === undefined || values.length === 0 ? [fallback] : values;
  return list.every((v) => Number.isInteger(v) && v >= min && v <= max) ? list : undefined;
};

const cross = (outer: number[], outerSize: number, inner: number[]): number[] =>
  outer.flatMap((o) => inner.map((i) => o * outerSize + i));

/** Start of each month in a leap year, in days: a yearly schedule's worst case has the 29th of February. */
const MONTH_START_DAYS = [0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335];

const fromPreset = (frequency: string, sub: KastenSubFrequency): number | undefined => {
  const minutes = pick(sub.minutes, 0, 0, 59);
  const hours = pick(sub.hours, 0, 0, 23);
  const weekdays = pick(sub.weekdays, 0, 0, 6);
  const days = pick(sub.days, 1, 1, 31);
  const months = pick(sub.months, 1, 1, 12);
  if (!minutes || !hours || !weekdays || !days || !months) return undefined;
  const secondsOfDay = cross(
    hours,
    HOUR,
    minutes.map((m) => m * MINUTE),
  );
  switch (frequency) {
    case '@hourly':
      return largestCyclicGap(
        minutes.map((m) => m * MINUTE),
        HOUR,
      );
    case '@daily':
      return largestCyclicGap(secondsOfDay, DAY);
    case '@weekly':
      return largestCyclicGap(cross(weekdays, DAY, secondsOfDay), 7 * DAY);
    case '@monthly':
      // The longest month: a run on the 1st of each month is 31 days from the next one at worst.
      return largestCyclicGap(
        cross(
          days.map((d) => d - 1),
          DAY,
          secondsOfDay,
        ),
        31 * DAY,
      );
    case '@yearly': {
      const daysOfYear = months.flatMap((m) => days.map((d) => (MONTH_START_DAYS[m - 1] ?? 0) + d - 1));
      return largestCyclicGap(cross(daysOfYear, DAY, secondsOfDay), 366 * DAY);
    }
    default:
      return undefined;
  }
};

/** One cron field as the set of values it allows, or undefined when it is not a field this parser reads. */
const cronField = (field: string, min: number, max: number): Set<number> | undefined => {
  const out = new Set<number>();
  for (const part of field.split(',')) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) return undefined;
    const step = m[4] === undefined ? 1 : Number(m[4]);
    let from = min;
    let to = max;
    if (m[1] !== '*') {
      from = Number(m[2]);
      to = m[3] === undefined ? (m[4] === undefined ? from : max) : Number(m[3]);
    }
    if (step < 1 || from < min || to > max || from > to) return undefined;
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
};

const KASTEN_PRESETS = new Set(['@hourly', '@daily', '@weekly', '@monthly', '@yearly']);

/** Cron's other names, which Kasten does not write but a hand-edited policy might carry. */
const CRON_ALIASES: Record<string, string> = {
  '@midnight': '0 0 * * *',
  '@annually': '0 0 1 1 *',
};

/** Enough years that any cron schedule, even the 29th of February, repeats inside them. */
const CRON_SPAN_YEARS = 8;
const CRON_EPOCH = Date.UTC(2024, 0, 1) / 1000;

/**
 * Largest gap between two runs of a five-field cron expression (UTC), found by walking the
 * days of eight years: day-of-month and day-of-week restrict together when both are set, as in cron.
 */
export const cronLargestGapSeconds = (expression: string): number | undefined => {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) return undefined;
  const [minuteField = '', hourField = '', domField = '', monthField = '', dowField = ''] = fields;
  const minute = cronField(minuteField, 0, 59);
  const hour = cronField(hourField, 0, 23);
  const dom = cronField(domField, 1, 31);
  const month = cronField(monthField, 1, 12);
  const dow = cronField(dowField.replace(/\b7\b/g, '0'), 0, 6);
  if (!minute || !hour || !dom || !month || !dow) return undefined;
  const domAny = domField === '*';
  const dowAny = dowField === '*';
  const secondsOfDay = [...hour].flatMap((h) => [...minute].map((m) => h * HOUR + m * MINUTE)).sort((a, b) => a - b);
  let previous: number | undefined;
  let first: number | undefined;
  let gap = 0;
  const spanDays = Math.round((Date.UTC(2024 + CRON_SPAN_YEARS, 0, 1) / 1000 - CRON_EPOCH) / DAY);
  for (let d = 0; d < spanDays; d += 1) {
    const date = new Date((CRON_EPOCH + d * DAY) * 1000);
    if (!month.has(date.getUTCMonth() + 1)) continue;
    const domOk = dom.has(date.getUTCDate());
    const dowOk = dow.has(date.getUTCDay());
    const dayOk = domAny || dowAny ? domOk && dowOk : domOk || dowOk;
    if (!dayOk) continue;
    for (const s of secondsOfDay) {
      const t = d * DAY + s;
      if (previous !== undefined) gap = Math.max(gap, t - previous);
      first ??= t;
      previous = t;
    }
  }
  if (first === undefined || previous === undefined || first === previous) return undefined;
  return gap;
};

/**
 * Longest expected gap between two runs of the policy's schedule, in seconds; undefined when
 * the policy has no schedule (`@onDemand`, paused) or one the page cannot read.
 */
export const expectedIntervalSeconds = (
  frequency: string | undefined,
  subFrequency?: KastenSubFrequency,
): number | undefined => {
  if (frequency === undefined || frequency === '@onDemand') return undefined;
  if (KASTEN_PRESETS.has(frequency)) return fromPreset(frequency, subFrequency ?? {});
  if (frequency.startsWith('@')) {
    const alias = CRON_ALIASES[frequency];
    return alias === undefined ? undefined : cronLargestGapSeconds(alias);
  }
  return cronLargestGapSeconds(frequency);
};

export type PolicySchedule =
  | { kind: 'scheduled'; intervalSeconds: number; allowedAgeSeconds: number }
  | { kind: 'onDemand' }
  | { kind: 'paused' }
  /** Frequency missing or not readable: the configured maximum age decides. */
  | { kind: 'unknown' };

/** A run takes time and Kasten may start it a little late: 10% plus 10 minutes. */
export const allowedAgeSeconds = (intervalSeconds: number): number => Math.round(intervalSeconds * 1.1) + 600;

/** What the page and the alert expect of a policy; one function so both read the same number. */
export const policySchedule = (policy: KastenPolicy | undefined): PolicySchedule => {
  if (policy?.spec?.paused) return { kind: 'paused' };
  if (policy?.spec?.frequency === '@onDemand') return { kind: 'onDemand' };
  const interval = expectedIntervalSeconds(policy?.spec?.frequency, policy?.spec?.subFrequency);
  if (interval === undefined) return { kind: 'unknown' };
  return { kind: 'scheduled', intervalSeconds: interval, allowedAgeSeconds: allowedAgeSeconds(interval) };
};

/**
 * The policy's entry in the alert's allowed ages (`kasten:policy:recovery_point_allowed_age_seconds`):
 * seconds, 0 for "never alert" (on demand, paused), undefined when the default maximum age applies.
 */
export const alertAllowedAgeSeconds = (policy: KastenPolicy | undefined): number | undefined => {
  const schedule = policySchedule(policy);
  if (schedule.kind === 'scheduled') return schedule.allowedAgeSeconds;
  return schedule.kind === 'unknown' ? undefined : 0;
};

export type RecoveryPointVerdict = 'ok' | 'stale' | 'never' | 'paused' | 'unknown';

/**
 * A recovery point is stale when older than the policy's longest gap plus a
 * grace (a run takes time); without a readable frequency the configured
 * maximum age decides. No success seen is only a failure ('never') when the
 * metrics history (`historySeconds`, when known) is longer than the allowed
 * age: with 24 h of data, a weekly policy's last backup may simply be older.
 * KastenRecoveryPointTooOld applies the same rule.
 */
export const recoveryPointVerdict = (
  ageSeconds: number | undefined,
  policy: KastenPolicy | undefined,
  maxAgeSeconds: number,
  historySeconds?: number,
): { verdict: RecoveryPointVerdict; expectedSeconds?: number } => {
  const schedule = policySchedule(policy);
  if (schedule.kind === 'paused') return { verdict: 'paused' };
  // An on-demand policy promises no schedule: no age is late, and no backup yet is no failure.
  if (schedule.kind === 'onDemand')
    return { verdict: ageSeconds !== undefined && Number.isFinite(ageSeconds) ? 'ok' : 'unknown' };
  const expectedSeconds = schedule.kind === 'scheduled' ? schedule.allowedAgeSeconds : maxAgeSeconds;
  if (ageSeconds === undefined) {
    const enoughHistory = historySeconds === undefined || historySeconds > expectedSeconds;
    return { verdict: enoughHistory ? 'never' : 'unknown', expectedSeconds };
  }
  // NaN or ±Inf: no comparison can say whether it is late (`NaN > expected` is false, which read as "ok").
  if (!Number.isFinite(ageSeconds)) return { verdict: 'unknown', expectedSeconds };
  return { verdict: ageSeconds > expectedSeconds ? 'stale' : 'ok', expectedSeconds };
};
