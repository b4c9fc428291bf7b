import * as React from 'react';
import { useK8sWatchResource, type K8sResourceCommon, type WatchK8sResource } from '../console-sdk';
import { useKastenConfig } from './useKastenConfig';
import { useKastenTranslation } from '../i18n';
import { useMetricsAccess } from './prometheus/MetricsAccessContext';
import { usePrometheusQueries } from './prometheus/usePrometheusQueries';
import { MONITORING_CONFIG_NAME, MONITORING_NAMESPACE, USER_WORKLOAD_NAMESPACE } from '../checks/remediation';
import { CATALOG_COMPONENT } from '../checks/service-monitors';
import { runSetupChecks, setupQueries, type SetupChecks, type SetupInputs } from '../checks/setup';
import type { KastenPolicy } from '../models/policy';
import type {
  ConfigMapObject,
  NamespaceObject,
  NetworkPolicyObject,
  PodObject,
  PrometheusRuleObject,
  ServiceMonitorObject,
  ServiceObject,
  Watched,
} from '../checks/types';

export type { SetupChecks } from '../checks/setup';

/**
 * Nothing is watched until plugin-config.json is read: the Kasten namespace may still change, and the
 * lists would hold the browser's few connections while the config and the access reviews wait.
 */
const useWatched = <T extends K8sResourceCommon | K8sResourceCommon[]>(resource: WatchK8sResource): Watched<T> => {
  const { loaded: configLoaded } = useKastenConfig();
  const [data, loaded, error] = useK8sWatchResource<T>(configLoaded ? resource : null);
  return React.useMemo(() => ({ data, loaded, error: error as unknown }), [data, loaded, error]);
};

/**
 * The object from an earlier render while every property is still the same value, so a memo can depend on
 * the object alone instead of listing its properties again. A ref, not state: an input that changes on every
 * render then only costs a re-run, never a render loop. A render React discards may leave its object here,
 * which is harmless: it is compared by value.
 */
export const useShallowStable = <T extends object>(value: T): T => {
  const ref = React.useRef(value);
  const prev = ref.current;
  const keys = Object.keys(value) as Array<keyof T>;
  const same = keys.length === Object.keys(prev).length && keys.every((k) => k in prev && Object.is(prev[k], value[k]));
  if (!same) ref.current = value;
  return ref.current;
};

/** Gathers what the setup checks read (Kubernetes objects and three Prometheus queries) and runs them. */
export const useSetupChecks = (): SetupChecks => {
  const { t } = useKastenTranslation();
  const { config, loaded: configLoaded } = useKastenConfig();
  const { access } = useMetricsAccess();
  const ns = config.kastenNamespace;
  const askUserWorkload = access?.mode === 'cluster';
  const requests = React.useMemo(() => setupQueries(config, askUserWorkload), [config, askUserWorkload]);

  // Listed once: the checks re-run when any of these changes, and only then.
  const inputs = useShallowStable<SetupInputs>({
    config,
    configLoaded,
    configMap: useWatched<ConfigMapObject>({
      groupVersionKind: { version: 'v1', kind: 'ConfigMap' },
      name: MONITORING_CONFIG_NAME,
      namespace: MONITORING_NAMESPACE,
    }),
    kastenNamespace: useWatched<NamespaceObject>({
      groupVersionKind: { version: 'v1', kind: 'Namespace' },
      name: ns,
    }),
    userWorkloadNamespace: useWatched<NamespaceObject>({
      groupVersionKind: { version: 'v1', kind: 'Namespace' },
      name: USER_WORKLOAD_NAMESPACE,
    }),
    networkPolicies: useWatched<NetworkPolicyObject[]>({
      groupVersionKind: { group: 'networking.k8s.io', version: 'v1', kind: 'NetworkPolicy' },
      namespace: ns,
      isList: true,
    }),
    catalogPods: useWatched<PodObject[]>({
      groupVersionKind: { version: 'v1', kind: 'Pod' },
      namespace: ns,
      isList: true,
      selector: { matchLabels: { component: CATALOG_COMPONENT } },
    }),
    services: useWatched<ServiceObject[]>({
      groupVersionKind: { version: 'v1', kind: 'Service' },
      namespace: ns,
      isList: true,
    }),
    serviceMonitors: useWatched<ServiceMonitorObject[]>({
      groupVersionKind: { group: 'monitoring.coreos.com', version: 'v1', kind: 'ServiceMonitor' },
      namespace: ns,
      isList: true,
    }),
    prometheusRules: useWatched<PrometheusRuleObject[]>({
      groupVersionKind: { group: 'monitoring.coreos.com', version: 'v1', kind: 'PrometheusRule' },
      namespace: ns,
      isList: true,
    }),
    policies: useWatched<KastenPolicy[]>({
      groupVersionKind: { group: 'config.kio.kasten.io', version: 'v1alpha1', kind: 'Policy' },
      namespace: ns,
      isList: true,
    }),
    prom: usePrometheusQueries(requests),
  });

  return React.useMemo(() => runSetupChecks(inputs, (key, options) => t(key, options)), [inputs, t]);
};
