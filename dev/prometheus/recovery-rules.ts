/**
 * The recovery-point rules the chart installs (its `<release>-recovery-points` PrometheusRule), as a
 * Prometheus rule file for the preview's real Prometheus. Built by the same call the chart's
 * files/kasten-queries.json is generated from (`recoveryPointRules`, see scripts/gen-chart-rules.ts),
 * with the values the chart would be given; test/chart/preview-rules.test.ts renders the chart with
 * `chartValues(...)` and checks the groups are identical, so the preview cannot drift from the chart.
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  asPrometheusRuleEntry,
  LEAF_PROMETHEUS_LABELS,
  recoveryPointRules,
  type PrometheusRuleEntry,
} from '../../src/promql/alerts';
import { DEFAULT_QUERY_CONFIG, type KastenQueryConfig } from '../../src/promql/config';
import { escapeLabelValue } from '../../src/promql/escape';
import {
  HISTORY_START_RECORD,
  LAST_FAILURE_LOOKBACK_RECORD,
  LAST_SUCCESS_LOOKBACK_RECORD,
  LOOKBACK_HISTORY_START_RECORD,
} from '../../src/promql/recovery';

/** The chart values the recovery rules depend on (kasten.namespace, monitoring.scrapeInterval, thresholds). */
export interface RecoveryRuleValues {
  kastenNamespace: string;
  /** A PromQL duration, as `monitoring.scrapeInterval` and the page's `scrapeResolution`. */
  scrapeInterval: string;
  recoveryPointMaxAgeSeconds: number;
}

export type RuleFileRule = PrometheusRuleEntry;

export interface RuleFileGroup {
  name: string;
  interval: string;
  rules: RuleFileRule[];
}

/** The groups of the chart's recovery-point PrometheusRule for these values (no per-policy overrides). */
export const chartRecoveryRuleGroups = (v: RecoveryRuleValues): RuleFileGroup[] => {
  const cfg: KastenQueryConfig = {
    ...DEFAULT_QUERY_CONFIG,
    kastenNamespace: v.kastenNamespace,
    scrapeResolution: v.scrapeInterval,
  };
  return recoveryPointRules(cfg, v.recoveryPointMaxAgeSeconds).map((g) => ({
    name: g.name,
    interval: g.interval,
    rules: g.rules.map(asPrometheusRuleEntry),
  }));
};

/**
 * The chart's `<release>-recovery-points` PrometheusRule object for these values, as the stand-in's API
 * serves it when the preview's Prometheus evaluates the rules: Setup then reads the same rules the
 * Overview's records come from, instead of reporting them missing.
 */
export const chartRecoveryRuleObject = (v: RecoveryRuleValues, release = 'kasten-console-plugin') => ({
  apiVersion: 'monitoring.coreos.com/v1',
  kind: 'PrometheusRule',
  metadata: {
    name: `${release}-recovery-points`,
    namespace: v.kastenNamespace,
    labels: { ...LEAF_PROMETHEUS_LABELS },
  },
  spec: { groups: chartRecoveryRuleGroups(v) },
});

/** The Helm values that make the chart render those same rules. */
export const chartValues = (v: RecoveryRuleValues): Record<string, unknown> => ({
  kasten: { namespace: v.kastenNamespace },
  monitoring: { scrapeInterval: v.scrapeInterval, prometheusRule: { enabled: true } },
  thresholds: { recoveryPointMaxAgeSeconds: v.recoveryPointMaxAgeSeconds },
});

/** The group that reads nothing of its own: the only one promtool can evaluate over backfilled history. */
export const LOOKBACK_GROUP_RECORDS: readonly string[] = [
  LAST_SUCCESS_LOOKBACK_RECORD,
  LAST_FAILURE_LOOKBACK_RECORD,
  LOOKBACK_HISTORY_START_RECORD,
];

/**
 * Writes the rule file (JSON is YAML), and the look-back group alone for promtool with `oneOffInterval`
 * as its interval: evaluated once at the end of the backfilled history, so the carrying record finds
 * the backfilled successes as soon as it runs. (At its own hourly slot, that evaluation could be up to
 * an hour before the end, and successes in between would wait for the next live slot.) The expression
 * is the chart's; only the schedule of that one backfill evaluation differs.
 */
export const writeRecoveryRuleFiles = (
  dir: string,
  v: RecoveryRuleValues,
  oneOffInterval: string,
): { all: string; lookbackOnly: string } => {
  const groups = chartRecoveryRuleGroups(v);
  const lookback = groups.filter((g) =>
    g.rules.every((r) => 'record' in r && LOOKBACK_GROUP_RECORDS.includes(r.record)),
  );
  if (lookback.length !== 1)
    throw new Error(`expected one look-back group in the chart's rules, found ${lookback.length}`);
  const all = path.join(dir, 'kasten-recovery-points.rules.yml');
  const lookbackOnly = path.join(dir, 'kasten-recovery-points-lookback.rules.yml');
  fs.writeFileSync(all, JSON.stringify({ groups }, null, 1));
  fs.writeFileSync(
    lookbackOnly,
    JSON.stringify({ groups: lookback.map((g) => ({ ...g, interval: oneOffInterval })) }, null, 1),
  );
  return { all, lookbackOnly };
};

/**
 * Resolves once the history record exists, the row by which the page knows the rules are installed
 * (the first evaluation of a 1-minute group comes up to a minute after Prometheus starts), polling
 * the data itself.
 */
export const waitForRecoveryRecords = async (
  prometheusUrl: string,
  kastenNamespace: string,
  timeoutMs = 180_000,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  const query = `${HISTORY_START_RECORD}{namespace="${escapeLabelValue(kastenNamespace)}"}`;
  let last = '(no answer yet)';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${prometheusUrl}/api/v1/query?${new URLSearchParams({ query }).toString()}`);
      const body = (await res.json()) as { data?: { result?: unknown[] } };
      if ((body.data?.result?.length ?? 0) > 0) return;
      last = JSON.stringify(body).slice(0, 200);
    } catch (e) {
      last = String(e);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the recovery-point records did not appear in ${timeoutMs / 1000} s; last answer: ${last}`);
};
