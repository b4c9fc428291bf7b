/**
 * Alert rules installed: a PrometheusRule with alerting rules in the Kasten
 * namespace, where user-workload monitoring evaluates it (one labelled
 * `openshift.io/user-monitoring=false` is ignored).
 */
import type { KastenPluginConfig } from '../models/plugin-config';
import { permissionNeeded, readOutcome } from './k8s-access';
import { USER_MONITORING_LABEL } from './kasten-namespace';
import { EXPECTED_AGE_RECORD, LAST_FAILURE_RECORD, LAST_SUCCESS_RECORD, carryGapSeconds } from '../promql';
import { alertAllowedAgeSeconds, type KastenPolicy } from '../models/policy';
import { prometheusRuleFix, recoveryRuleFix } from './remediation';
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
  let remedy: ReturnType<typeof prometheusRuleFix>;
  try {
    remedy = prometheusRuleFix(inputs.config);
  } catch (e) {
    // The parser refuses every value the rule builders reject; should one slip through, the check says so
    // instead of throwing during render (which replaced the whole page with the error boundary).
    return {
      ...base,
      status: 'unknown',
      detail: t('Cannot build the alert rules from the plugin configuration: {{message}}', {
        message: e instanceof Error ? e.message : String(e),
      }),
    };
  }
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

export interface RecoveryRuleInputs extends AlertRuleInputs {
  /** Kasten's Policy objects: their schedules give each policy's allowed age. */
  policies: Watched<KastenPolicy[]>;
}

const LEAF_LABEL = 'openshift.io/prometheus-rule-evaluation-scope';

const allowedAgesOf = (policies: KastenPolicy[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const p of policies) {
    const name = p.metadata?.name;
    const age = alertAllowedAgeSeconds(p);
    if (name && age !== undefined) out[name] = age;
  }
  return out;
};

/** The allowed ages a PrometheusRule records, read back from its expressions (written by `expectedAgeRecordExpr`). */
const recordedAges = (rule: PrometheusRuleObject): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const r of (rule.spec?.groups ?? []).flatMap((g) => g.rules ?? [])) {
    if (r.record !== EXPECTED_AGE_RECORD) continue;
    const m = /^label_replace\(label_replace\(vector\((\d+)\), "policy", "([^"]*)"/.exec(r.expr ?? '');
    if (m?.[1] && m[2]) out[m[2]] = Number(m[1]);
  }
  return out;
};

const hasRecord = (rule: PrometheusRuleObject, record: string): boolean =>
  (rule.spec?.groups ?? []).some((g) => (g.rules ?? []).some((r) => r.record === record));

/**
 * The recovery-point recording rules: present, evaluated by the user-workload Prometheus itself
 * (leaf-prometheus), and holding the allowed age of every Policy whose schedule the page reads.
 */
export const checkRecoveryRules = (inputs: RecoveryRuleInputs, t: Translate): CheckResult | undefined => {
  const ns = inputs.config.kastenNamespace;
  const base = {
    id: 'recovery-rules',
    title: t('Recovery-point recording rules installed'),
    lookedAt: t(
      'PrometheusRules in {{namespace}} recording {{record}}, their label {{label}}, and the Policy schedules.',
      { namespace: ns, record: LAST_SUCCESS_RECORD, label: LEAF_LABEL },
    ),
  };
  const rulesRead = readOutcome(inputs.prometheusRules);
  const policiesRead = readOutcome(inputs.policies);
  if (rulesRead.state === 'loading' || policiesRead.state === 'loading') return undefined;
  const policies = policiesRead.state === 'ok' ? policiesRead.data : [];
  const wanted = allowedAgesOf(policies);
  const remedy = recoveryRuleFix(inputs.config, wanted);
  const fix: CheckFix = {
    description: t(
      "Create the plugin's recovery-point PrometheusRule: it records each policy's last successful backup and export, kept across retention and across Prometheus restarts shorter than {{gap}}, and alerts when a backup is older than the policy's schedule allows (on-demand and paused policies never alert). It also records each action's last failure. The Overview then reads both with one query.",
      { gap: `${Math.round(carryGapSeconds() / 3600)} h` },
    ),
    yaml: remedy.yaml,
    resource: remedy.resource,
  };
  if (rulesRead.state === 'forbidden' || rulesRead.state === 'error') {
    return {
      ...base,
      status: 'unknown',
      detail:
        rulesRead.state === 'forbidden'
          ? permissionNeeded(t, 'list', 'prometheusrules.monitoring.coreos.com', ns)
          : t('Cannot tell: reading PrometheusRules failed: {{message}}', { message: rulesRead.message }),
      fix,
    };
  }
  const rules = rulesRead.state === 'ok' ? rulesRead.data : [];
  const recording = rules.filter((r) => hasRecord(r, LAST_SUCCESS_RECORD));
  if (recording.length === 0) {
    return {
      ...base,
      status: 'fail',
      detail: t(
        'No PrometheusRule records the last success: the Overview can only look back over the metrics Prometheus still holds, and a weekly policy may show no backup.',
      ),
      fix,
    };
  }
  const names = recording.map((r) => r.metadata?.name ?? '').join(', ');
  const notLeaf = recording.filter((r) => r.metadata?.labels?.[LEAF_LABEL] !== 'leaf-prometheus');
  if (notLeaf.length) {
    return {
      ...base,
      status: 'warning',
      detail: t(
        'PrometheusRule {{names}} lacks the label {{label}}=leaf-prometheus, so Thanos Ruler evaluates it and a partial answer can break the recorded chain.',
        { names: notLeaf.map((r) => r.metadata?.name ?? '').join(', '), label: LEAF_LABEL },
      ),
      fix,
    };
  }
  // Rules installed before the last-failure record: the page still answers, with its slowest query.
  if (!recording.some((r) => hasRecord(r, LAST_FAILURE_RECORD))) {
    return {
      ...base,
      status: 'warning',
      detail: t(
        'PrometheusRule {{names}} records the last success but not {{record}} (an older version of the rules): the Overview looks back over its whole window for the time of each failure, its slowest query with thousands of policies.',
        { names, record: LAST_FAILURE_RECORD },
      ),
      fix,
    };
  }
  const recorded = Object.assign({}, ...recording.map(recordedAges)) as Record<string, number>;
  const differing = Object.entries(wanted)
    .filter(([name, age]) => recorded[name] !== age)
    .map(([name]) => name)
    .sort();
  if (differing.length) {
    return {
      ...base,
      status: 'warning',
      detail: t(
        'PrometheusRule {{names}} records the last success, but its allowed ages do not match the schedules of {{count}} policies ({{policies}}): the alert would judge them by the default maximum age, unlike the page.',
        { names, count: differing.length, policies: differing.slice(0, 5).join(', ') },
      ),
      fix,
    };
  }
  return {
    ...base,
    status: 'pass',
    detail:
      policiesRead.state === 'ok'
        ? t('{{names}} records the last success, with the allowed age of every scheduled policy.', { names })
        : t(
            '{{names}} records the last success. The Policy objects could not be read, so their allowed ages were not compared.',
            {
              names,
            },
          ),
  };
};
