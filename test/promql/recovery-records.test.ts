/**
 * The last-success recording rules evaluated LIVE by a real Prometheus: 24 h of backfilled catalog
 * history (nothing older: as after a default user-workload monitoring retention), then live
 * scraping of a catalog stand-in at 1 s. Rules only run at wall-clock time and the carry reads the
 * rule's own previous value, which promtool's rule backfill cannot provide, hence live.
 *
 * Same builders as the chart, with short windows so the story fits in about a minute:
 * look-back ~1 h (so a success ~1 h old leaves it during the test: the "data horizon"), carry gap
 * 30 s (a 5 s Prometheus restart is survived).
 */
import {
  DEFAULT_QUERY_CONFIG,
  HISTORY_START_RECORD,
  LAST_SUCCESS_LOOKBACK_RECORD,
  LAST_SUCCESS_RECORD,
  RECORD_ROWS,
  catalogHistorySeconds,
  lastSuccessTimestamp,
  recoveryFromRecords,
  recoveryRecordingGroups,
  type KastenQueryConfig,
  type RecordingOptions,
} from '../../src/promql';
import { pointsEvery, type Labels, type PrometheusServer } from '../../dev/prometheus/harness';
import { type LiveCatalog, sleep, startLiveCatalog, until, untilOnlyTheCarryKnows, valueOf } from './live-rules';

jest.setTimeout(240_000);

const SCRAPE = 1;
const BACKFILL_STEP = 30;
const cfg: KastenQueryConfig = { ...DEFAULT_QUERY_CONFIG, scrapeResolution: `${SCRAPE}s` };
const testStart = Math.floor(Date.now() / 1000);
const floor300 = (t: number) => t - (t % 300);
/** A success on the 5 minute grid, so the look-back finds it at exactly that step. */
const T_OLD_DAILY = floor300(testStart - 3600);
/**
 * The look-back stops seeing T_OLD_DAILY 45 s after this file loads. Everything before the horizon
 * (start-up and the first four tests) takes about 9 s; the horizon test waits out the rest, so a
 * longer margin is only waiting.
 */
const LOOKBACK_SECONDS = testStart + 45 - T_OLD_DAILY;
const opts: RecordingOptions = {
  detectWindow: '10s',
  carryGap: '30s',
  lookback: `${LOOKBACK_SECONDS}s`,
  lookbackHold: '5s',
  interval: '1s',
  lookbackInterval: '2s',
  failureLookback: '1h',
};
/** On the backfill's 30 s grid, so the old success is a sample at exactly T_OLD_DAILY. */
const HISTORY_FROM = floor300(testStart) - 24 * 3600;
const HISTORY_TO = testStart - 2 * BACKFILL_STEP;

const POLICY = { weeklyOld: 'weekly-old', daily: 'daily', live: 'live' } as const;
const APP = 'shop';

/** Complete backups per policy, live records; the value the live target serves now. */
const complete: Record<string, number> = { [POLICY.weeklyOld]: 3, [POLICY.daily]: 5, [POLICY.live]: 2 };

const stored = (policy: string, instance: string): Labels => ({
  namespace: 'kasten-io',
  job: 'catalog-svc',
  instance,
  exported_namespace: APP,
  policy,
  type: 'backup',
  status: 'complete',
  liveness: 'live',
});

let prom: PrometheusServer;
let live: LiveCatalog;
const now = () => Date.now() / 1000;

const lastSuccess = async (policy: string): Promise<number | undefined> =>
  valueOf(await prom.query(`${LAST_SUCCESS_RECORD}{namespace="kasten-io"}`, now()), {
    policy,
    exported_namespace: APP,
    type: 'backup',
  });

