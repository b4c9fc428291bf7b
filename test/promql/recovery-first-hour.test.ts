/**
 * The first hour after the recording rules are installed (issue 11). Prometheus runs a newly
 * loaded group's first evaluation at its own slot, up to one interval after loading: for the
 * hourly look-back group, up to an hour during which only the 1-minute group runs. The records
 * must not claim, in that gap, a history of successes they have not searched: the page would
 * call a policy whose last success predates the install "no success in the last 24 h", and
 * KastenRecoveryPointTooOld would page someone.
 *
 * A real Prometheus with 24 h of backfilled catalog history and live scraping: first the
 * 1-minute group alone (the look-back group's slot not yet come; left out, since the slot of a
 * 1 h group is a hash, not something a test can wait for), then the look-back group loaded by
 * a configuration reload, as Prometheus loads a PrometheusRule change.
 */
import * as fs from 'fs';
import { recoverySourceOf, recoveryRows } from '../../src/models/overview';
import { alertAllowedAgeSeconds, type KastenPolicy } from '../../src/models/policy';
import { type VectorRow } from '../../src/models/prometheus/parse';
import {
  DEFAULT_QUERY_CONFIG,
  RECORD_ROWS,
  catalogHistorySeconds,
  recoveryFromRecords,
  recoveryPointAgeSeconds,
  recoveryPointTooOld,
  recoveryRecordingGroups,
  type KastenQueryConfig,
  type RecordingOptions,
} from '../../src/promql';
import { pointsEvery, type Labels, type PrometheusServer, type VectorSample } from '../../dev/prometheus/harness';
import { type LiveCatalog, startLiveCatalog, until } from './live-rules';

jest.setTimeout(240_000);

const SCRAPE = 1;
const BACKFILL_STEP = 30;
const cfg: KastenQueryConfig = { ...DEFAULT_QUERY_CONFIG, scrapeResolution: `${SCRAPE}s` };
const testStart = Math.floor(Date.now() / 1000);
const floor300 = (t: number) => t - (t % 300);
/** The chart's windows, except the intervals, so the story runs in seconds. */
const opts: RecordingOptions = {
  detectWindow: '10s',
  carryGap: '30s',
  lookback: '2d',
  lookbackHold: '10s',
  interval: '1s',
  lookbackInterval: '2s',
  // The failure look-back is not this story's subject; short, so the look-back group stays cheap at 1 s resolution.
  failureLookback: '10s',
};
const LOOKBACK_GROUP = 'kasten-recovery-point-lookback';
const CARRY_GROUP = 'kasten-recovery-point';
const HISTORY_FROM = floor300(testStart) - 24 * 3600;
const HISTORY_TO = testStart - 2 * BACKFILL_STEP;

const POLICY = 'hourly';
const APP = 'shop';
const hourly: KastenPolicy = { metadata: { name: POLICY }, spec: { frequency: '@hourly' } };
/** The hourly policy's allowed age (76 min): its alert threshold, and the page's. */
const ALLOWED = alertAllowedAgeSeconds(hourly)!;
/** Its last success, half an hour before the install, on the 5 minute grid the look-back reads. */
const T_SUCCESS = floor300(testStart - 1800);

let prom: PrometheusServer;
let live: LiveCatalog;
const now = () => Date.now() / 1000;

const rowsOf = (samples: VectorSample[]): VectorRow[] =>
  samples.map((s) => ({ labels: s.metric, value: Number(s.value[1]), time: s.value[0] }));

const groupsNamed = (groupNames: readonly string[]) =>
  recoveryRecordingGroups(cfg, opts).filter((g) => groupNames.includes(g.name));

const writeRules = (groupNames: readonly string[]): void =>
  fs.writeFileSync(live.ruleFile, JSON.stringify({ groups: groupsNamed(groupNames) }));

/** Evaluation times of a rule group, from the rules API (the data itself, no guessed wait). */
const lastEvaluation = async (group: string): Promise<number | undefined> => {
  const { body } = (await prom.raw('/api/v1/rules')) as {
    body: { data?: { groups?: Array<{ name: string; lastEvaluation?: string }> } };
  };
  const g = body.data?.groups?.find((x) => x.name === group);
  const t = g?.lastEvaluation ? Date.parse(g.lastEvaluation) / 1000 : NaN;
  // Before its first evaluation the API says 0001-01-01.
  return Number.isFinite(t) && t > testStart ? t : undefined;
};

