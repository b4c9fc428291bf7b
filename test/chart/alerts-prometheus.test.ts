/**
 * The alert expressions exactly as the chart renders them, evaluated by a real Prometheus over
 * backfilled fixtures: each fires on its failing scenario and stays silent on the healthy one.
 * Scenarios live in separate Kasten namespaces of one timeline, and the chart is rendered once per
 * namespace, which also proves the namespace value reaches every expression. (`for:` durations
 * are the rule engine's business; here the expression is evaluated at the end of the timeline.)
 */
import {
  alignToBlock,
  pointsEvery,
  startPrometheus,
  steps,
  type Labels,
  type MetricFixture,
  type PrometheusServer,
  type SeriesFixture,
} from '../../dev/prometheus/harness';
import { findKey, only, render } from './helm';

jest.setTimeout(120_000);

const GIB = 1024 ** 3;
const SCRAPE = 30;
const T0 = alignToBlock(1704067200);
const END = T0 + 3 * 3600;
const MAX_AGE = 7200;

const FAILING = 'kasten-failing';
const HEALTHY = 'kasten-healthy';
/** Kasten installed but never scraped: only the target-down alert may speak. */
const UNSCRAPED = 'kasten-unscraped';

const everyScrape = (labels: Labels, value: (t: number) => number): SeriesFixture => ({
  labels,
  points: pointsEvery(T0, END, SCRAPE, value),
});
const catalog = (ns: string, extra: Labels): Labels => ({
  namespace: ns,
  job: 'catalog-svc',
  service: 'catalog-svc',
  pod: 'catalog-svc-1',
  ...extra,
});
const action = (ns: string, status: string): Labels =>
  catalog(ns, { policy: 'daily-backup', type: 'backup', exported_namespace: 'shop', status, liveness: 'live' });

const fixtures = (): MetricFixture[] => [
  {
    name: 'catalog_actions_count',
    type: 'gauge',
    series: [
      // Failing: the last successful backup is older than the max age; a backup failed 5 minutes ago.
      everyScrape(action(FAILING, 'complete'), () => 5),
      everyScrape(action(FAILING, 'failed'), steps(1, [[END - 300, 2]])),
      // Healthy: a backup succeeded an hour ago; the only failure is an hour old, outside the 10m window.
      everyScrape(action(HEALTHY, 'complete'), steps(5, [[END - 3600, 6]])),
      everyScrape(action(HEALTHY, 'failed'), steps(1, [[END - 3600, 2]])),
      // A retirement of old failures (a fall) is not a new failure.
      everyScrape(
        catalog(HEALTHY, {
          policy: 'weekly',
          type: 'export',
          exported_namespace: 'crm',
          status: 'failed',
          liveness: 'live',
        }),
        steps(4, [[END - 120, 1]]),
      ),
    ],
  },
  {
    name: 'catalog_persistent_volume_free_space_percent',
    type: 'gauge',
    series: [everyScrape(catalog(FAILING, {}), () => 30), everyScrape(catalog(HEALTHY, {}), () => 80)],
  },
  {
    name: 'container_memory_working_set_bytes',
    type: 'gauge',
    series: [
      everyScrape({ namespace: FAILING, container: '', pod: 'catalog-svc-1' }, () => 2.5 * GIB),
      everyScrape({ namespace: FAILING, container: '', pod: 'executor-svc-1' }, () => 1 * GIB),
      // Pod-level 2 GiB plus the container's own series: counting both would read 4 GiB and fire.
      everyScrape({ namespace: HEALTHY, container: '', pod: 'catalog-svc-1' }, () => 2 * GIB),
      everyScrape({ namespace: HEALTHY, container: 'catalog-svc', pod: 'catalog-svc-1' }, () => 2 * GIB),
    ],
  },
  {
    name: 'up',
    type: 'gauge',
    series: [everyScrape(catalog(FAILING, {}), () => 0), everyScrape(catalog(HEALTHY, {}), () => 1)],
  },
];

interface RenderedRule {
  alert: string;
  expr: string;
}

const rulesFor = (namespace: string): RenderedRule[] => {
  const rule = only(
    render({
      kasten: { namespace },
      thresholds: { recoveryPointMaxAgeSeconds: MAX_AGE },
      monitoring: { prometheusRule: { enabled: true } },
    }),
    'PrometheusRule',
  );
  const rules = (rule.spec as { groups: Array<{ rules: RenderedRule[] }> }).groups.flatMap((g) => g.rules);
  for (const expr of findKey(rules, 'expr')) expect(expr).toContain(`namespace="${namespace}"`);
  return rules;
};

const ALERTS = [
  'KastenNewFailedActions',
  'KastenRecoveryPointTooOld',
  'KastenCatalogPvcUsageHigh',
  'KastenMemoryHigh',
  'KastenCatalogTargetDown',
];

/** What each alert must return on the failing scenario: labels that matter, and the value. */
const FIRING: Record<string, { labels: Labels; value?: number }> = {
  KastenNewFailedActions: { labels: { policy: 'daily-backup', type: 'backup', exported_namespace: 'shop' }, value: 1 },
  KastenRecoveryPointTooOld: { labels: { policy: 'daily-backup', exported_namespace: 'shop' } },
  KastenCatalogPvcUsageHigh: { labels: {}, value: 70 },
  KastenMemoryHigh: { labels: { namespace: FAILING }, value: 3.5 * GIB },
  KastenCatalogTargetDown: { labels: { job: 'catalog-svc' }, value: 0 },
};

let prom: PrometheusServer;
const rules: Record<string, RenderedRule[]> = {};

beforeAll(async () => {
  for (const ns of [FAILING, HEALTHY, UNSCRAPED]) rules[ns] = rulesFor(ns);
  prom = await startPrometheus({ fixtures: fixtures() });
});

afterAll(async () => {
  await prom?.stop();
});

test('the chart renders the five alerts', () => {
  expect(rules[FAILING]!.map((r) => r.alert)).toEqual(ALERTS);
});

describe.each(ALERTS)('%s', (alert) => {
  const expr = (ns: string): string => rules[ns]!.find((r) => r.alert === alert)!.expr;

  test('fires on the failing scenario, once, with the labels that say where', async () => {
    const result = await prom.query(expr(FAILING), END);
    expect(result).toHaveLength(1);
    const { labels, value } = FIRING[alert]!;
    expect(result[0]!.metric).toMatchObject(labels);
    if (value !== undefined) expect(Number(result[0]!.value[1])).toBeCloseTo(value, 6);
  });

  test('is silent on the healthy scenario', async () => {
    expect(await prom.query(expr(HEALTHY), END)).toEqual([]);
  });

  test(
    alert === 'KastenCatalogTargetDown'
      ? 'fires when Kasten is not scraped at all'
      : 'is silent when Kasten is not scraped at all',
    async () => {
      const result = await prom.query(expr(UNSCRAPED), END);
      expect(result).toHaveLength(alert === 'KastenCatalogTargetDown' ? 1 : 0);
    },
  );
});
