/**
 * The objects each fix creates, as data for k8sCreate and as YAML to copy.
 * Names match the Helm chart's, so applying a fix the chart already made
 * answers "already exists" instead of adding a duplicate.
 */
import type { K8sModel, K8sResourceCommon } from '../console-sdk';
import { LEAF_PROMETHEUS_LABELS, asPrometheusRuleEntry, kastenAlertRules, recoveryPointRules } from '../promql';
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

/** Labels the prometheus-operator gives every pod of the user-workload Prometheus (`prometheus-user-workload-N`). */
export const USER_WORKLOAD_PROMETHEUS_SELECTOR = {
  'app.kubernetes.io/name': 'prometheus',
  'app.kubernetes.io/instance': 'user-workload',
};

/** The Kasten components whose pods the fix opens when the check knows of no others: the catalog carries the action counts. */
export const DEFAULT_SCRAPED_COMPONENTS = ['catalog'];

/**
 * The one ingress item both the Setup fix and the Helm chart use: only the
 * user-workload Prometheus pods (a pod selector inside the namespace selector,
 * so the two must match together), only on the metrics port. The namespace is
 * matched by `kubernetes.io/metadata.name`, which every namespace has (the
 * seed's `name` label is not guaranteed). From and ports sit in one item: the
 * seed's policy split them, and an item with only `ports` admits every source.
 */
export const userWorkloadScrapeRule = (ports: YamlValue[] = [{ port: METRICS_PORT_NAME, protocol: 'TCP' }]) => ({
  from: [
    {
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': USER_WORKLOAD_NAMESPACE } },
      podSelector: { matchLabels: { ...USER_WORKLOAD_PROMETHEUS_SELECTOR } },
    },
  ],
  ports,
});

/**
 * Opens the metrics port of the scraped components' pods only. Port `http`
 * (8000) is also Kasten's internal API port, so every other Kasten pod stays
 * closed. Pods are chosen by Kasten's `component` label, which does not depend
 * on the name of Kasten's Helm release (its `release` label does).
 */
export const networkPolicyFix = (
  kastenNamespace: string,
  components: string[] = DEFAULT_SCRAPED_COMPONENTS,
): Remediation =>
  remediation(NetworkPolicyModel, {
    apiVersion: apiVersionOf(NetworkPolicyModel),
    kind: 'NetworkPolicy',
    metadata: { name: NETWORK_POLICY_NAME, namespace: kastenNamespace, labels: { ...CREATED_BY } },
    spec: {
      podSelector: componentsSelector(components) as { [key: string]: YamlValue },
      policyTypes: ['Ingress'],
      ingress: [userWorkloadScrapeRule()],
    },
  });

/**
 * NetworkPolicies add up: a new policy can never take back what an ingress
 * item open to every source admits. The fix that closes such an item edits
 * that policy: a JSON patch replacing each open item by the same ports
 * admitted to the user-workload Prometheus only, each guarded by a `test` of
 * the item as read, so a policy changed meanwhile is refused rather than
 * overwritten.
 */
export const closeOpenItemsCommand = (
  kastenNamespace: string,
  policyName: string,
  items: Array<{ index: number; item: { [key: string]: YamlValue } }>,
): string => {
  const ops = items.flatMap(({ index, item }) => {
    const path = `/spec/ingress/${index}`;
    const ports = (item.ports as YamlValue[] | undefined) ?? [{ port: METRICS_PORT_NAME, protocol: 'TCP' }];
    return [
      { op: 'test', path, value: item },
      { op: 'replace', path, value: userWorkloadScrapeRule(ports) },
    ];
  });
  return `oc -n ${kastenNamespace} patch networkpolicy ${policyName} --type=json -p '${JSON.stringify(ops)}'`;
};

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
          rules: kastenAlertRules(config, config.newFailuresWindow).map((r) => ({
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

/** Name of the recovery-point PrometheusRule, as the chart names it. */
export const RECOVERY_RULE_NAME = `${PROMETHEUS_RULE_NAME}-recovery-points`;

/**
 * The recovery-point recording rules and their alert, with each policy's allowed age
 * (`allowedAges`, from the Policy objects: 0 for on-demand and paused policies).
 */
export const recoveryRuleFix = (config: KastenPluginConfig, allowedAges: Record<string, number>): Remediation =>
  remediation(PrometheusRuleModel, {
    apiVersion: apiVersionOf(PrometheusRuleModel),
    kind: 'PrometheusRule',
    metadata: {
      name: RECOVERY_RULE_NAME,
      namespace: config.kastenNamespace,
      labels: { ...CREATED_BY, ...LEAF_PROMETHEUS_LABELS },
    },
    spec: {
      groups: recoveryPointRules(config, config.recoveryPointMaxAgeSeconds, allowedAges).map((g) => ({
        name: g.name,
        interval: g.interval,
        rules: g.rules.map(asPrometheusRuleEntry),
      })),
    },
  });