/** What the Overview would show for the hourly policy, taking the source the records answer points to. */
const pageVerdict = async (at: number) => {
  const records = await prom.query(recoveryFromRecords(cfg), at);
  const source = recoverySourceOf({ resultType: 'vector', result: records });
  const history = await prom.query(catalogHistorySeconds(cfg, opts.lookback), at);
  const backupAge = source === 'lookback' ? await prom.query(recoveryPointAgeSeconds(cfg, '25h', 'backup'), at) : [];
  const { rows, historySeconds } = recoveryRows({
    source: source ?? 'records',
    records: rowsOf(records),
    backupAge: rowsOf(backupAge),
    exportAge: [],
    catalogHistorySeconds: history[0] ? Number(history[0].value[1]) : undefined,
    policies: new Map([[POLICY, hourly]]),
    maxAgeSeconds: ALLOWED,
  });
  return { source, records, row: rows.find((r) => r.policy === POLICY), historySeconds };
};

const stored = (instance: string): Labels => ({
  namespace: 'kasten-io',
  job: 'catalog-svc',
  instance,
  exported_namespace: APP,
  policy: POLICY,
  type: 'backup',
  status: 'complete',
  liveness: 'live',
});

beforeAll(async () => {
  live = await startLiveCatalog({
    file: 'recovery-first-hour.test.ts',
    scrapeSeconds: SCRAPE,
    samples: () => [
      `catalog_actions_count{namespace="${APP}",policy="${POLICY}",type="backup",status="complete",liveness="live"} 8`,
    ],
    fixtures: (instance) => [
      {
        name: 'catalog_actions_count',
        type: 'gauge',
        series: [
          {
            labels: stored(instance),
            points: pointsEvery(HISTORY_FROM, HISTORY_TO, BACKFILL_STEP, (t) => (t >= T_SUCCESS ? 8 : 7)),
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
    groups: groupsNamed([CARRY_GROUP]),
    extraArgs: ['--web.enable-lifecycle'],
  });
  prom = live.prom;
}, 120_000);

afterAll(async () => {
  await live?.stop();
});

test('before the look-back group first runs, the records claim no history: the page looks back and finds the success, the alert stays silent', async () => {
  // Several evaluations of the 1-minute group, so any held value has had its chance to appear.
  const first = await until('the 1-minute group to run', () => lastEvaluation(CARRY_GROUP));
  const at = await until('three more evaluations', async () => {
    const t = await lastEvaluation(CARRY_GROUP);
    return t !== undefined && t >= first + 3 * SCRAPE ? t : undefined;
  });
  expect(await lastEvaluation(LOOKBACK_GROUP)).toBeUndefined();
  // Same threshold as the page: the hourly policy's allowed age.
  expect(await prom.query(recoveryPointTooOld(cfg, ALLOWED), now())).toEqual([]);
  const page = await pageVerdict(now());
  expect(page.row?.verdict).toBe('ok');
  expect(page.records.filter((r) => r.metric.kcp_row === RECORD_ROWS.history)).toEqual([]);
  expect(page.source).toBe('lookback');
  expect(page.row?.backupAgeSeconds).toBeGreaterThan(at - T_SUCCESS - 300);
});

test('once the look-back group has run, the history and the success it found arrive in the same answer', async () => {
  writeRules([LOOKBACK_GROUP, CARRY_GROUP]);
  const res = await fetch(`${prom.url}/-/reload`, { method: 'POST' });
  expect(res.status).toBe(200);
  // The first answer that claims a history must already hold the success.
  const page = await until('the records to claim a history', async () => {
    const p = await pageVerdict(now());
    return p.source === 'records' ? p : undefined;
  });
  expect(page.row?.verdict).toBe('ok');
  // Found at the 5 minute step T, reported as T - 5m + 1 scrape.
  expect(page.row?.backupAgeSeconds).toBeGreaterThan(now() - T_SUCCESS - 60);
  expect(page.row?.backupAgeSeconds).toBeLessThan(now() - T_SUCCESS + 300);
  // The history searched: the 24 h stored, found at the 5 minute step.
  expect(page.historySeconds).toBeGreaterThan(now() - HISTORY_FROM - 300 - 60);
  expect(page.historySeconds).toBeLessThanOrEqual(now() - HISTORY_FROM + 60);
  expect(await prom.query(recoveryPointTooOld(cfg, ALLOWED), now())).toEqual([]);
});
