/**
 * The Setup tab's checks run together: what they read comes in as one value
 * (gathered by src/data/useSetupChecks.ts), results and "still loading" go out.
 */
import type { KastenPluginConfig } from '../models/plugin-config';
import type { PromQueryRequest, PromQueryState } from '../models/prometheus/types';
import { DEFAULT_CATALOG_JOB, kastenTargetsUp, metricPresent, userWorkloadPrometheusUp } from '../promql';
import { checkAlertRules, checkRecoveryRules } from './alert-rules';
import type { KastenPolicy } from '../models/policy';
import { readOutcome } from './k8s-access';
import { checkKastenNamespace } from './kasten-namespace';
import type { KnownLabels } from './label-selector';
import {
  ASSUMED_CATALOG_POD_LABELS,
  DEFAULT_METRICS_PORT,
  checkNetworkPolicy,
  type MetricsEndpoint,
} from './network-policy';
import { METRICS_PORT_NAME, METRICS_PORT_NUMBER, USER_WORKLOAD_NAMESPACE } from './remediation';
import { CATALOG_ACTIONS_METRIC, checkCatalogMetrics, checkScrapeTargets } from './scrape-targets';
import { checkServiceMonitors } from './service-monitors';
import type {
  CheckResult,
  ConfigMapObject,
  NamespaceObject,
  NetworkPolicyObject,
  PodObject,
  PrometheusRuleObject,
  ServiceMonitorObject,
  ServiceObject,
  Translate,
  Watched,
} from './types';
import { checkUserWorkloadMonitoring } from './uwm-enabled';

export interface SetupChecks {
  results: CheckResult[];
  /** Some checks are still waiting for their data. */
  loading: boolean;
}

export type SetupQueryKey = 'targets' | 'catalogActions' | 'userWorkloadPrometheus';

/** Everything the checks read: Kubernetes objects as watched, and the answers to setupQueries. */
export interface SetupInputs {
  config: KastenPluginConfig;
  configLoaded: boolean;
  configMap: Watched<ConfigMapObject>;
  kastenNamespace: Watched<NamespaceObject>;
  userWorkloadNamespace: Watched<NamespaceObject>;
  networkPolicies: Watched<NetworkPolicyObject[]>;
  catalogPods: Watched<PodObject[]>;
  services: Watched<ServiceObject[]>;
  serviceMonitors: Watched<ServiceMonitorObject[]>;
  prometheusRules: Watched<PrometheusRuleObject[]>;
  /** Kasten's Policy objects: their schedules give each policy's allowed age. */
  policies: Watched<KastenPolicy[]>;
  prom: Partial<Record<SetupQueryKey, PromQueryState>>;
}

/**
 * The checks' Prometheus queries. The tenancy proxy pins every query to the Kasten
 * namespace, so asking there about the user-workload Prometheus would mislead:
 * only a cluster-wide reader asks.
 */
export const setupQueries = (config: KastenPluginConfig, askUserWorkload: boolean): PromQueryRequest[] => [
  { key: 'targets', kind: 'instant', query: kastenTargetsUp(config) },
  { key: 'catalogActions', kind: 'instant', query: metricPresent(config, CATALOG_ACTIONS_METRIC) },
  ...(askUserWorkload
    ? [{ key: 'userWorkloadPrometheus', kind: 'instant' as const, query: userWorkloadPrometheusUp() }]
    : []),
];

export const catalogEndpoint = (pods: Watched<PodObject[]>): { endpoint: MetricsEndpoint; read: boolean } => {
  const read = readOutcome(pods);
  const pod = read.state === 'ok' ? read.data[0] : undefined;
  if (!pod) return { endpoint: { podLabels: ASSUMED_CATALOG_POD_LABELS, port: DEFAULT_METRICS_PORT }, read: false };
  const ports = (pod.spec?.containers ?? []).flatMap((c) => c.ports ?? []);
  const port =
    ports.find((p) => p.name === METRICS_PORT_NAME) ?? ports.find((p) => p.containerPort === METRICS_PORT_NUMBER);
  return {
    endpoint: {
      podLabels: { labels: pod.metadata?.labels ?? {}, complete: true },
      port: port
        ? { number: port.containerPort, name: port.name, protocol: port.protocol ?? 'TCP' }
        : DEFAULT_METRICS_PORT,
    },
    read: true,
  };
};

export const namespaceLabels = (ns: Watched<NamespaceObject>, name: string): KnownLabels => {
  const read = readOutcome(ns);
  return read.state === 'ok'
    ? { labels: { 'kubernetes.io/metadata.name': name, ...(read.data.metadata?.labels ?? {}) }, complete: true }
    : { labels: { 'kubernetes.io/metadata.name': name }, complete: false };
};

/** Runs every check; a check without its data yet returns nothing and keeps `loading` on. */
export const runSetupChecks = (inputs: SetupInputs, tr: Translate): SetupChecks => {
  const {
    config,
    configLoaded,
    configMap,
    kastenNamespace,
    userWorkloadNamespace,
    networkPolicies,
    catalogPods,
    services,
    serviceMonitors,
    prometheusRules,
    policies,
    prom,
  } = inputs;
  const ns = config.kastenNamespace;
  const { endpoint, read: endpointRead } = catalogEndpoint(catalogPods);
  const checks: Array<CheckResult | undefined> = [
    checkUserWorkloadMonitoring(
      { configMap, userWorkloadPrometheusUp: prom.userWorkloadPrometheus, kastenTargetsUp: prom.targets },
      tr,
    ),
    checkKastenNamespace({ kastenNamespace: ns, namespace: kastenNamespace, kastenTargetsUp: prom.targets }, tr),
    checkNetworkPolicy(
      {
        kastenNamespace: ns,
        policies: networkPolicies,
        endpoint,
        endpointRead,
        sourceNamespaceLabels: namespaceLabels(userWorkloadNamespace, USER_WORKLOAD_NAMESPACE),
      },
      tr,
    ),
    checkServiceMonitors({ kastenNamespace: ns, serviceMonitors, services }, tr),
    checkScrapeTargets(
      {
        kastenNamespace: ns,
        catalogJob: config.catalogJob ?? DEFAULT_CATALOG_JOB,
        kastenTargetsUp: prom.targets,
        catalogActionsPresent: prom.catalogActions,
      },
      tr,
    ),
    checkCatalogMetrics(
      {
        kastenNamespace: ns,
        catalogJob: config.catalogJob ?? DEFAULT_CATALOG_JOB,
        kastenTargetsUp: prom.targets,
        catalogActionsPresent: prom.catalogActions,
      },
      tr,
    ),
    checkAlertRules({ config, prometheusRules }, tr),
    checkRecoveryRules({ config, prometheusRules, policies }, tr),
  ];
  const results = checks.filter((c): c is CheckResult => c !== undefined);
  return { results, loading: !configLoaded || results.length < checks.length };
};
