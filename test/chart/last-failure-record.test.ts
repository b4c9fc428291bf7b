/**
 * The chart's last-failure record as helm renders it, run by `promtool test rules`: Prometheus' own
 * rule engine evaluates every group minute by minute over 11 h of catalog data, so the record carries
 * its own previous value as it does live. A failure older than the hourly 6 h look-back must still be
 * recorded (the carry), a retirement must not move it, and a newer failure must replace it. The exact
 * times are what the page's `lastFailureTimestamp` gives; test/promql/last-failure-record.test.ts
 * checks that equality on a real Prometheus.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as yaml from 'js-yaml';
import { LAST_FAILURE_RECORD } from '../../src/promql';
import { ensurePrometheusInstalled } from '../../dev/prometheus/harness';
import { render } from './helm';

jest.setTimeout(300_000);

const NS = 'kasten-io';
const STEP = 300;
const HOUR = 3600;
const END = 11 * HOUR;

interface Story {
  policy: string;
  /** Failed records held by the catalog at t (seconds from 0). */
  failed: (t: number) => number;
  /** The recorded last failure at END; undefined: no record. */
  expected?: number;
}

const STORIES: Story[] = [
  // Failed 9 h before the end: beyond the 6 h look-back, only the carry knows it.
  { policy: 'failed-long-ago', failed: (t) => (t >= 2 * HOUR ? 2 : 1), expected: 2 * HOUR },
  // A retirement (3 -> 2) after the failure is not a failure and leaves the time alone.
  {
    policy: 'retired-after',
    failed: (t) => (t >= 10.5 * HOUR ? 2 : t >= 4 * HOUR ? 3 : 2),
    expected: 4 * HOUR,
  },
  // Two failures: the newer wins.
  {
    policy: 'failed-twice',
    failed: (t) => (t >= 10 * HOUR ? 3 : t >= 3 * HOUR ? 2 : 1),
    expected: 10 * HOUR,
  },
  // Failed records from before the data only: no failure seen, no record.
  { policy: 'never-failed', failed: () => 4, expected: undefined },
];

const labelsText = (labels: Record<string, string>): string =>
  `{${Object.entries(labels)
    .map(([k, v]) => `${k}="${v}"`)
    .join(',')}}`;

const values = (value: (t: number) => number): string => {
  const out: string[] = [];
  for (let t = 0; t <= END; t += STEP) out.push(String(value(t)));
  return out.join(' ');
};

beforeAll(() => ensurePrometheusInstalled());

test('promtool: the rendered record carries each last failure past the look-back, exact to the scrape', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-last-failure-'));
  try {
    const rule = render({
      kasten: { namespace: NS },
      monitoring: { scrapeInterval: '5m', prometheusRule: { enabled: true } },
    }).find((o) => o.kind === 'PrometheusRule' && o.metadata.labels?.['openshift.io/prometheus-rule-evaluation-scope']);
    if (!rule) throw new Error('no leaf-prometheus PrometheusRule rendered');
    const rulesFile = path.join(dir, 'rules.yml');
    fs.writeFileSync(rulesFile, yaml.dump(rule.spec));
    const labels = (s: Story) => ({
      namespace: NS,
      exported_namespace: `app-${s.policy}`,
      policy: s.policy,
      type: 'backup',
    });
    const test = {
      rule_files: [rulesFile],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '5m',
          input_series: STORIES.map((s) => ({
            series: `catalog_actions_count${labelsText({ ...labels(s), job: 'catalog-svc', status: 'failed', liveness: 'live' })}`,
            values: values(s.failed),
          })),
          promql_expr_test: [
            {
              expr: `${LAST_FAILURE_RECORD}{namespace="${NS}"}`,
              eval_time: `${END / 60}m`,
              exp_samples: STORIES.filter((s) => s.expected !== undefined).map((s) => ({
                labels: `${LAST_FAILURE_RECORD}${labelsText(labels(s))}`,
                value: s.expected,
              })),
            },
          ],
        },
      ],
    };
    const testFile = path.join(dir, 'test.yml');
    fs.writeFileSync(testFile, yaml.dump(test, { lineWidth: -1 }));
    let stdout: string;
    try {
      stdout = execFileSync('promtool', ['test', 'rules', testFile], { encoding: 'utf8' });
    } catch (e) {
      const err = e as { stdout?: string; stderr?: string };
      throw new Error(`promtool test rules failed:\n${err.stdout ?? ''}${err.stderr ?? ''}`);
    }
    expect(stdout).toContain('SUCCESS');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
