/**
 * The kinds the fake Kubernetes API serves, with their scope: what API
 * discovery tells the console on a cluster with Kasten installed. The fake
 * API (Node) answers for them and the stand-in's ResourceLink (browser) builds
 * its models from them, so a link and the object it points at cannot disagree.
 * No Node or DOM imports.
 */
export interface ResourceType {
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
}

export const RESOURCE_TYPES: ResourceType[] = [
  { group: '', version: 'v1', plural: 'namespaces', kind: 'Namespace', namespaced: false },
  { group: 'project.openshift.io', version: 'v1', plural: 'projects', kind: 'Project', namespaced: false },
  { group: '', version: 'v1', plural: 'configmaps', kind: 'ConfigMap', namespaced: true },
  { group: '', version: 'v1', plural: 'pods', kind: 'Pod', namespaced: true },
  { group: '', version: 'v1', plural: 'services', kind: 'Service', namespaced: true },
  { group: 'networking.k8s.io', version: 'v1', plural: 'networkpolicies', kind: 'NetworkPolicy', namespaced: true },
  {
    group: 'monitoring.coreos.com',
    version: 'v1',
    plural: 'servicemonitors',
    kind: 'ServiceMonitor',
    namespaced: true,
  },
  { group: 'monitoring.coreos.com', version: 'v1', plural: 'podmonitors', kind: 'PodMonitor', namespaced: true },
  {
    group: 'monitoring.coreos.com',
    version: 'v1',
    plural: 'prometheusrules',
    kind: 'PrometheusRule',
    namespaced: true,
  },
  { group: 'config.kio.kasten.io', version: 'v1alpha1', plural: 'policies', kind: 'Policy', namespaced: true },
  { group: 'config.kio.kasten.io', version: 'v1alpha1', plural: 'profiles', kind: 'Profile', namespaced: true },
  {
    group: 'actions.kio.kasten.io',
    version: 'v1alpha1',
    plural: 'backupactions',
    kind: 'BackupAction',
    namespaced: true,
  },
  {
    group: 'actions.kio.kasten.io',
    version: 'v1alpha1',
    plural: 'exportactions',
    kind: 'ExportAction',
    namespaced: true,
  },
  { group: 'actions.kio.kasten.io', version: 'v1alpha1', plural: 'runactions', kind: 'RunAction', namespaced: true },
  {
    group: 'actions.kio.kasten.io',
    version: 'v1alpha1',
    plural: 'restoreactions',
    kind: 'RestoreAction',
    namespaced: true,
  },
  // Served by Kasten's aggregated API (aggregatedapis-svc), listed like any namespaced kind.
  { group: 'apps.kio.kasten.io', version: 'v1alpha1', plural: 'restorepoints', kind: 'RestorePoint', namespaced: true },
];

export const typeKey = (group: string, version: string, plural: string): string => `${group}/${version}/${plural}`;
