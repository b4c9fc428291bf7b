/**
 * KastenRecoveryPointTooOld agrees with the page. The chart's recovery-point PrometheusRule (as
 * helm renders it, with the allowed ages the Setup tab computes from Policy objects) is run by
 * `promtool test rules`: Prometheus' own rule engine evaluates every group step by step over
 * days of catalog data, so the records carry their own previous values as they do live. At the end,
 * the firing alerts must be exactly the rows the page's verdict calls stale or "never".
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as yaml from 'js-yaml';
import {
  alertAllowedAgeSeconds,
  recoveryPointVerdict,
  type KastenPolicy,
  type RecoveryPointVerdict,
} from '../../src/models/policy';
import { ensurePrometheusInstalled } from '../../dev/prometheus/harness';
import { execFileText, runQueue } from '../run-queue';
import { render } from './helm';

jest.setTimeout(300_000);

const NS = 'kasten-io';
const DEFAULT_MAX_AGE = 93600;
/** Scrape and evaluation step of the story: 5 minutes keeps promtool's minute-by-minute work small. */
const STEP = 300;
const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;

interface Scenario {
  name: string;
  /** The Policy object, when the page can read one (undefined: the default maximum age). */
  policy?: KastenPolicy;
  /** Seconds before the end at which each success happened (a rise of the complete count). */
  successesAgo: number[];
}

const policy = (frequency: string, paused = false): KastenPolicy => ({ spec: { frequency, paused } });

interface Story {
  title: string;
  /** Seconds of catalog history before the end; the series are missing before it. */
  historySeconds: number;
  totalSeconds: number;
  scenarios: Scenario[];
}

const STORIES: Story[] = [
  {
    title: '9 days of history',
    historySeconds: 9 * DAY,
    totalSeconds: 9 * DAY,
    scenarios: [
      { name: 'daily-ok', policy: policy('@daily'), successesAgo: [34 * HOUR, 10 * HOUR] },
      { name: 'daily-stale', policy: policy('@daily'), successesAgo: [54 * HOUR, 30 * HOUR] },
      // Three days old is fine for a weekly policy; the default 26 h would page someone.
      { name: 'weekly-ok', policy: policy('@weekly'), successesAgo: [3 * DAY] },
      { name: 'weekly-stale', policy: policy('@weekly'), successesAgo: [8 * DAY] },
    ],
  },
  {
    // Stories of at most four policies only because promtool's test engine caps a query at 10000
    // samples (a real Prometheus allows 50 million), which the 2 day look-back over more exceeds.
    title: '2 days of history, cron and on-demand policies',
    historySeconds: 2 * DAY,
    totalSeconds: 2 * DAY,
    scenarios: [
      { name: 'cron-six-hourly', policy: policy('0 */6 * * *'), successesAgo: [5 * HOUR] },
      { name: 'cron-six-hourly-stale', policy: policy('0 */6 * * *'), successesAgo: [8 * HOUR] },
      { name: 'on-demand', policy: policy('@onDemand'), successesAgo: [40 * HOUR] },
    ],
  },
  {
    title: '2 days of history, paused and unlisted policies',
    historySeconds: 2 * DAY,
    totalSeconds: 2 * DAY,
    scenarios: [
      { name: 'paused', policy: policy('@daily', true), successesAgo: [] },
      { name: 'on-demand-never', policy: policy('@onDemand'), successesAgo: [] },
      // No readable Policy: the default maximum age; no success in 9 days of metrics.
      { name: 'unlisted-never', successesAgo: [] },
      { name: 'unlisted-ok', successesAgo: [20 * HOUR] },
    ],
  },
  {
    title: 'history starting only 24 h back',
    historySeconds: 24 * HOUR,
    totalSeconds: 2 * DAY,
    scenarios: [
      // Last successes older than the data: nobody can tell, nobody is paged.
      { name: 'weekly-before-data', policy: policy('@weekly'), successesAgo: [] },
      { name: 'daily-listed-before-data', policy: policy('@daily'), successesAgo: [] },
      { name: 'unlisted-before-data', successesAgo: [] },
      { name: 'hourly-stale', policy: policy('@hourly'), successesAgo: [3 * HOUR] },
    ],
  },
];

const labelsText = (labels: Record<string, string>): string =>
  `{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',')}}`;

/** One value per step from 0 to the end; `_` (missing) before the history starts. */
const series = (story: Story, value: (t: number) => number): string => {
  const out: string[] = [];
  for (let t = 0; t <= story.totalSeconds; t += STEP)
    out.push(t < story.totalSeconds - story.historySeconds ? '_' : String(value(t)));
  return out.join(' ');
};

const rulesFile = (dir: string, story: Story, withoutGroup?: string): string => {
  const allowed: Record<string, number> = {};
  for (const s of story.scenarios) {
    const a = s.policy === undefined ? undefined : alertAllowedAgeSeconds(s.policy);
    if (a !== undefined) allowed[s.name] = a;
  }
  const objects = render({
    kasten: { namespace: NS },
    monitoring: { scrapeInterval: '5m', prometheusRule: { enabled: true, recoveryPoint: { policies: allowed } } },
    thresholds: { recoveryPointMaxAgeSeconds: DEFAULT_MAX_AGE },
  });
  const rule = objects.find(
    (o) => o.kind === 'PrometheusRule' && o.metadata.labels?.['openshift.io/prometheus-rule-evaluation-scope'],
  );
  if (!rule) throw new Error('no leaf-prometheus PrometheusRule rendered');
  const spec = rule.spec as { groups: Array<{ name: string }> };
  const groups = spec.groups.filter((g) => g.name !== withoutGroup);
  if (withoutGroup !== undefined && groups.length !== spec.groups.length - 1)
    throw new Error(`the chart renders no group ${withoutGroup}`);
  const file = path.join(dir, 'rules.yml');
  fs.writeFileSync(file, yaml.dump({ ...spec, groups }));
  return file;
};

