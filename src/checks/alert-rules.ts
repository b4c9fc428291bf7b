/**
 * Alert rules installed: a PrometheusRule with alerting rules in the Kasten
 * namespace, where user-workload monitoring evaluates it (one labelled
 * `openshift.io/user-monitoring=false` is ignored).
 */
import type { KastenPluginConfig } from '../models/plugin-config';
import { permissionNeeded, readOutcome } from './k8s-access';
import { USER_MONITORING_LABEL } from './kasten-namespace';
import { prometheusRuleFix } from './remediation';
import type { CheckFix, CheckResult, PrometheusRuleObject, Translate, Watched } from './types';

export interface AlertRuleInputs {
  config: KastenPluginConfig;
  prometheusRules: Watched<PrometheusRuleObject[]>;
}

const alertCount = (rule: PrometheusRuleObject): number =>
  (rule.spec?.groups ?? []).reduce((n, g) => n + (g.rules ?? []).filter((r) => r.alert).length, 0);

export const checkAlertRules = (inputs: AlertRuleInputs, t: Translate): CheckResult | undefined => {
  const ns = inputs.config.kastenNamespace;
  const base = {
    id: 'alert-rules',
    title: t('Alert rules installed'),
    lookedAt: t('PrometheusRules in {{namespace}} and the alerting rules they hold.', { namespace: ns }),
  };
  const remedy = prometheusRuleFix(inputs.config);
  const fix: CheckFix = {
    description: t(
      "Create the plugin's PrometheusRule (new failed actions, recovery point too old, catalog PVC usage, memory, catalog target down); alerts then show in Observe > Alerting with Source: User.",
    ),
    yaml: remedy.yaml,
    resource: remedy.resource,
  };
  const read = readOutcome(inputs.prometheusRules);
  if (read.state === 'loading') return undefined;
  if (read.state === 'forbidden' || read.state === 'error') {
    return {
      ...base,
      status: 'unknown',
      detail:
        read.state === 'forbidden'
          ? permissionNeeded(t, 'list', 'prometheusrules.monitoring.coreos.com', ns)
          : t('Cannot tell: reading PrometheusRules failed: {{message}}', { message: read.message }),
      fix,
    };
  }
  const rules = read.state === 'ok' ? read.data : [];
  const evaluated = rules.filter((r) => r.metadata?.labels?.[USER_MONITORING_LABEL] !== 'false');
  const alerting = evaluated.filter((r) => alertCount(r) > 0);
  if (alerting.length) {
    return {
      ...base,
      status: 'pass',
      detail: t('{{n}} alerting rules in {{names}}.', {
        n: alerting.reduce((n, r) => n + alertCount(r), 0),
        names: alerting.map((r) => r.metadata?.name ?? '').join(', '),
      }),
    };
  }
  if (rules.length) {
    const names = rules.map((r) => r.metadata?.name ?? '').join(', ');
    return {
      ...base,
      status: 'warning',
      detail:
        evaluated.length === rules.length
          ? t('PrometheusRule {{names}} holds no alerting rules (recording rules only), so nothing alerts on Kasten.', {
              names,
            })
          : t(
              'PrometheusRule {{names}} is not evaluated or holds no alerting rules (a rule labelled {{label}}=false is ignored).',
              {
                names,
                label: USER_MONITORING_LABEL,
              },
            ),
      fix,
    };
  }
  return {
    ...base,
    status: 'fail',
    detail: t('No PrometheusRule in {{namespace}}: a failed backup raises no alert.', { namespace: ns }),
    fix,
  };
};