beforeAll(async () => {
  live = await startLiveCatalog({
    file: 'recovery-records.test.ts',
    scrapeSeconds: SCRAPE,
    samples: () =>
      Object.entries(complete).map(
        ([policy, v]) =>
          `catalog_actions_count{namespace="${APP}",policy="${policy}",type="backup",status="complete",liveness="live"} ${v}`,
      ),
    fixtures: (instance) => [
      {
        name: 'catalog_actions_count',
        type: 'gauge',
        series: [
          // Its last success is older than the 24 h of data.
          {
            labels: stored(POLICY.weeklyOld, instance),
            points: pointsEvery(HISTORY_FROM, HISTORY_TO, BACKFILL_STEP, () => 3),
          },
          {
            labels: stored(POLICY.daily, instance),
            points: pointsEvery(HISTORY_FROM, HISTORY_TO, BACKFILL_STEP, (t) => (t >= T_OLD_DAILY ? 5 : 4)),
          },
          {
            labels: stored(POLICY.live, instance),
            points: pointsEvery(HISTORY_FROM, HISTORY_TO, BACKFILL_STEP, () => 2),
          },
        ],
      },
      {
        name: 'up',
        type: 'gauge',
        series: [
          {
            labels: { namespace: 'kasten-io', job: 'catalog-svc', instance },
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

test('the fallback measures the history Prometheus really holds: 24 h, not the 52 h it asks for', async () => {
  const at = now();
  const [row] = await prom.query(catalogHistorySeconds(cfg, '52h'), at);
  const seconds = Number(row?.value[1]);
  // The start is found at the 5 minute step: up to one step late, never early.
  const held = at - HISTORY_FROM;
  expect(held).toBeGreaterThan(24 * 3600);
  expect(seconds).toBeGreaterThan(held - 300);
  expect(seconds).toBeLessThanOrEqual(held + 0.001);
});

test('the look-back record finds a success from before the rules ran, never understating its age by more than a scrape', async () => {
  const recorded = await until('the daily policy in the record', () => lastSuccess(POLICY.daily));
  // Found at the 5 minute step T, reported as T - 5m + 1 scrape.
  expect(recorded).toBeGreaterThanOrEqual(T_OLD_DAILY - 300 + SCRAPE - 0.01);
  expect(recorded).toBeLessThanOrEqual(T_OLD_DAILY + SCRAPE);
});

test('a weekly policy whose success is older than the data has no record, yet keeps its row with the history covered', async () => {
  await until('the history record', async () =>
    (await prom.query(HISTORY_START_RECORD, now())).length > 0 ? true : undefined,
  );
  const rows = await prom.query(recoveryFromRecords(cfg), now());
  expect(valueOf(rows, { kcp_row: RECORD_ROWS.age, policy: POLICY.weeklyOld })).toBeUndefined();
  expect(valueOf(rows, { kcp_row: RECORD_ROWS.known, policy: POLICY.weeklyOld, exported_namespace: APP })).toBe(1);
  // Successes are known since the look-back's start (about an hour), the earliest still stored.
  const history = valueOf(rows, { kcp_row: RECORD_ROWS.history });
  expect(history).toBeGreaterThan(LOOKBACK_SECONDS - 300 - 120);
  expect(history).toBeLessThan(LOOKBACK_SECONDS + 120);
});

test('a live success is recorded at scrape resolution: error at most one scrape interval', async () => {
  complete[POLICY.live] = 3;
  const recorded = await until('the live success', async () => {
    const v = await lastSuccess(POLICY.live);
    return v !== undefined && v > HISTORY_TO ? v : undefined;
  });
  // The first scrape that served 3: when the success became visible to Prometheus.
  const range = (await prom.raw(
    `/api/v1/query?${new URLSearchParams({
      query: `catalog_actions_count{policy="${POLICY.live}",status="complete"}[2m]`,
      time: String(now()),
    }).toString()}`,
  )) as { body: { data: { result: Array<{ values: Array<[number, string]> }> } } };
  const firstThree = range.body.data.result
    .flatMap((s) => s.values)
    .filter(([, v]) => v === '3')
    .map(([t]) => t)
    .sort((a, b) => a - b)[0]!;
  expect(recorded).toBeGreaterThanOrEqual(firstThree);
  expect(recorded - firstThree).toBeLessThanOrEqual(SCRAPE);
});

test('the record carries a success past the data horizon: the look-back no longer sees it, the record does', async () => {
  const recorded = await until('the daily policy in the record', () => lastSuccess(POLICY.daily));
  await until(
    'the look-back to lose the old success',
    async () =>
      (await prom.query(lastSuccessTimestamp(cfg, opts.lookback, 'backup', { policy: POLICY.daily }), now())).length ===
      0
        ? true
        : undefined,
    120_000,
  );
  // Past the look-back record's hold as well, then one carrying evaluation later: only the carry can still know it.
  await untilOnlyTheCarryKnows(prom, {
    lookbackRecord: LAST_SUCCESS_LOOKBACK_RECORD,
    carryRecord: LAST_SUCCESS_RECORD,
    policy: POLICY.daily,
    hold: opts.lookbackHold,
  });
  expect(await lastSuccess(POLICY.daily)).toBe(recorded);
});

test('a Prometheus restart shorter than the carry gap loses nothing', async () => {
  const daily = await until('the daily record', () => lastSuccess(POLICY.daily));
  const live = await until('the live record', () => lastSuccess(POLICY.live));
  await prom.kill();
  const stoppedAt = now();
  await sleep(5000);
  await prom.restart();
  // Wait for a rule evaluation after the restart: the record's newest sample is newer than the stop.
  await until('a post-restart evaluation', async () => {
    const [row] = await prom.query(`timestamp(${LAST_SUCCESS_RECORD}{policy="${POLICY.daily}"})`, now());
    return row && Number(row.value[1]) > stoppedAt + 5 ? true : undefined;
  });
  expect(await lastSuccess(POLICY.daily)).toBe(daily);
  expect(await lastSuccess(POLICY.live)).toBe(live);
});
