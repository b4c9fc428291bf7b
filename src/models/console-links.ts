/**
 * The group, version and kind of the Kubernetes objects the views link to. The console's ResourceLink
 * takes them and builds the link, its kind badge and its path the way every console page does
 * (a cluster-scoped Namespace by plural, Kasten's custom resources by group~version~kind).
 */
export interface GroupVersionKind {
  /** Absent for the core group. */
  group?: string;
  version: string;
  kind: string;
}

export const NAMESPACE_GVK: GroupVersionKind = { version: 'v1', kind: 'Namespace' };

/** Kasten's action objects (BackupAction, ExportAction, RunAction...) in actions.kio.kasten.io/v1alpha1. */
export const actionGVK = (kind: string): GroupVersionKind => ({
  group: 'actions.kio.kasten.io',
  version: 'v1alpha1',
  kind,
});
