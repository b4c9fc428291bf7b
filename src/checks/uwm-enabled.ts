/**
 * User-workload monitoring enabled: read from `cluster-monitoring-config`
 * when the user may, otherwise inferred from Prometheus itself (a target in
 * the Kasten namespace scraped by the user-workload Prometheus, or that
 * Prometheus's own `up` series).
 */
import type { PromQueryState } from '../models/prometheus/types';
import { permissionNeeded, readOutcome } from './k8s-access';
import { readUserWorkloadSetting } from './monitoring-config';
import {
  MONITORING_CONFIG_NAME,
  MONITORING_NAMESPACE,
  USER_WORKLOAD_CONFIG_LINE,
  USER_WORKLOAD_CREATE_COMMAND,
  USER_WORKLOAD_EDIT_COMMAND,
  USER_WORKLOAD_NAMESPACE,
  userWorkloadConfigMapFix,
} from './remediation';
import { vectorSamples } from './prom-results';
import type { CheckFix, CheckResult, ConfigMapObject, Translate, Watched } from './types';

export interface UserWorkloadInputs {
  configMap: Watched<ConfigMapObject>;
  /** `up` of the user-workload Prometheus itself; undefined when this user cannot ask (tenancy). */
  userWorkloadPrometheusUp?: PromQueryState;
  /** `up` of the Kasten namespace's targets; series carry the `prometheus` label of whoever scraped them. */
  kastenTargetsUp?: PromQueryState;
}

const SCRAPED_BY_USER_WORKLOAD = `${USER_WORKLOAD_NAMESPACE}/`;

/** 'yes' / 'no' when Prometheus answered, undefined when it could not be asked or has not answered. */
const prometheusEvidence = (inputs: UserWorkloadInputs): { answering: boolean; how: 'kasten' | 'self' } | undefined => {
  const kasten = vectorSamples(inputs.kastenTargetsUp);
  if (kasten?.some((s) => (s.metric.prometheus ?? '').startsWith(SCRAPED_BY_USER_WORKLOAD)))
    return { answering: true, how: 'kasten' };
  const self = vectorSamples(inputs.userWorkloadPrometheusUp);
  if (self === undefined) return undefined;
  return { answering: self.some((s) => s.value[1] === '1'), how: 'self' };
};

export const checkUserWorkloadMonitoring = (inputs: UserWorkloadInputs, t: Translate): CheckResult | undefined => {
  const base = {
    id: 'uwm-enabled',
    title: t('User-workload monitoring enabled'),
    lookedAt: t('ConfigMap {{name}} in {{namespace}}, key config.yaml, setting enableUserWorkload.', {
      name: MONITORING_CONFIG_NAME,
      namespace: MONITORING_NAMESPACE,
    }),
  };
  // The ConfigMap exists and may hold other settings: only the line to add is shown, never a whole object to apply over it.
  const editFix: CheckFix = {
    description: t(
      'Edit the existing ConfigMap and make config.yaml contain the line below at the top level (do not replace the ConfigMap: it may hold other settings).',
    ),
    yaml: USER_WORKLOAD_CONFIG_LINE,
    command: USER_WORKLOAD_EDIT_COMMAND,
  };
  const read = readOutcome(inputs.configMap);
  if (read.state === 'loading') return undefined;

  if (read.state === 'not-found') {
    const remedy = userWorkloadConfigMapFix();
    return {
      ...base,
      status: 'fail',
      detail: t('The ConfigMap does not exist, so user-workload monitoring is off (the default).'),
      fix: {
        description: t('Create the ConfigMap with enableUserWorkload: true. Pods then start in {{namespace}}.', {
          namespace: USER_WORKLOAD_NAMESPACE,
        }),
        yaml: remedy.yaml,
        command: USER_WORKLOAD_CREATE_COMMAND,
        resource: remedy.resource,
      },
    };
  }

  if (read.state === 'forbidden' || read.state === 'error') {
    const cannotRead =
      read.state === 'forbidden'
        ? permissionNeeded(t, 'get', 'configmaps', MONITORING_NAMESPACE)
        : t('Cannot tell: reading the ConfigMap failed: {{message}}', { message: read.message });
    const evidence = prometheusEvidence(inputs);
    const fallbackLookedAt = t(
      "The ConfigMap could not be read, so Prometheus was asked instead: who scrapes Kasten's targets, and up of the user-workload Prometheus.",
    );
    if (evidence?.answering) {
      return {
        ...base,
        lookedAt: fallbackLookedAt,
        status: 'pass',
        detail:
          evidence.how === 'kasten'
            ? t('The user-workload Prometheus scrapes targets in the Kasten namespace, so it is enabled.')
            : t('The user-workload Prometheus is up, so it is enabled.'),
      };
    }
    if (evidence && !evidence.answering) {
      return {
        ...base,
        lookedAt: fallbackLookedAt,
        status: 'fail',
        detail: t('No user-workload Prometheus is up in {{namespace}}: user-workload monitoring looks disabled.', {
          namespace: USER_WORKLOAD_NAMESPACE,
        }),
        fix: {
          description: t(
            'If the ConfigMap exists, edit it and add the line enableUserWorkload: true to config.yaml; if it does not, create it with the YAML below.',
          ),
          yaml: userWorkloadConfigMapFix().yaml,
          command: USER_WORKLOAD_EDIT_COMMAND,
        },
      };
    }
    return { ...base, status: 'unknown', detail: cannotRead };
  }

  const configYaml = read.data.data?.['config.yaml'];
  if (configYaml === undefined) {
    return {
      ...base,
      status: 'fail',
      detail: t('The ConfigMap has no config.yaml key, so user-workload monitoring is off.'),
      fix: editFix,
    };
  }
  const setting = readUserWorkloadSetting(configYaml);
  if (setting.state === 'invalid') {
    const detail =
      setting.reason === 'quoted'
        ? t(
            'enableUserWorkload is set to {{raw}}, a quoted string: the monitoring operator expects a boolean and rejects the whole config.yaml. Remove the quotes.',
            {
              raw: setting.raw,
            },
          )
        : setting.reason === 'duplicate'
          ? t('enableUserWorkload appears more than once in config.yaml; keep one line, enableUserWorkload: true.')
          : t(
              'enableUserWorkload is set to {{raw}}, which is not a boolean: the monitoring operator rejects config.yaml.',
              { raw: setting.raw },
            );
    return { ...base, status: setting.reason === 'duplicate' ? 'warning' : 'fail', detail, fix: editFix };
  }
  if (setting.state === 'absent' || !setting.enabled) {
    return {
      ...base,
      status: 'fail',
      detail:
        setting.state === 'absent'
          ? t('config.yaml does not set enableUserWorkload, so user-workload monitoring is off.')
          : t('config.yaml sets enableUserWorkload to false.'),
      fix: editFix,
    };
  }
  const evidence = prometheusEvidence(inputs);
  if (evidence && !evidence.answering) {
    return {
      ...base,
      status: 'warning',
      detail: t(
        'enableUserWorkload is true, but no user-workload Prometheus is up yet. Check the pods in {{namespace}} (they take a minute or two to start).',
        {
          namespace: USER_WORKLOAD_NAMESPACE,
        },
      ),
    };
  }
  return { ...base, status: 'pass', detail: t('config.yaml sets enableUserWorkload: true.') };
};
