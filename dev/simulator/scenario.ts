/**
 * The preview's world: which policies protect which application namespaces,
 * and the scripted story they play. Everything is a pure function of story
 * time `s` (seconds since the preview started; negative for backfilled
 * history), so the exporter, the history backfill and the fake Kubernetes API
 * always agree with each other.
 */

export const SCENARIOS = [
  'healthy',
  'no-uwm',
  'no-networkpolicy',
  'seed-networkpolicy',
  'no-servicemonitor',
  'no-actions-yet',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export interface ScenarioOptions {
  policies: number;
  namespaces: number;
  kastenNamespace: string;
  scenario: ScenarioName;
  /** How many policies fail like the seed's (the first N); 1 by default. The benchmark uses many, for a long failures table. */
  failingPolicies?: number;
  /**
   * Make the last policy (never the failing one) an `@weekly` policy whose newest success is older
   * than the preview's metrics (WEEKLY_LAST_SUCCESS): metrics alone cannot tell its age, Kasten's
   * RestorePoints and actions can.
   */
  weeklyPolicy?: boolean;
}

export const DEFAULT_SCENARIO: ScenarioOptions = {
  policies: 6,
  namespaces: 6,
  kastenNamespace: 'kasten-io',
  scenario: 'healthy',
  weeklyPolicy: true,
};

export interface SimPolicy {
  name: string;
  /** The application namespace the policy selects (`k10.kasten.io/appNamespace`). */
  appNamespace: string;
  frequency: '@hourly' | '@daily' | '@weekly';
  exports: boolean;
  /** The seed's policy whose backups start failing when the story starts. */
  failing: boolean;
  /** Phase of the success schedule, so policies do not all succeed in the same scrape. */
  offset: number;
}

export interface Scenario extends ScenarioOptions {
  policies_: SimPolicy[];
  appNamespaces: string[];
}

/** The seed tutorial's application and policy, kept so the story reads like the seed. */
export const FAILING_NAMESPACE = 'mcourcy-pacman';
export const FAILING_POLICY = `${FAILING_NAMESPACE}-backup`;

export const buildScenario = (opts: ScenarioOptions): Scenario => {
  const m = Math.max(1, Math.floor(opts.namespaces));
  const n = Math.max(1, Math.floor(opts.policies));
  const appNamespaces = Array.from({ length: m }, (_, i) =>
    i === 0 ? FAILING_NAMESPACE : `app-${String(i).padStart(String(m).length, '0')}`,
  );
  const failingCount = Math.max(1, Math.floor(opts.failingPolicies ?? 1));
  const weekly = (j: number) => !!opts.weeklyPolicy && j === n - 1 && j >= failingCount;
  const policies: SimPolicy[] = Array.from({ length: n }, (_, j) => {
    const ns = appNamespaces[j % m]!;
    const round = Math.floor(j / m);
    return {
      name: round === 0 ? `${ns}-backup` : `${ns}-backup-${round + 1}`,
      appNamespace: ns,
      frequency: weekly(j) ? '@weekly' : j % 3 === 2 ? '@daily' : '@hourly',
      exports: j % 2 === 0,
      failing: j < failingCount,
      offset: (j * 7) % SUCCESS_PERIOD_LIVE,
    };
  });
  return { ...opts, policies_: policies, appNamespaces };
};

// Story timing (seconds of real time). A success per policy every ~20 s while
// live; in the backfilled past, one every 10 minutes (a quieter history that
// still shows on a 2 h chart).
export const SUCCESS_PERIOD_LIVE = 20;
export const SUCCESS_PERIOD_HISTORY = 600;
/** Restore points kept live per policy before retention retires the oldest. */
export const RETENTION = 24;
/** An export follows its backup by this many seconds. */
export const EXPORT_LAG = 5;
/** Backups completed before the history starts, so counts never go below the retention. */
const BASE_SUCCESSES = 40;

/**
 * The failing policy's failures: two from before the story, then the seed's 2 -> 3 -> 4, then one every
 * 150 s. With the garbage collector every 300 s from 180 s, a failure and a collection are always 70 s
 * or more apart: within one 30 s step of the page's rise counting they would cancel out.
 * Both failures before the story are over 10 minutes before its second minute, so from then on a 10-minute
 * window holds only the live ones while a 1-hour window holds all four: the two counts differ, and neither
 * changes for the next eight minutes of wall-clock time once the story is frozen (tests freeze it at 95 s).
 */
export const FAILURE_TIMES_BEFORE = [-900, -560];
export const FIRST_LIVE_FAILURES = [15, 35];
export const REPEAT_FAILURE_FROM = 250;
export const REPEAT_FAILURE_EVERY = 150;
/** Kasten's action garbage collector: first run, period, and how many failed actions it keeps live per policy. */
export const GC_FIRST = 180;
export const GC_EVERY = 300;
export const GC_KEEP_FAILED = 2;

/** Story time of a policy's own clock: a failing policy's schedule stops succeeding when the story starts. */
const successClock = (p: SimPolicy, s: number, lag: number): number => (p.failing ? Math.min(s - lag, -1) : s - lag);

/**
 * The weekly policy's newest success, in story time: 3 days 2 hours before the story starts, so older
 * than the history a preview backfills (2 h in the browser tests, 24 h at most by default on a cluster)
 * yet well within its allowed age (7 days + 10 % + 10 min). It runs once a week from there.
 */
export const WEEKLY_LAST_SUCCESS = -(3 * 86400 + 7200);
export const WEEK = 7 * 86400;
const weeklyRuns = (s: number, lag: number): number => Math.floor((s - lag - WEEKLY_LAST_SUCCESS) / WEEK);

/** Number of successful backups of a policy up to story time s (inclusive). */
export const successes = (p: SimPolicy, s: number, lag = 0): number => {
  if (p.frequency === '@weekly') return BASE_SUCCESSES + weeklyRuns(s, lag) + 1;
  const t = successClock(p, s, lag);
  const period = t >= 0 ? SUCCESS_PERIOD_LIVE : SUCCESS_PERIOD_HISTORY;
  return BASE_SUCCESSES + Math.floor((t + p.offset) / period) + 1;
};

/** Story time of the last success at or before s. */
export const lastSuccessTime = (p: SimPolicy, s: number, lag = 0): number => {
  if (p.frequency === '@weekly') return WEEKLY_LAST_SUCCESS + weeklyRuns(s, lag) * WEEK + lag;
  const t = successClock(p, s, lag);
  if (t >= 0) {
    const e = Math.floor((t + p.offset) / SUCCESS_PERIOD_LIVE) * SUCCESS_PERIOD_LIVE - p.offset;
    if (e >= 0) return e + lag;
  }
  const h = Math.min(t, -1);
  return Math.floor((h + p.offset) / SUCCESS_PERIOD_HISTORY) * SUCCESS_PERIOD_HISTORY - p.offset + lag;
};

/** Retirement lags the success that pushed the live count over the retention. */
const retireLag = (s: number): number => (s >= 0 ? 8 : 120);

export interface RestorePointCounts {
  live: number;
  retired: number;
}

/** Completed backups (or exports, with lag) split into live restore points and retired ones. */
export const completeCounts = (p: SimPolicy, s: number, lag = 0): RestorePointCounts => {
  const total = successes(p, s, lag);
  const retired = Math.max(0, successes(p, s - retireLag(s), lag) - RETENTION);
  return { live: total - retired, retired };
};

export const failureTimes = (s: number): number[] => {
  const out = FAILURE_TIMES_BEFORE.filter((t) => t <= s);
  for (const t of FIRST_LIVE_FAILURES) if (t <= s) out.push(t);
  for (let t = REPEAT_FAILURE_FROM; t <= s; t += REPEAT_FAILURE_EVERY) out.push(t);
  return out;
};

/** Failed actions of the failing policy: live until a garbage-collector run retires all but the newest few. */
export const failedCounts = (s: number): RestorePointCounts & { failedTimes: number[]; liveTimes: number[] } => {
  const times = failureTimes(s);
  let retiredUpTo = 0;
  for (let g = GC_FIRST; g <= s; g += GC_EVERY) {
    const before = times.filter((t) => t <= g).length;
    retiredUpTo = Math.max(retiredUpTo, before - GC_KEEP_FAILED);
  }
  return {
    live: times.length - retiredUpTo,
    retired: retiredUpTo,
    failedTimes: times,
    liveTimes: times.slice(retiredUpTo),
  };
};

const GiB = 1024 ** 3;
/** Kasten namespace working set: starts at 2.4 GiB and creeps 8 MiB/s, crossing 3 GiB at ~77 s, up to 3.6 GiB. */
export const memoryTotalBytes = (s: number): number => {
  const grow = Math.max(0, Math.min(s, 154)) * 8 * 1024 ** 2;
  return 2.4 * GiB + grow;
};

export const CATALOG_PVC_BYTES = 20 * GiB;
/** Catalog PVC used percent: 42 % in the past, rising 0.1 %/s from the story start, crossing 50 % at 80 s, up to 70 %. */
export const catalogUsedPercent = (s: number): number => 42 + Math.max(0, Math.min(s, 280)) * 0.1;

/** CPU cores used by one Kasten container: a base plus a slow wave, so rate() has shape. */
export const cpuRate = (base: number, s: number): number => base * (1 + 0.5 * Math.sin(s / 60));
/** The integral of cpuRate from a fixed origin, so the counter is exact at any s. */
export const cpuSeconds = (base: number, s: number): number => base * (s + 30 * (1 - Math.cos(s / 60))) + base * 1e5;

/** Kasten's pods as the platform (cAdvisor) sees them, with each one's share of the namespace memory. */
export const KASTEN_PODS: Array<{ pod: string; container: string; memShare: number; cpuBase: number }> = [
  { pod: 'catalog-svc-6b8d9c7f5d-x2kqp', container: 'catalog-svc', memShare: 0.3, cpuBase: 0.08 },
  { pod: 'executor-svc-7f9d6c5b8-4hvzl', container: 'executor-svc', memShare: 0.2, cpuBase: 0.12 },
  { pod: 'controllermanager-svc-5c7b9d8f6-m9wtn', container: 'controllermanager-svc', memShare: 0.1, cpuBase: 0.03 },
  { pod: 'jobs-svc-84d6f7c9b-q7rjd', container: 'jobs-svc', memShare: 0.08, cpuBase: 0.02 },
  { pod: 'logging-svc-6d9f8b7c5-t5ncx', container: 'logging-svc', memShare: 0.06, cpuBase: 0.02 },
  { pod: 'metering-svc-7b8c6d9f4-h2pkm', container: 'metering-svc', memShare: 0.06, cpuBase: 0.01 },
  { pod: 'dashboardbff-svc-5f6d7c8b9-w8zrt', container: 'dashboardbff-svc', memShare: 0.1, cpuBase: 0.02 },
  { pod: 'gateway-7c9d8b6f5-c3vqs', container: 'ambassador', memShare: 0.05, cpuBase: 0.01 },
  { pod: 'prometheus-server-6f8b9c7d5-j4lsn', container: 'prometheus-server', memShare: 0.05, cpuBase: 0.02 },
];

/** The catalog pod takes the memory growth, as a growing catalog would. */
export const podMemoryBytes = (podIndex: number, s: number): number => {
  const base = memoryTotalBytes(-1);
  const growth = memoryTotalBytes(s) - base;
  const share = KASTEN_PODS[podIndex]!.memShare * base;
  return Math.round(share + (podIndex === 0 ? growth : 0));
};

/**
 * Story seconds at a wall-clock instant. Given `freezeAtSeconds`, the story stops there: the simulator keeps
 * exposing, and the stand-in's API keeps listing, that moment's values while Prometheus goes on scraping them,
 * so a test's expected values cannot change while it runs (only windows ending at "now" still slide).
 */
export const storySecondsAt = (storyStartMs: number, nowMs: number, freezeAtSeconds?: number): number => {
  const s = (nowMs - storyStartMs) / 1000;
  return freezeAtSeconds === undefined ? s : Math.min(s, freezeAtSeconds);
};

/** Seconds since epoch of a story time. */
export const wallClock = (storyStartMs: number, s: number): number => Math.floor(storyStartMs / 1000 + s);