/** The page's verdict for each scenario, from the same functions the Overview uses. */
const pageVerdicts = (story: Story): Record<string, RecoveryPointVerdict> =>
  Object.fromEntries(
    story.scenarios.map((s) => {
      const newest = s.successesAgo.length ? Math.min(...s.successesAgo) : undefined;
      return [s.name, recoveryPointVerdict(newest, s.policy, DEFAULT_MAX_AGE, story.historySeconds).verdict];
    }),
  );

/**
 * Runs the story through promtool; the alerts expected firing at the end are the page's stale and
 * "never" rows, unless `expectFiring` names them (a story the page's verdicts do not describe).
 */
const runPromtool = async (
  story: Story,
  withoutGroup?: string,
  expectFiring?: string[],
): Promise<{ stdout: string; firing: string[] }> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-recovery-alert-'));
  try {
    const rules = rulesFile(dir, story, withoutGroup);
    const end = story.totalSeconds;
    const inputSeries = [
      {
        series: `up${labelsText({ namespace: NS, job: 'catalog-svc' })}`,
        values: series(story, () => 1),
      },
      ...story.scenarios.map((s) => ({
        series: `catalog_actions_count${labelsText({
          namespace: NS,
          job: 'catalog-svc',
          exported_namespace: `app-${s.name}`,
          policy: s.name,
          type: 'backup',
          status: 'complete',
          liveness: 'live',
        })}`,
        // Five restore points from before the data, one more per success.
        values: series(story, (t) => 5 + s.successesAgo.filter((ago) => t >= end - ago).length),
      })),
    ];
    const verdicts = pageVerdicts(story);
    const firing =
      expectFiring ??
      story.scenarios.filter((s) => ['stale', 'never'].includes(verdicts[s.name] ?? '')).map((s) => s.name);
    const test = {
      rule_files: [rules],
      evaluation_interval: '5m',
      tests: [
        {
          interval: '5m',
          input_series: inputSeries,
          promql_expr_test: [
            {
              expr: 'ALERTS{alertname="KastenRecoveryPointTooOld",alertstate="firing"}',
              eval_time: `${end / MINUTE}m`,
              exp_samples: firing.map((name) => ({
                labels: `ALERTS${labelsText({
                  alertname: 'KastenRecoveryPointTooOld',
                  alertstate: 'firing',
                  exported_namespace: `app-${name}`,
                  policy: name,
                  severity: 'critical',
                })}`,
                value: 1,
              })),
            },
          ],
        },
      ],
    };
    const testFile = path.join(dir, 'test.yml');
    fs.writeFileSync(testFile, yaml.dump(test, { lineWidth: -1 }));
    return { stdout: await execFileText('promtool', ['test', 'rules', testFile]), firing };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

/**
 * promtool evaluates a story on about one core and the 9-day story alone takes over a minute: the runs
 * are queued as the file is collected (that story first) and run one per core from beforeAll.
 */
const promtoolRuns = runQueue();
const queuedRun = (...args: Parameters<typeof runPromtool>) => promtoolRuns.queued(() => runPromtool(...args));

beforeAll(() => {
  ensurePrometheusInstalled();
  promtoolRuns.start();
});

describe.each(STORIES)('KastenRecoveryPointTooOld over $title', (story) => {
  const run = queuedRun(story);
  test('fires exactly on the rows the page calls stale or never, and on-demand and paused policies page no one', async () => {
    const { stdout, firing } = await run;
    expect(stdout).toContain('SUCCESS');
    // The scenarios are built so each story has both outcomes: the test would notice an alert that never fires.
    expect(firing.length).toBeGreaterThan(0);
    expect(firing.length).toBeLessThan(story.scenarios.length);
    expect(firing).not.toContain('on-demand');
    expect(firing).not.toContain('paused');
  });
});

/**
 * Before the hourly look-back group's first evaluation (up to an hour after the rules are loaded),
 * only the 1-minute groups run. promtool runs every group from the first sample, so leaving the
 * look-back group out is how that gap is played here. The records must then claim no history, so
 * an hourly policy whose last success predates the install is never paged for "none recorded".
 */
describe('KastenRecoveryPointTooOld before the look-back group first runs', () => {
  const story: Story = {
    title: 'the 1-minute groups alone',
    historySeconds: 6 * HOUR,
    totalSeconds: 6 * HOUR,
    scenarios: [
      { name: 'hourly-before-install', policy: policy('@hourly'), successesAgo: [] },
      { name: 'unlisted-before-install', successesAgo: [] },
    ],
  };

  const withEveryGroup = queuedRun(story, undefined, ['hourly-before-install']);
  const withoutLookback = queuedRun(story, 'kasten-recovery-point-lookback', []);

  test('with every group, the hourly policy without a success in 6 h of data fires (the story can fire)', async () => {
    const { stdout } = await withEveryGroup;
    expect(stdout).toContain('SUCCESS');
  });

  test('without the look-back group, nothing fires: no history is claimed that the look-back has not searched', async () => {
    const { stdout } = await withoutLookback;
    expect(stdout).toContain('SUCCESS');
  });
});
