/**
 * The Overview's look-back fallback (no recording rules) on a real Prometheus holding what a default
 * user-workload monitoring keeps: 24 h of catalog history and nothing older, with a two-hour
 * restart gap in it (no PVC: the samples of the outage are lost). The page's own queries, clipped
 * to the history it measures, are evaluated and shaped by the page's own model.
 *
 * Backfilled only (no scraping, no rules), evaluated at a fixed time AT: deterministic.
 */
import { RECOVERY_POINT_STEP, catalogHistorySeconds, clippedLookbackSeconds, durationSeconds } from '../../src/promql';
import {
  overviewQueries,
  recoveryPointLookback,
  recoveryPointLookbackBoundSeconds,
  shapeOverview,
  type OverviewKey,
  type RecoveryRow,
} from '../../src/models/overview';
import { DEFAULT_PLUGIN_CONFIG } from '../../src/models/plugin-config';
import type { KastenPolicy } from '../../src/models/policy';
import type { PromQueryState } from '../../src/models/prometheus/types';
import {
  pointsEvery,
  startCounter,
  startPrometheus,
  type Labels,
  type MetricFixture,
  type Point,
  type PrometheusServer,
} from '../../dev/prometheus/harness';

jest.setTimeout(120_000);

const SCRAPE = 30;
const STEP = durationSeconds(RECOVERY_POINT_STEP);
const H = 3600;
const config = { ...DEFAULT_PLUGIN_CONFIG, scrapeResolution: `${SCRAPE}s` };
/** A past evaluation time on the scrape grid, so the fixture is complete and the answers fixed. */
const AT = Math.floor(Date.now() / 1000 / 600) * 600 - 2 * H;
const HISTORY_FROM = AT - 24 * H;
/** The restart gap: nothing stored between these. */
const GAP_FROM = AT - 10 * H;
const GAP_TO = AT - 8 * H;
const INSTANCE = '10.0.0.1:8000';

/** First scrape (on the 30 s grid) that serves the new count: when Prometheus saw the success. Off the 5 m grid on purpose. */
const SUCCESS = {
  beforeGap: AT - 12 * H - 90,
  afterGap: AT - 3 * H - 150,
  nearHistoryStart: HISTORY_FROM + 6 * 60 + 30,
} as const;
const POLICY = {
  beforeGap: 'daily-before-gap',
  afterGap: 'daily-after-gap',
  nearHistoryStart: 'early',
  weekly: 'weekly',
} as const;
const APP = 'shop';

const inHistory = (t: number): boolean => t < GAP_FROM || t >= GAP_TO;
const series = (labels: Labels, value: (t: number) => number): { labels: Labels; points: Point[] } => ({
  labels,
  points: pointsEvery(HISTORY_FROM, AT, SCRAPE, value).filter(([t]) => inHistory(t)),
});
const completeBackups = (policy: string, success: number | undefined) =>
  series(
    {
      namespace: 'kasten-io',
      job: 'catalog-svc',
      instance: INSTANCE,
      exported_namespace: APP,
      policy,
      type: 'backup',
      status: 'complete',
      liveness: 'live',
    },
    (t) => (success !== undefined && t >= success ? 5 : 4),
  );

const policies: KastenPolicy[] = [
  { metadata: { name: POLICY.beforeGap }, spec: { frequency: '@daily' } },
  { metadata: { name: POLICY.afterGap }, spec: { frequency: '@daily' } },
  { metadata: { name: POLICY.nearHistoryStart }, spec: { frequency: '@daily' } },
  { metadata: { name: POLICY.weekly }, spec: { frequency: '@weekly' } },
];

let prom: PrometheusServer;
const startsBefore = startCounter.starts;

beforeAll(async () => {
  const fixtures: MetricFixture[] = [
    {
      name: 'catalog_actions_count',
      type: 'gauge',
      series: [
        completeBackups(POLICY.beforeGap, SUCCESS.beforeGap),
        completeBackups(POLICY.afterGap, SUCCESS.afterGap),
        completeBackups(POLICY.nearHistoryStart, SUCCESS.nearHistoryStart),
        // Its last success is older than the 24 h of data.
        completeBackups(POLICY.weekly, undefined),
      ],
    },
    {
      name: 'up',
      type: 'gauge',
      series: [series({ namespace: 'kasten-io', job: 'catalog-svc', instance: INSTANCE }, () => 1)],
    },
  ];
  prom = await startPrometheus({ fixtures });
}, 90_000);

afterAll(async () => {
  await prom?.stop();
  process.stdout.write(
    `promql: recovery-lookback.test.ts started Prometheus ${startCounter.starts - startsBefore} time(s)\n`,
  );
});

const asState = async (query: string): Promise<PromQueryState> => ({
  data: { resultType: 'vector', result: await prom.query(query, AT) },
  loading: false,
  stale: false,
});

