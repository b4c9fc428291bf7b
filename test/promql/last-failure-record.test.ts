/**
 * The last-failure recording rules evaluated LIVE by a real Prometheus (they read their own previous
 * value, which promtool's rule backfill cannot provide): 2 h of backfilled catalog history, then live
 * scraping of a catalog stand-in at 1 s. The oracle is the page's own subquery, `lastFailureTimestamp`.
 *
 * Same builders as the chart, with short windows so the story fits in about a minute: the look-back
 * record reaches back ~25 min (so a failure 20 min old leaves it during the test: the "data horizon"),
 * the carrying group runs every 5 s (so the page's read between two evaluations can be caught).
 */
import {
  DEFAULT_QUERY_CONFIG,
  LAST_FAILURE_LOOKBACK_RECORD,
  LAST_FAILURE_RECORD,
  RECORD_ROWS,
  lastFailureFromRecord,
  lastFailureTimestamp,
  newFailedActions,
  recoveryFromRecords,
  recoveryRecordingGroups,
  type KastenQueryConfig,
  type RecordingOptions,
} from '../../src/promql';
import { lastFailureLookbackNeeded, newFailureRows } from '../../src/models/overview';
import type { PromResult } from '../../src/models/prometheus/types';
import { pointsEvery, type Labels, type PrometheusServer, type VectorSample } from '../../dev/prometheus/harness';
import { type LiveCatalog, startLiveCatalog, until, untilOnlyTheCarryKnows, valueOf } from './live-rules';

jest.setTimeout(240_000);

const SCRAPE = 1;
const BACKFILL_STEP = 30;
const cfg: KastenQueryConfig = { ...DEFAULT_QUERY_CONFIG, scrapeResolution: `${SCRAPE}s` };
const testStart = Math.floor(Date.now() / 1000);
const floor30 = (t: number) => t - (t % BACKFILL_STEP);
/** A failure before the rules ran, on the backfill grid; the look-back record stops seeing it ~40 s into the test. */
const T_RECENT_PAST = floor30(testStart - 20 * 60);
const FAILURE_LOOKBACK_SECONDS = testStart + 40 - T_RECENT_PAST;
/** A failure older than the look-back record ever reaches, yet inside the page's 2 h window. */
const T_OLD = floor30(testStart - 90 * 60);
const opts: RecordingOptions = {
  detectWindow: '30s',
  carryGap: '60s',
  lookback: '1h',
  lookbackHold: '10s',
  interval: '5s',
  lookbackInterval: '3s',
  failureLookback: `${FAILURE_LOOKBACK_SECONDS}s`,
};
const HISTORY_FROM = floor30(testStart) - 2 * 3600;
const HISTORY_TO = testStart - 2 * BACKFILL_STEP;
const WINDOW = '2h';

const POLICY = { recentPast: 'recent-past', old: 'old', live: 'live' } as const;
const APP = 'shop';

/** Failed backups per policy, live records; the value the live target serves now. */
const failed: Record<string, number> = { [POLICY.recentPast]: 2, [POLICY.old]: 4, [POLICY.live]: 1 };

const stored = (policy: string, instance: string): Labels => ({
  namespace: 'kasten-io',
  job: 'catalog-svc',
  instance,
  exported_namespace: APP,
  policy,
  type: 'backup',
  status: 'failed',
  liveness: 'live',
});

let prom: PrometheusServer;
let live: LiveCatalog;
const now = () => Date.now() / 1000;
const key = (policy: string): Labels => ({ policy, exported_namespace: APP, type: 'backup' });

const recorded = async (policy: string, at = now()): Promise<number | undefined> =>
  valueOf(await prom.query(`${LAST_FAILURE_RECORD}{namespace="kasten-io"}`, at), {
    ...key(policy),
    namespace: 'kasten-io',
  });

const oracle = async (policy: string, window: string, at: number): Promise<number | undefined> =>
  valueOf(await prom.query(lastFailureTimestamp(cfg, window), at), key(policy));

const asResult = (rows: VectorSample[]): PromResult => ({ resultType: 'vector', result: rows });

beforeAll(async () => {
  live = await startLiveCatalog({
    file: 'last-failure-record.test.ts',
    scrapeSeconds: SCRAPE,
    samples: () =>
      Object.entries(failed).map(
        ([policy, v]) =>
          `catalog_actions_count{namespace="${APP}",policy="${policy}",type="backup",status="failed",liveness="live"} ${v}`,
      ),
    fixtures: (instance) => [
      {
        name: 'catalog_actions_count',
        type: 'gauge',
        series: [
          {
            labels: stored(POLICY.recentPast, instance),
            points: pointsEvery(HISTORY_FROM, HISTORY_TO, BACKFILL_STEP, (t) => (t >= T_RECENT_PAST ? 2 : 1)),
          },
          {
            labels: stored(POLICY.old, instance),
            points: pointsEvery(HISTORY_FROM, HISTORY_TO, BACKFILL_STEP, (t) => (t >= T_OLD ? 4 : 3)),
          },
          {
            labels: stored(POLICY.live, instance),
            points: pointsEvery(HISTORY_FROM, HISTORY_TO, BACKFILL_STEP, () => 1),
          },
        ],
      },
    ],
    groups: recoveryRecordingGroups(cfg, opts),
  });
  prom = live.prom;
}, 120_000);

