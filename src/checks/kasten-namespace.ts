/**
 * The Kasten namespace exists and user-workload monitoring looks at it. The
 * monitoring operator leaves a namespace out when it carries
 * `openshift.io/cluster-monitoring=true` (platform monitoring owns it) or
 * `openshift.io/user-monitoring=false` (opted out).
 */
import type { PromQueryState } from '../models/prometheus/types';
import { permissionNeeded, readOutcome } from './k8s-access';
import { vectorSamples } from './prom-results';
import { USER_WORKLOAD_NAMESPACE } from './remediation';
import type { CheckResult, NamespaceObject, Translate, Watched } from './types';

export const CLUSTER_MONITORING_LABEL = 'openshift.io/cluster-monitoring';
export const USER_MONITORING_LABEL = 'openshift.io/user-monitoring';

export interface KastenNamespaceInputs {
  kastenNamespace: string;
  namespace: Watched<NamespaceObject>;
  /** `up` in the Kasten namespace: targets scraped there prove the namespace exists and is watched. */
  kastenTargetsUp?: PromQueryState;
}

export const checkKastenNamespace = (inputs: KastenNamespaceInputs, t: Translate): CheckResult | undefined => {
  const ns = inputs.kastenNamespace;
  const base = {
    id: 'kasten-namespace',
    title: t('Kasten namespace present and monitored'),
    lookedAt: t('Namespace {{namespace}}: whether it exists and its labels {{clusterLabel}} and {{userLabel}}.', {
      namespace: ns,
      clusterLabel: CLUSTER_MONITORING_LABEL,
      userLabel: USER_MONITORING_LABEL,
    }),
  };
  const read = readOutcome(inputs.namespace);
  if (read.state === 'loading') return undefined;
  if (read.state === 'not-found') {
    return {
      ...base,
      status: 'fail',
      detail: t(
        "Namespace {{namespace}} does not exist. Install Kasten there, or set the Kasten namespace in the plugin's Helm values (kasten.namespace).",
        {
          namespace: ns,
        },
      ),
      fix: {
        description: t(
          'Point the plugin at the namespace Kasten runs in: helm upgrade with --set kasten.namespace=<namespace>.',
        ),
      },
    };
  }
  if (read.state === 'forbidden' || read.state === 'error') {
    const scrapedByUserWorkload = vectorSamples(inputs.kastenTargetsUp)?.some((s) =>
      (s.metric.prometheus ?? '').startsWith(`${USER_WORKLOAD_NAMESPACE}/`),
    );
    if (scrapedByUserWorkload) {
      return {
        ...base,
        lookedAt: t('Namespace {{namespace}} could not be read, so Prometheus was asked who scrapes targets there.', {
          namespace: ns,
        }),
        status: 'pass',
        detail: t(
          'The user-workload Prometheus scrapes targets in {{namespace}}, so the namespace exists and is not excluded.',
          { namespace: ns },
        ),
      };
    }
    return {
      ...base,
      status: 'unknown',
      detail:
        read.state === 'forbidden'
          ? permissionNeeded(t, 'get', `namespaces/${ns}`)
          : t('Cannot tell: reading the namespace failed: {{message}}', { message: read.message }),
    };
  }

  const labels = read.data.metadata?.labels ?? {};
  if (labels[CLUSTER_MONITORING_LABEL] === 'true') {
    return {
      ...base,
      status: 'fail',
      detail: t(
        '{{namespace}} is labelled {{label}}=true: it belongs to platform monitoring, and user-workload monitoring ignores it.',
        {
          namespace: ns,
          label: CLUSTER_MONITORING_LABEL,
        },
      ),
      fix: {
        description: t('Remove the label (Kasten is not an OpenShift platform component).'),
        command: `oc label namespace ${ns} ${CLUSTER_MONITORING_LABEL}-`,
      },
    };
  }
  if (labels[USER_MONITORING_LABEL] === 'false') {
    return {
      ...base,
      status: 'fail',
      detail: t('{{namespace}} is labelled {{label}}=false, which excludes it from user-workload monitoring.', {
        namespace: ns,
        label: USER_MONITORING_LABEL,
      }),
      fix: {
        description: t('Remove the label.'),
        command: `oc label namespace ${ns} ${USER_MONITORING_LABEL}-`,
      },
    };
  }
  if (read.data.status?.phase === 'Terminating') {
    return { ...base, status: 'warning', detail: t('{{namespace}} is being deleted.', { namespace: ns }) };
  }
  return {
    ...base,
    status: 'pass',
    detail: t('{{namespace}} exists and is not excluded from user-workload monitoring.', { namespace: ns }),
  };
};
