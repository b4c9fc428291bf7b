/**
 * The objects each fix creates, as data for k8sCreate and as YAML to copy.
 * Names match the Helm chart's, so applying a fix the chart already made
 * answers "already exists" instead of adding a duplicate.
 */
import type { K8sModel, K8sResourceCommon } from '../console-sdk';
import { kastenAlertRules } from '../promql';
import type { KastenPluginConfig } from '../models/plugin-config';
import { toYaml, type YamlValue } from './to-yaml';
import type { LabelSelector } from './types';

// Core models carry no apiGroup: the console builds `/api/v1/...` only when it is absent.
export const ConfigMapModel: K8sModel = {
  apiVersion: 'v1',
  kind: 'ConfigMap',
  plural: 'configmaps',
  abbr: 'CM',
  label: 'ConfigMap',
  labelPlural: 'ConfigMaps',
  namespaced: true,
};

export const NetworkPolicyModel: K8sModel = {
  apiGroup: 'networking.k8s.io',
  apiVersion: 'v1',
  kind: 'NetworkPolicy',
  plural: 'networkpolicies',
  abbr: 'NP',
  label: 'NetworkPolicy',
  labelPlural: 'NetworkPolicies',
  namespaced: true,
};

export const ServiceMonitorModel: K8sModel = {
  apiGroup: 'monitoring.coreos.com',
  apiVersion: 'v1',
  kind: 'ServiceMonitor',
  plural: 'servicemonitors',
  abbr: 'SM',
  label: 'ServiceMonitor',
  labelPlural: 'ServiceMonitors',
  namespaced: true,
  crd: true,
};

export const PrometheusRuleModel: K8sModel = {
  apiGroup: 'monitoring.coreos.com',
  apiVersion: 'v1',
  kind: 'PrometheusRule',
  plural: 'prometheusrules',
  abbr: 'PR',
  label: 'PrometheusRule',
  labelPlural: 'PrometheusRules',
  namespaced: true,
  crd: true,
};

export const MONITORING_NAMESPACE = 'openshift-monitoring';
export const MONITORING_CONFIG_NAME = 'cluster-monitoring-config';
export const USER_WORKLOAD_NAMESPACE = 'openshift-user-workload-monitoring';
export const NETWORK_POLICY_NAME = 'allow-openshift-user-workload-monitoring';
export const PROMETHEUS_RULE_NAME = 'kasten-console-plugin';
/** Kasten's Services name their metrics port `http` (8000). */
export const METRICS_PORT_NAME = 'http';
export const METRICS_PORT_NUMBER = 8000;

const CREATED_BY = { 'app.kubernetes.io/created-by': 'kasten-console-plugin' };

export interface Remediation {
  yaml: string;
  resource: { model: K8sModel; data: K8sResourceCommon };
}

const remediation = (model: K8sModel, object: { [key: string]: YamlValue }): Remediation => ({
  yaml: toYaml(object),
  resource: { model, data: object as K8sResourceCommon },
});

const apiVersionOf = (model: K8sModel): string =>
  model.apiGroup ? `${model.apiGroup}/${model.apiVersion}` : model.apiVersion;

export const USER_WORKLOAD_CONFIG_LINE = 'enableUserWorkload: true\n';

export const userWorkloadConfigMapFix = (): Remediation =>
  remediation(ConfigMapModel, {
    apiVersion: apiVersionOf(ConfigMapModel),
    kind: 'ConfigMap',
    metadata: { name: MONITORING_CONFIG_NAME, namespace: MONITORING_NAMESPACE },
    data: { 'config.yaml': USER_WORKLOAD_CONFIG_LINE },
  });

export const USER_WORKLOAD_EDIT_COMMAND = `oc -n ${MONITORING_NAMESPACE} edit configmap ${MONITORING_CONFIG_NAME}`;
/** `oc create` fails with AlreadyExists rather than replace an existing ConfigMap. */
export const USER_WORKLOAD_CREATE_COMMAND = `oc -n ${MONITORING_NAMESPACE} create configmap ${MONITORING_CONFIG_NAME} --from-literal=config.yaml='enableUserWorkload: true'`;

/**
 * One ingress item holding both `from` and `ports`: the seed's policy split
 * them into two items, and an item with only `ports` admits every source.
 * The source is matched by `kubernetes.io/metadata.name`, which every
 * namespace has (the seed's `name` label is not guaranteed). All pods of the
 * namespace are selected because each Kasten service serves metrics on `http`,
 * whatever the release name in their `release` label.
 */
export const networkPolicyFix = (kastenNamespace: string): Remediation =>
  remediation(NetworkPolicyModel, {
    apiVersion: apiVersionOf(NetworkPolicyModel),
    kind: 'NetworkPolicy',
    metadata: { name: NETWORK_POLICY_NAME, namespace: kastenNamespace, labels: { ...CREATED_BY } },
    spec: {
      podSelector: {},
      policyTypes: ['Ingress'],
      ingress: [
        {
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': USER_WORKLOAD_NAMESPACE } } }],
          ports: [{ port: METRICS_PORT_NAME, protocol: 'TCP' }],
        },
      ],
    },
  });

const serviceMonitor = (kastenNamespace: string, name: string, selector: { [key: string]: YamlValue }): Remediation =>
  remediation(ServiceMonitorModel, {
    apiVersion: apiVersionOf(ServiceMonitorModel),
    kind: 'ServiceMonitor',
    metadata: { name, namespace: kastenNamespace, labels: { 'k8s-app': kastenNamespace, ...CREATED_BY } },
    spec: {
      endpoints: [{ interval: '30s', port: METRICS_PORT_NAME, scheme: 'http' }],
      selector,
    },
  });

/** The seed's catalog ServiceMonitor, in the user's Kasten namespace. */
export const catalogServiceMonitorFix = (kastenNamespace: string): Remediation =>
  serviceMonitor(kastenNamespace, 'kasten-catalog', { matchLabels: { component: 'catalog' } });

/** Selects the Services of the given Kasten components by their `component` label. */
export const componentsSelector = (components: string[]): LabelSelector =>
  components.length === 1
    ? { matchLabels: { component: components[0] ?? '' } }
    : { matchExpressions: [{ key: 'component', operator: 'In', values: [...components] }] };

/** One ServiceMonitor for every other Kasten service still unscraped, so one Apply covers them. */
export const servicesMonitorFix = (kastenNamespace: string, components: string[]): Remediation =>
  serviceMonitor(
    kastenNamespace,
    components.length === 1 ? `kasten-${components[0] ?? ''}` : 'kasten-services',
    componentsSelector(components) as { [key: string]: YamlValue },
  );

export const prometheusRuleFix = (config: KastenPluginConfig): Remediation =>
  remediation(PrometheusRuleModel, {
    apiVersion: apiVersionOf(PrometheusRuleModel),
    kind: 'PrometheusRule',
    metadata: { name: PROMETHEUS_RULE_NAME, namespace: config.kastenNamespace, labels: { ...CREATED_BY } },
    spec: {
      groups: [
        {
          name: 'kasten',
          rules: kastenAlertRules(config, config.newFailuresWindow, config.recoveryPointMaxAgeSeconds).map((r) => ({
            alert: r.alert,
            expr: r.expr,
            for: r.for,
            labels: { severity: r.severity },
            annotations: { summary: r.summary, description: r.description },
          })),
        },
      ],
    },
  });
