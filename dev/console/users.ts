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
  | { kind: 'monitoring-viewer'; name: string }
  /**
   * cluster-monitoring-view and read access to everything but Secrets and Kasten's actions and
   * restore points: an operator without Kasten's k10-basic, who sees the metrics and not the objects.
   */
  | { kind: 'metrics-only'; name: string }
  /**
   * As metrics-only, plus Kasten's actions (actions.kio.kasten.io) but not its RestorePoints
   * (apps.kio.kasten.io): a hand-made role narrower than k10-basic, where one list of a namespace is
   * refused and the others answer.
   */
  | { kind: 'actions-reader'; name: string };

export const parseUser = (spec: string): PreviewUser => {
  if (spec === 'admin') return { kind: 'admin', name: 'kube:admin' };
  if (spec === 'monitoring-viewer') return { kind: 'monitoring-viewer', name: 'monitoring-viewer' };
  if (spec === 'metrics-only') return { kind: 'metrics-only', name: 'metrics-reader' };
  if (spec === 'actions-reader') return { kind: 'actions-reader', name: 'actions-reader' };
  const m = spec.match(/^viewer:([a-z0-9]([-a-z0-9]*[a-z0-9])?)$/);
  if (m) return { kind: 'viewer', name: `viewer-${m[1]}`, namespace: m[1]! };
  throw new Error(
    `--user must be "admin", "viewer:<namespace>", "monitoring-viewer", "metrics-only" or "actions-reader", got "${spec}"`,
  );
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
/** What Kasten's k10-basic grants on top of view: its actions and restore points. */
const KASTEN_OBJECT_GROUPS = new Set(['actions.kio.kasten.io', 'apps.kio.kasten.io']);

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
  if (user.kind === 'metrics-only') return !KASTEN_OBJECT_GROUPS.has(attrs.group ?? '');
  if (user.kind === 'actions-reader') return attrs.group !== 'apps.kio.kasten.io';
  return attrs.namespace === user.namespace;
};
