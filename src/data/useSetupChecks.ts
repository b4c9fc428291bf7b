import * as React from 'react';
import { useK8sWatchResource, type K8sResourceCommon, type WatchK8sResource } from '../console-sdk';
import { useKastenConfig } from './useKastenConfig';
import { useKastenTranslation } from '../i18n';
import { useMetricsAccess } from './prometheus/MetricsAccessContext';
import { usePrometheusQueries } from './prometheus/usePrometheusQueries';
import { MONITORING_CONFIG_NAME, MONITORING_NAMESPACE, USER_WORKLOAD_NAMESPACE } from '../checks/remediation';
import { CATALOG_COMPONENT } from '../checks/service-monitors';
import { runSetupChecks, setupQueries, type SetupChecks } from '../checks/setup';
import type { KastenPolicy } from '../models/policy';
import type {
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

export type { SetupChecks } from '../checks/setup';

const useWatched = <T extends K8sResourceCommon | K8sResourceCommon[]>(resource: WatchK8sResource): Watched<T> => {
  const [data, loaded, error] = useK8sWatchResource<T>(resource);
  return React.useMemo(() => ({ data, loaded, error: error as unknown }), [data, loaded, error]);
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
  const policies = useWatched<KastenPolicy[]>({
    groupVersionKind: { group: 'config.kio.kasten.io', version: 'v1alpha1', kind: 'Policy' },
    namespace: ns,
    isList: true,
  });

  const askUserWorkload = access?.mode === 'cluster';
  const requests = React.useMemo(() => setupQueries(config, askUserWorkload), [config, askUserWorkload]);
  const prom = usePrometheusQueries(requests);

  return React.useMemo(() => {
    const tr: Translate = (key, options) => t(key, options);
    return runSetupChecks(
      {
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
      },
      tr,
    );
  }, [
    t,
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
  ]);
};