/** The Overview's look-back path as the data hook runs it: measure the history, then ask the clipped ages. */
const overviewAt = async () => {
  const unclipped = overviewQueries(config, '1h');
  const history = await asState(unclipped.catalogHistory);
  const measured = Number((history.data?.result[0] as { value: [number, string] } | undefined)?.value[1]);
  const queries = overviewQueries(config, '1h', undefined, measured);
  const states = Object.fromEntries(
    await Promise.all(
      (Object.keys(queries) as OverviewKey[]).map(
        async (k) => [k, k === 'catalogHistory' ? history : await asState(queries[k])] as const,
      ),
    ),
  ) as Record<OverviewKey, PromQueryState>;
  const shaped = shapeOverview(
    queries,
    states,
    { policies, loaded: true, error: undefined },
    config.recoveryPointMaxAgeSeconds,
    'lookback',
  );
  return { measured, queries, unclipped, shaped };
};

const row = (rows: RecoveryRow[], policy: string): RecoveryRow => {
  const r = rows.find((x) => x.policy === policy && x.namespace === APP);
  if (!r) throw new Error(`no row for ${policy}: ${JSON.stringify(rows)}`);
  return r;
};

test('the history is measured as the 24 h Prometheus holds, and the look-back asks 25 h, not the 52 h bound', async () => {
  const { measured, queries, unclipped } = await overviewAt();
  const held = AT - HISTORY_FROM;
  // Found at the 5 minute step: up to one step late, never early; the gap does not shorten it.
  expect(measured).toBeGreaterThan(held - STEP);
  expect(measured).toBeLessThanOrEqual(held);
  expect(recoveryPointLookback(config.recoveryPointMaxAgeSeconds)).toBe('52h');
  expect(unclipped.backupAge).toContain('[52h:5m]');
  const clipped = clippedLookbackSeconds(
    measured,
    recoveryPointLookbackBoundSeconds(config.recoveryPointMaxAgeSeconds),
  );
  expect(clipped).toBe(25 * H);
  expect(queries.backupAge).toContain('[25h:5m]');
  expect(queries.exportAge).toContain('[25h:5m]');
  expect(queries.backupAge).not.toBe(unclipped.backupAge);
  // The measure is itself cheap and fixed: the same query whatever the history.
  expect(queries.catalogHistory).toBe(unclipped.catalogHistory);
  expect(queries.catalogHistory).toBe(catalogHistorySeconds(config, '52h'));
});

test('the clipped look-back finds every success the whole bound finds: before the gap, after it, near the history start', async () => {
  const { queries, unclipped } = await overviewAt();
  const clipped = (await prom.query(queries.backupAge, AT)).map((r) => [r.metric.policy, r.value[1]]).sort();
  const full = (await prom.query(unclipped.backupAge, AT)).map((r) => [r.metric.policy, r.value[1]]).sort();
  expect(clipped).toEqual(full);
  expect(clipped.map(([p]) => p)).toEqual([POLICY.afterGap, POLICY.beforeGap, POLICY.nearHistoryStart]);
});

test.each([
  ['before the restart gap', POLICY.beforeGap, SUCCESS.beforeGap],
  ['after the restart gap', POLICY.afterGap, SUCCESS.afterGap],
  ['six minutes after the history starts', POLICY.nearHistoryStart, SUCCESS.nearHistoryStart],
])('a success %s: the age is never understated by more than a scrape interval', async (_what, policy, success) => {
  const { shaped } = await overviewAt();
  const r = row(shaped.recovery, policy);
  const trueAge = AT - success;
  expect(r.backupAgeSeconds).toBeGreaterThanOrEqual(trueAge - SCRAPE);
  // ...and overstated by at most the look-back's step.
  expect(r.backupAgeSeconds).toBeLessThanOrEqual(trueAge + STEP);
  expect(r.verdict).toBe('ok');
});

test('a weekly policy with no success in the 24 h held keeps its row, and is "cannot tell", never "never"', async () => {
  const { shaped, measured } = await overviewAt();
  const weekly = row(shaped.recovery, POLICY.weekly);
  expect(weekly.backupAgeSeconds).toBeUndefined();
  expect(weekly.verdict).toBe('unknown');
  expect(weekly.verdict).not.toBe('never');
  // "no success in the last N h of metrics" takes N from the measure: 24, not the 52 asked before.
  expect(shaped.recoveryHistorySeconds).toBe(measured);
  // The history starts on the 5 minute grid, so the measure is exact here: 24 h.
  expect(Math.floor((shaped.recoveryHistorySeconds ?? 0) / H)).toBe(24);
  expect(shaped.recovery.map((r) => r.policy).sort()).toEqual(Object.values(POLICY).sort());
});
