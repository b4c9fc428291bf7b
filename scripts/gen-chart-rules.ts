/**
 * Writes charts/kasten-console-plugin/files/kasten-queries.json: the alert rules and the dashboard
 * queries, built by src/promql (the project's one PromQL module) with placeholders where Helm
 * values go. The chart substitutes the placeholders, so alerts installed by Helm are the queries
 * the page runs. Run after changing src/promql: `npx ts-node scripts/gen-chart-rules.ts`
 * (`--check` fails when the committed file is stale; test/chart does the same).
 *
 * Placeholders are produced by calling the builders with sentinel values, because the builders
 * validate and format their inputs (durations, numbers) and would reject placeholder text. Every
 * form a value is printed in needs a placeholder here and the same formatting in the chart's
 * `kcp.fillQuery`; test/chart checks the rendered rules against the builders for several values.
 */
import * as fs from 'fs';
import * as path from 'path';
import { actionCountsByStatus, newFailedActions } from '../src/promql/actions';
import { kastenAlertRules, recoveryPointRules, type KastenAlertRule, type RecoveryRuleGroup } from '../src/promql/alerts';
import { EXPECTED_AGE_RECORD, expectedAgeRecordExpr } from '../src/promql/recovery';
import { type KastenQueryConfig } from '../src/promql/config';
import { kastenTargetsUp } from '../src/promql/health';
import { kastenCpuCores, kastenMemoryBytes, pvcUsedPercent } from '../src/promql/resources';

export const CHART_QUERIES_FILE = path.resolve(__dirname, '../charts/kasten-console-plugin/files/kasten-queries.json');

/**
 * One Helm value as the builders receive it (a sentinel) and every form in which they may print
 * it, each with the placeholder the chart's `kcp.fillQuery` replaces. Derived forms come first so
 * a longer form is swapped before a shorter one it contains.
 */
interface Sentinel {
  key: string;
  forms: Array<{ placeholder: string; text: string }>;
}

interface SentinelValues {
  namespace: string;
  /** Below the recovery look-back's 5 minute step, as any real scrape interval. */
  scrapeSeconds: number;
  windowSeconds: number;
  maxAgeSeconds: number;
  memoryBytes: number;
  catalogPercent: number;
  cpuCores: number;
  policy: string;
  allowedAge: number;
}

/** Subquery ranges are printed in milliseconds minus one (src/promql/actions.ts windowRange). */
const rangeMs = (seconds: number): string => `${seconds * 1000 - 1}ms`;

const sentinelsFor = (v: SentinelValues): Sentinel[] => [
  { key: 'kastenNamespace', forms: [{ placeholder: '__KASTEN_NAMESPACE__', text: v.namespace }] },
  {
    key: 'scrapeResolution',
    forms: [
      { placeholder: '__SCRAPE_RESOLUTION__', text: `${v.scrapeSeconds}s` },
      // The recovery look-back's step shift prints the interval as a number of seconds.
      { placeholder: '__SCRAPE_SECONDS__', text: String(v.scrapeSeconds) },
    ],
  },
  {
    key: 'newFailuresWindow',
    forms: [
      { placeholder: '__NEW_FAILURES_WINDOW_RANGE__', text: rangeMs(v.windowSeconds) },
      { placeholder: '__NEW_FAILURES_WINDOW__', text: `${v.windowSeconds}s` },
    ],
  },
  {
    key: 'recoveryPointMaxAgeSeconds',
    forms: [
      { placeholder: '__RECOVERY_POINT_MAX_AGE_SECONDS__', text: String(v.maxAgeSeconds) },
    ],
  },
  // Filled per entry of monitoring.prometheusRule.recoveryPoint.policies by the template, not by kcp.fillQuery.
  { key: 'policyName', forms: [{ placeholder: '__POLICY__', text: v.policy }] },
  { key: 'policyAllowedAgeSeconds', forms: [{ placeholder: '__ALLOWED_AGE_SECONDS__', text: String(v.allowedAge) }] },
  { key: 'memoryThresholdBytes', forms: [{ placeholder: '__MEMORY_THRESHOLD_BYTES__', text: String(v.memoryBytes) }] },
  {
    key: 'catalogPvcUsedPercentThreshold',
    forms: [{ placeholder: '__CATALOG_PVC_USED_PERCENT_THRESHOLD__', text: String(v.catalogPercent) }],
  },
  { key: 'cpuThresholdCores', forms: [{ placeholder: '__CPU_THRESHOLD_CORES__', text: String(v.cpuCores) }] },
];

/** Two unrelated sets: whatever a builder does to a value, it cannot print both sets' text the same way. */
const SETS: [SentinelValues, SentinelValues] = [
  {
    namespace: 'kcp-sentinel-a',
    scrapeSeconds: 247,
    windowSeconds: 13579,
    maxAgeSeconds: 8642087,
    memoryBytes: 987654321012,
    catalogPercent: 42.4213,
    cpuCores: 31.4159,
    policy: 'kcp-sentinel-policy-a',
    allowedAge: 97531246,
  },
  {
    namespace: 'kcp-sentinel-b',
    scrapeSeconds: 263,
    windowSeconds: 24683,
    maxAgeSeconds: 7531093,
    memoryBytes: 876543210987,
    catalogPercent: 37.7311,
    cpuCores: 27.1828,
    policy: 'kcp-sentinel-policy-b',
    allowedAge: 86420357,
  },
];

export interface DashboardQuery {
  title: string;
  /** Grafana unit id for the panel's axis. */
  unit: string;
  type: 'graph' | 'singlestat';
  expr: string;
  legend: string;
}