afterAll(async () => {
  await live?.stop();
});

test('the record finds a failure from before the rules ran: exactly what the subquery over the window gives', async () => {
  const value = await until('the recent-past failure in the record', () => recorded(POLICY.recentPast));
  const at = now();
  expect(value).toBe(await oracle(POLICY.recentPast, WINDOW, at));
  expect(value).toBe(T_RECENT_PAST);
});

test("a failure older than the record's look-back has no record, so the page asks the subquery for its row", async () => {
  await until('the recent-past failure in the record', () => recorded(POLICY.recentPast));
  const at = now();
  expect(await oracle(POLICY.old, WINDOW, at)).toBe(T_OLD);
  expect(await recorded(POLICY.old, at)).toBeUndefined();
  const newFailures = asResult(await prom.query(newFailedActions(cfg, WINDOW), at));
  const records = asResult(await prom.query(recoveryFromRecords(cfg, undefined, WINDOW), at));
  expect(valueOf(records.result as VectorSample[], { kcp_row: RECORD_ROWS.lastFailure, ...key(POLICY.old) })).toBe(
    undefined,
  );
  expect(lastFailureLookbackNeeded({ newFailures, records, catalogPresent: true })).toBe(true);
  // With the subquery's answer, every row has its exact time; the recorded row comes from the records.
  const lastFailure = asResult(await prom.query(lastFailureTimestamp(cfg, WINDOW), at));
  const { rows } = newFailureRows({
    newFailures,
    records,
    lastFailure,
    counterFailures: undefined,
    catalogPresent: true,
  });
  expect(rows.find((r) => r.policy === POLICY.old)?.lastFailure).toBe(T_OLD);
  expect(rows.find((r) => r.policy === POLICY.recentPast)?.lastFailure).toBe(T_RECENT_PAST);
});

test('the page never shows a recorded time outside its window', async () => {
  await until('the recent-past failure in the record', () => recorded(POLICY.recentPast));
  const at = now();
  const inTen = await prom.query(lastFailureFromRecord(cfg, '10m'), at);
  expect(valueOf(inTen, key(POLICY.recentPast))).toBeUndefined();
  const inHour = await prom.query(lastFailureFromRecord(cfg, '1h'), at);
  expect(valueOf(inHour, key(POLICY.recentPast))).toBe(T_RECENT_PAST);
});

test("a live failure newer than the record's last evaluation gets its exact time from the page's combined read", async () => {
  failed[POLICY.live] = 2;
  // The record catches up with the failure: the time of its first evaluation that knew it is known.
  const value = await until('the live failure in the record', async () => {
    const v = await recorded(POLICY.live);
    return v !== undefined && v > HISTORY_TO ? v : undefined;
  });
  const range = (await prom.raw(
    `/api/v1/query?${new URLSearchParams({
      query: `${LAST_FAILURE_RECORD}{policy="${POLICY.live}"}[2m]`,
      time: String(now()),
    }).toString()}`,
  )) as { body: { data: { result: Array<{ values: Array<[number, string]> }> } } };
  const firstKnowing = range.body.data.result
    .flatMap((s) => s.values)
    .filter(([, v]) => Number(v) === value)
    .map(([t]) => t)
    .sort((a, b) => a - b)[0]!;
  // Between the failure and that evaluation, the record did not know it yet.
  const between = (value + firstKnowing) / 2;
  expect(between).toBeGreaterThan(value);
  expect(await recorded(POLICY.live, between)).not.toBe(value);
  const rows = await prom.query(lastFailureFromRecord(cfg, WINDOW), between);
  expect(valueOf(rows, key(POLICY.live))).toBe(value);
  expect(valueOf(rows, key(POLICY.live))).toBe(await oracle(POLICY.live, WINDOW, between));
  // And once recorded, record and subquery agree.
  const at = now();
  expect(await recorded(POLICY.live, at)).toBe(await oracle(POLICY.live, WINDOW, at));
});

test('the record carries a failure past the data horizon: the look-back no longer sees it, the record does', async () => {
  const value = await until('the recent-past failure in the record', () => recorded(POLICY.recentPast));
  await until(
    'the look-back to lose the recent-past failure',
    async () => ((await oracle(POLICY.recentPast, opts.failureLookback, now())) === undefined ? true : undefined),
    120_000,
  );
  // Past the look-back record's hold as well, then one carrying evaluation later: only the carry can still know it.
  await untilOnlyTheCarryKnows(prom, {
    lookbackRecord: LAST_FAILURE_LOOKBACK_RECORD,
    carryRecord: LAST_FAILURE_RECORD,
    policy: POLICY.recentPast,
    hold: opts.lookbackHold,
  });
  expect(await recorded(POLICY.recentPast)).toBe(value);
  const rows = await prom.query(lastFailureFromRecord(cfg, WINDOW), now());
  expect(valueOf(rows, key(POLICY.recentPast))).toBe(value);
});
