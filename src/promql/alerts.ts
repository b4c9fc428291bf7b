/**
 * Alert rules for the chart's PrometheusRule, built only from the query
 * builders so alerts and panels can never disagree. Descriptions use
 * Prometheus alert templates (`{{ $labels.x }}`); a Helm template must emit
 * them literally.
 */
import { newFailedActions, withoutRecoveryPoint } from './actions';
import { DEFAULT_RECOVERY_POINT_MAX_AGE_SECONDS, type KastenQueryConfig } from './config';
import { checkDuration, secondsToDuration } from './escape';
import { catalogTargetDown } from './health';
import { catalogPvcUsageHigh, kastenMemoryHigh } from './resources';

export interface KastenAlertRule {
  alert: string;
  expr: string;
  for: string;
  severity: 'warning' | 'critical';
  summary: string;
  description: string;
}

export const kastenAlertRules = (
  cfg: KastenQueryConfig,
  newFailuresWindow = '10m',
  recoveryPointMaxAgeSeconds = DEFAULT_RECOVERY_POINT_MAX_AGE_SECONDS,
): KastenAlertRule[] => {
  const window = checkDuration(newFailuresWindow);
  const maxAge = secondsToDuration(recoveryPointMaxAgeSeconds);
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
      alert: 'KastenRecoveryPointTooOld',
      // "Time since the last successful backup > max age" is "no success within max age"; asking it that way keeps the subquery to max age.
      expr: withoutRecoveryPoint(cfg, maxAge, 'backup'),
      for: '10m',
      severity: 'critical',
      summary:
        'No successful Kasten backup of {{ $labels.exported_namespace }} by policy {{ $labels.policy }} in ' + maxAge,
      description: `Policy {{ $labels.policy }} has no successful backup of namespace {{ $labels.exported_namespace }} in the last ${maxAge}; the newest recovery point is older than that, or none exists.`,
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