export interface ChartQueries {
  generatedBy: string;
  placeholders: Record<string, string>;
  /** Evaluated by Thanos Ruler (the memory alert needs platform metrics). */
  alerts: KastenAlertRule[];
  /**
   * The leaf-prometheus PrometheusRule: last-success records and the recovery-point alert.
   * `expectedAge` is inserted once per policy of monitoring.prometheusRule.recoveryPoint.policies
   * at the start of the group named `expectedAgeGroup`.
   */
  recovery: { groups: RecoveryRuleGroup[]; expectedAgeGroup: string; expectedAge: { record: string; expr: string } };
  dashboard: DashboardQuery[];
}

const dashboardQueries = (cfg: KastenQueryConfig, window: string): DashboardQuery[] => [
  {
    title: 'Actions held by the catalog, by status',
    unit: 'short',
    type: 'graph',
    expr: actionCountsByStatus(cfg),
    legend: '{{status}}',
  },
  {
    title: 'New failed actions (window of the alert)',
    unit: 'short',
    type: 'graph',
    expr: newFailedActions(cfg, window),
    legend: '{{policy}} {{type}} {{exported_namespace}}',
  },
  {
    title: 'Kasten memory (working set)',
    unit: 'bytes',
    type: 'graph',
    expr: kastenMemoryBytes(cfg),
    legend: 'memory',
  },
  { title: 'Kasten CPU', unit: 'short', type: 'graph', expr: kastenCpuCores(cfg), legend: 'cores' },
  {
    title: 'Catalog PVC used',
    unit: 'percent',
    type: 'singlestat',
    expr: pvcUsedPercent(cfg, 'catalog'),
    legend: 'used',
  },
  { title: 'Kasten scrape targets up', unit: 'short', type: 'graph', expr: kastenTargetsUp(cfg), legend: '{{job}}' },
];

/**
 * Swaps every sentinel form for its placeholder, refusing sentinels that could be mistaken for one
 * another: a form may contain only forms swapped after it (`24681s` before `24681`).
 */
const toPlaceholders = (text: string, sentinels: Sentinel[]): string => {
  const forms = sentinels.flatMap((s) => s.forms);
  forms.forEach((f, i) => {
    forms.forEach((other, j) => {
      if (j > i && other.text.includes(f.text)) throw new Error(`sentinel ${f.text} is part of ${other.text}`);
    });
  });
  return forms.reduce((out, f) => out.split(f.text).join(f.placeholder), text);
};

const renderWith = (v: SentinelValues): string => {
  const cfg: KastenQueryConfig = {
    kastenNamespace: v.namespace,
    scrapeResolution: `${v.scrapeSeconds}s`,
    memoryThresholdBytes: v.memoryBytes,
    catalogPvcUsedPercentThreshold: v.catalogPercent,
    cpuThresholdCores: v.cpuCores,
  };
  const window = `${v.windowSeconds}s`;
  const groups = recoveryPointRules(cfg, v.maxAgeSeconds);
  const out = {
    alerts: kastenAlertRules(cfg, window),
    recovery: {
      groups,
      expectedAgeGroup: groups[groups.length - 1]?.name ?? '',
      expectedAge: { record: EXPECTED_AGE_RECORD, expr: expectedAgeRecordExpr(cfg, v.policy, v.allowedAge) },
    },
    dashboard: dashboardQueries(cfg, window),
  };
  return toPlaceholders(JSON.stringify(out), sentinelsFor(v));
};

export const renderChartQueries = (): ChartQueries => {
  const a = renderWith(SETS[0]);
  const b = renderWith(SETS[1]);
  // A builder that prints a value in a new form (e.g. bytes as GiB) leaves sentinel text behind,
  // which then differs between the two sets: the chart would silently ignore that Helm value.
  if (a !== b) {
    const at = [...a].findIndex((ch, i) => ch !== b[i]);
    throw new Error(
      `src/promql prints a value in a form the chart does not substitute, near: ${a.slice(Math.max(0, at - 80), at + 40)}`,
    );
  }
  const withPlaceholders = JSON.parse(a) as Pick<ChartQueries, 'alerts' | 'recovery' | 'dashboard'>;
  for (const s of sentinelsFor(SETS[0])) {
    if (s.key !== 'cpuThresholdCores' && !s.forms.some((f) => a.includes(f.placeholder))) {
      throw new Error(`the alert rules no longer contain ${s.key}; update the chart's substitution`);
    }
  }
  return {
    generatedBy: 'scripts/gen-chart-rules.ts from src/promql; do not edit',
    placeholders: Object.fromEntries(sentinelsFor(SETS[0]).flatMap((s) => s.forms.map((f) => [f.placeholder, s.key]))),
    ...withPlaceholders,
  };
};

export const chartQueriesText = (): string => `${JSON.stringify(renderChartQueries(), null, 2)}\n`;

if (require.main === module) {
  const text = chartQueriesText();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(CHART_QUERIES_FILE) ? fs.readFileSync(CHART_QUERIES_FILE, 'utf8') : '';
    if (current !== text) {
      console.error(
        `${path.relative(process.cwd(), CHART_QUERIES_FILE)} is stale: run npx ts-node scripts/gen-chart-rules.ts`,
      );
      process.exit(1);
    }
  } else {
    fs.writeFileSync(CHART_QUERIES_FILE, text);
    console.log(`wrote ${path.relative(process.cwd(), CHART_QUERIES_FILE)}`);
  }
}
