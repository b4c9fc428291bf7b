/**
 * Alert rules for the chart's PrometheusRule, built only from the query
 * builders so alerts and panels can never disagree. Descriptions use
 * Prometheus alert templates (`{{ $labels.x }}`); a Helm template must emit
 * them literally.
 */
import { newFailedActions } from './actions';
import { DEFAULT_RECOVERY_POINT_MAX_AGE_SECONDS, type KastenQueryConfig } from './config';
import { checkDuration } from './escape';
import { catalogTargetDown } from './health';
import {
  DEFAULT_RECORDING,
  EXPECTED_AGE_RECORD,
  expectedAgeRecordExpr,
  recoveryPointTooOld,
  recoveryRecordingGroups,
  type RecordingOptions,
} from './recovery';
import { catalogPvcUsageHigh, kastenMemoryHigh } from './resources';

export interface KastenAlertRule {
  alert: string;
  expr: string;
  for: string;
  severity: 'warning' | 'critical';
  summary: string;
  description: string;
}

/**
 * The alerts Thanos Ruler evaluates (the memory alert reads the platform's container metrics).
 * `KastenRecoveryPointTooOld` reads the recording rules and lives with them: `recoveryPointRules`.
 */
export const kastenAlertRules = (cfg: KastenQueryConfig, newFailuresWindow = '10m'): KastenAlertRule[] => {
  const window = checkDuration(newFailuresWindow);
  return [
    {
      alert: 'KastenNewFailedActions',
      // The rise count stays positive for exactly one window after the failure, so waiting (`for`) would only hide short windows.
      expr: `${newFailedActions(cfg, window)} > 0`,
      for: '0m',
      severity: 'warning',
      summary: 'New failed Kasten {{ $labels.type }} action of policy {{ $labels.policy }}',
      description: `{{ $value }} {{ $labels.type }} action(s) of policy {{ $labels.policy }} for namespace {{ $labels.exported_namespace }} failed or were cancelled in the last ${window}.`,
    },
    {
      alert: 'KastenCatalogPvcUsageHigh',
      expr: catalogPvcUsageHigh(cfg),
      for: '15m',
      severity: 'warning',
      summary: 'Kasten catalog PVC is more than ' + String(cfg.catalogPvcUsedPercentThreshold) + '% used',
      description: `The catalog PVC in ${cfg.kastenNamespace} is {{ $value | printf "%.0f" }}% used; Kasten upgrades need at least half of it free.`,
    },
    {
      alert: 'KastenMemoryHigh',
      expr: kastenMemoryHigh(cfg),
      for: '15m',
      severity: 'warning',
      summary: `Kasten in ${cfg.kastenNamespace} uses more memory than expected`,
      description: `Pods in ${cfg.kastenNamespace} use {{ $value | humanize1024 }}B of memory (working set), above the threshold of ${String(cfg.memoryThresholdBytes)} bytes.`,
    },
    {
      alert: 'KastenCatalogTargetDown',
      expr: catalogTargetDown(cfg),
      for: '10m',
      severity: 'critical',
      summary: 'Kasten catalog metrics are not being scraped',
      description: `The catalog target in ${cfg.kastenNamespace} is down or not scraped at all, so Kasten failure alerts cannot fire. Check the ServiceMonitor and the NetworkPolicy admitting openshift-user-workload-monitoring.`,
    },
  ];
};

/** Labels of the PrometheusRule holding the recovery-point rules: evaluated inside the user-workload Prometheus. */
export const LEAF_PROMETHEUS_LABELS = { 'openshift.io/prometheus-rule-evaluation-scope': 'leaf-prometheus' } as const;

export type KastenRecordingRuleSpec = { record: string; expr: string };

/** A rule as a PrometheusRule (and a Prometheus rule file) holds it: the alert's severity and texts nest. */
export type PrometheusRuleEntry =
  | KastenRecordingRuleSpec
  | {
      alert: string;
      expr: string;
      for: string;
      labels: { severity: string };
      annotations: { summary: string; description: string };
    };

/** One mapping for the Setup fix's PrometheusRule and the preview's rule file, so they cannot drift apart. */
export const asPrometheusRuleEntry = (r: KastenAlertRule | KastenRecordingRuleSpec): PrometheusRuleEntry =>
  'alert' in r
    ? {
        alert: r.alert,
        expr: r.expr,
        for: r.for,
        labels: { severity: r.severity },
        annotations: { summary: r.summary, description: r.description },
      }
    : { record: r.record, expr: r.expr };

export interface RecoveryRuleGroup {
  name: string;
  interval: string;
  rules: Array<KastenRecordingRuleSpec | KastenAlertRule>;
}

/**
 * The recovery-point PrometheusRule's groups: the last-success records, each policy's allowed age
 * (`allowedAges`: policy name -> seconds, 0 = no schedule, never alert) and the alert on them.
 */
export const recoveryPointRules = (
  cfg: KastenQueryConfig,
  defaultMaxAgeSeconds = DEFAULT_RECOVERY_POINT_MAX_AGE_SECONDS,
  allowedAges: Record<string, number> = {},
  opts: RecordingOptions = DEFAULT_RECORDING,
): RecoveryRuleGroup[] => [
  ...recoveryRecordingGroups(cfg, opts),
  {
    name: 'kasten-recovery-point-alerts',
    interval: checkDuration(opts.interval),
    rules: [
      ...Object.entries(allowedAges)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([policy, seconds]) => ({
          record: EXPECTED_AGE_RECORD,
          expr: expectedAgeRecordExpr(cfg, policy, seconds),
        })),
      recoveryPointAlert(cfg, defaultMaxAgeSeconds),
    ],
  },
];

export const recoveryPointAlert = (cfg: KastenQueryConfig, defaultMaxAgeSeconds: number): KastenAlertRule => ({
  alert: 'KastenRecoveryPointTooOld',
  expr: recoveryPointTooOld(cfg, defaultMaxAgeSeconds),
  for: '10m',
  severity: 'critical',
  summary: 'Kasten backups of {{ $labels.exported_namespace }} by policy {{ $labels.policy }} are older than allowed',
  description:
    'Policy {{ $labels.policy }} has no successful backup of namespace {{ $labels.exported_namespace }} within the age its schedule allows (the last one is {{ $value | humanizeDuration }} old, or none was recorded while monitored). On-demand and paused policies never fire.',
});
