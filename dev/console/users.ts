/**
 * Who is logged in to the stand-in. `admin` may do everything (cluster-admin,
 * so also cluster-monitoring-view). `viewer:<ns>` has the `view` role in one
 * namespace only: get/list/watch there, nothing cluster-wide, and therefore
 * no `/api/prometheus` (that needs `get prometheuses/api`), only
 * `/api/prometheus-tenancy?namespace=<ns>` (which checks `get pods.metrics.k8s.io` in `<ns>`).
 * `monitoring-viewer` has cluster-monitoring-view (every metric, through `get prometheuses/api`) and may
 * read namespaces, but holds no Kasten role: an SRE who sees the failures and may not list the actions.
 */

export type PreviewUser =
  | { kind: 'admin'; name: string }
  | { kind: 'viewer'; name: string; namespace: string }
  | { kind: 'monitoring-viewer'; name: string };

export const parseUser = (spec: string): PreviewUser => {
  if (spec === 'admin') return { kind: 'admin', name: 'kube:admin' };
  if (spec === 'monitoring-viewer') return { kind: 'monitoring-viewer', name: 'monitoring-viewer' };
  const m = spec.match(/^viewer:([a-z0-9]([-a-z0-9]*[a-z0-9])?)$/);
  if (m) return { kind: 'viewer', name: `viewer-${m[1]}`, namespace: m[1]! };
  throw new Error(`--user must be "admin", "viewer:<namespace>" or "monitoring-viewer", got "${spec}"`);
};

export interface ResourceAttributes {
  verb?: string;
  group?: string;
  resource?: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

const READ_VERBS = new Set(['get', 'list', 'watch']);

export const isAllowed = (user: PreviewUser, attrs: ResourceAttributes): boolean => {
  if (user.kind === 'admin') return true;
  if (!READ_VERBS.has(attrs.verb ?? '')) return false;
  // `view` never reaches secrets, and a namespaced role never grants cluster-scoped access.
  if (attrs.resource === 'secrets') return false;
  if (user.kind === 'monitoring-viewer') {
    // cluster-monitoring-view: the Prometheus API cluster-wide; OpenShift lets every user read namespaces.
    if (attrs.group === 'monitoring.coreos.com' && attrs.resource === 'prometheuses' && attrs.subresource === 'api')
      return true;
    return (
      (attrs.resource === 'namespaces' && !attrs.group) ||
      (attrs.resource === 'projects' && attrs.group === 'project.openshift.io')
    );
  }
  return attrs.namespace === user.namespace;
};
