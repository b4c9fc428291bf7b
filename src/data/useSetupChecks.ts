import * as React from 'react';
import { useK8sWatchResource, type K8sResourceCommon, type WatchK8sResource } from '../console-sdk';
import { useKastenConfig } from './useKastenConfig';
import { useKastenTranslation } from '../i18n';
import { useMetricsAccess } from './prometheus/MetricsAccessContext';
import { usePrometheusQueries } from './prometheus/usePrometheusQueries';
import type { PromQueryRequest } from '../models/prometheus/types';
import { DEFAULT_CATALOG_JOB, kastenTargetsUp, metricPresent, userWorkloadPrometheusUp } from '../promql';
import { checkAlertRules } from '../checks/alert-rules';
import { readOutcome } from '../checks/k8s-access';
import { checkKastenNamespace } from '../checks/kasten-namespace';
import type { KnownLabels } from '../checks/label-selector';
import {
  ASSUMED_CATALOG_POD_LABELS,
  DEFAULT_METRICS_PORT,
  checkNetworkPolicy,
  type MetricsEndpoint,
} from '../checks/network-policy';
import {
  MONITORING_CONFIG_NAME,
  MONITORING_NAMESPACE,
  METRICS_PORT_NAME,
  METRICS_PORT_NUMBER,
  USER_WORKLOAD_NAMESPACE,
} from '../checks/remediation';
import { CATALOG_ACTIONS_METRIC, checkCatalogMetrics, checkScrapeTargets } from '../checks/scrape-targets';
import { CATALOG_COMPONENT, checkServiceMonitors } from '../checks/service-monitors';
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
} from '../checks/types';
import { checkUserWorkloadMonitoring } from '../checks/uwm-enabled';

export interface SetupChecks {
  results: CheckResult[];
  /** Some checks are still waiting for their data. */
  loading: boolean;
}

const useWatched = <T extends K8sResourceCommon | K8sResourceCommon[]>(resource: WatchK8sResource): Watched<T> => {
  const [data, loaded, error] = useK8sWatchResource<T>(resource);
  return React.useMemo(() => ({ data, loaded, error: error as unknown }), [data, loaded, error]);
};

const catalogEndpoint = (pods: Watched<PodObject[]>): { endpoint: MetricsEndpoint; read: boolean } => {
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

const namespaceLabels = (ns: Watched<NamespaceObject>, name: string): KnownLabels => {
  const read = readOutcome(ns);
  return read.state === 'ok'
    ? { labels: { 'kubernetes.io/metadata.name': name, ...(read.data.metadata?.labels ?? {}) }, complete: true }
    : { labels: { 'kubernetes.io/metadata.name': name }, complete: false };
};

/** Gathers what the setup checks read (Kubernetes objects and three Prometheus queries) and runs them. */
export const useSetupChecks = (): SetupChecks => {
  const { t } = useKastenTranslation();
  const { config, loaded: configLoaded } = useKastenConfig();
  const { access } = useMetricsAccess();
  const ns = config.kastenNamespace;

  const configMap = useWatched<ConfigMapObject>({
    groupVersionKind: { version: 'v1', kind: 'ConfigMap' },
    name: MONITORING_CONFIG_NAME,
    namespace: MONITORING_NAMESPACE,
  });
  const kastenNamespace = useWatched<NamespaceObject>({
    groupVersionKind: { version: 'v1', kind: 'Namespace' },
    name: ns,
  });
  const userWorkloadNamespace = useWatched<NamespaceObject>({
    groupVersionKind: { version: 'v1', kind: 'Namespace' },
    name: USER_WORKLOAD_NAMESPACE,
  });
  const networkPolicies = useWatched<NetworkPolicyObject[]>({
    groupVersionKind: { group: 'networking.k8s.io', version: 'v1', kind: 'NetworkPolicy' },
    namespace: ns,
    isList: true,
  });
  const catalogPods = useWatched<PodObject[]>({
    groupVersionKind: { version: 'v1', kind: 'Pod' },
    namespace: ns,
    isList: true,
    selector: { matchLabels: { component: CATALOG_COMPONENT } },
  });
  const services = useWatched<ServiceObject[]>({
    groupVersionKind: { version: 'v1', kind: 'Service' },
    namespace: ns,
    isList: true,
  });
  const serviceMonitors = useWatched<ServiceMonitorObject[]>({
    groupVersionKind: { group: 'monitoring.coreos.com', version: 'v1', kind: 'ServiceMonitor' },
    namespace: ns,
    isList: true,
  });
  const prometheusRules = useWatched<PrometheusRuleObject[]>({
    groupVersionKind: { group: 'monitoring.coreos.com', version: 'v1', kind: 'PrometheusRule' },
    namespace: ns,
    isList: true,
  });

  // The tenancy proxy pins every query to the Kasten namespace, so asking there about the user-workload Prometheus would mislead.
  const askUserWorkload = access?.mode === 'cluster';
  const requests = React.useMemo<PromQueryRequest[]>(
    () => [
      { key: 'targets', kind: 'instant', query: kastenTargetsUp(config) },
      { key: 'catalogActions', kind: 'instant', query: metricPresent(config, CATALOG_ACTIONS_METRIC) },
      ...(askUserWorkload
        ? [
            {
              key: 'userWorkloadPrometheus',
              kind: 'instant' as const,
              query: userWorkloadPrometheusUp(),
            },
          ]
        : []),
    ],
    [config, askUserWorkload],
  );
  const prom = usePrometheusQueries(requests);

  return React.useMemo(() => {
    const tr: Translate = (key, options) => t(key, options);
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
    ];
    const results = checks.filter((c): c is CheckResult => c !== undefined);
    return { results, loading: !configLoaded || results.length < checks.length };
  }, [
    t,
    config,
    configLoaded,
    ns,
    configMap,
    kastenNamespace,
    userWorkloadNamespace,
    networkPolicies,
    catalogPods,
    services,
    serviceMonitors,
    prometheusRules,
    prom,
  ]);
};
