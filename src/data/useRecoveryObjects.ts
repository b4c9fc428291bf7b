import * as React from 'react';
import { useK8sWatchResource, type WatchK8sResource } from '../console-sdk';
import type { PolicyActionObject } from '../models/failed-actions';
import {
  MAX_OBJECT_NAMESPACES,
  POLICY_NAME_LABEL,
  RESTORE_POINT_GVK,
  namespaceObjectsState,
  type NamespaceObjectsState,
  type ObjectsAccess,
  type ObjectsTarget,
  type RestorePointObject,
} from '../models/recovery-objects';

const actionGvk = (kind: 'BackupAction' | 'ExportAction') => ({
  group: 'actions.kio.kasten.io',
  version: 'v1alpha1',
  kind,
});

const accessOf = (error: unknown): ObjectsAccess => {
  const e = error as { code?: unknown; response?: { status?: unknown }; message?: unknown };
  const status = e.response?.status ?? e.code;
  if (status === 403 || status === 401) return 'forbidden';
  // The console reports a kind it does not know (Kasten's APIs not served) as "Model does not exist".
  if (typeof e.message === 'string' && /model does not exist/i.test(e.message)) return 'no-api';
  return 'error';
};

/**
 * One application namespace's RestorePoints, BackupActions and ExportActions, each ONE list in that
 * namespace selected by `k10.kasten.io/policyName in (...)` (the policies of its rows): never the
 * whole cluster, and only what the user's own RBAC lets them list (Kasten's k10-basic covers it).
 */
const useNamespaceObjects = (target: ObjectsTarget | undefined): NamespaceObjectsState | undefined => {
  const watch = (groupVersionKind: WatchK8sResource['groupVersionKind']): WatchK8sResource | null =>
    target
      ? {
          groupVersionKind,
          namespace: target.namespace,
          isList: true,
          selector: { matchExpressions: [{ key: POLICY_NAME_LABEL, operator: 'In', values: target.policies }] },
        }
      : null;
  const [restorePoints, rpLoaded, rpError] = useK8sWatchResource<RestorePointObject[]>(watch(RESTORE_POINT_GVK));
  const [backupActions, bLoaded, bError] = useK8sWatchResource<PolicyActionObject[]>(watch(actionGvk('BackupAction')));
  const [exportActions, eLoaded, eError] = useK8sWatchResource<PolicyActionObject[]>(watch(actionGvk('ExportAction')));
  return React.useMemo((): NamespaceObjectsState | undefined => {
    if (!target) return undefined;
    // Each list on its own: a refused RestorePoint list still leaves the actions (and says which was refused).
    const of = (loaded: boolean, error: unknown): ObjectsAccess =>
      error ? accessOf(error) : loaded ? 'ok' : 'loading';
    return namespaceObjectsState(
      {
        restorePoints: of(rpLoaded, rpError),
        backupActions: of(bLoaded, bError),
        exportActions: of(eLoaded, eError),
      },
      { restorePoints, backupActions, exportActions },
    );
  }, [target, restorePoints, backupActions, exportActions, rpLoaded, bLoaded, eLoaded, rpError, bError, eError]);
};

/**
 * Kasten's objects for the recovery rows on screen: three label-selected lists per application
 * namespace in `targets` (at most MAX_OBJECT_NAMESPACES; see objectsTargets), keyed by namespace.
 */
export const useRecoveryObjects = (targets: ObjectsTarget[]): Map<string, NamespaceObjectsState> => {
  const states: Array<NamespaceObjectsState | undefined> = [];
  // A fixed number of slots, unused ones watching nothing (null): the hooks run in the same order on
  // every render whatever the rows, which is what the rules of hooks protect.
  for (let i = 0; i < MAX_OBJECT_NAMESPACES; i += 1) {
    // eslint-disable-next-line react-hooks/rules-of-hooks -- constant trip count, see above
    states.push(useNamespaceObjects(targets[i]));
  }
  const key = states;
  return React.useMemo(() => {
    const out = new Map<string, NamespaceObjectsState>();
    targets.slice(0, MAX_OBJECT_NAMESPACES).forEach((t, i) => {
      const s = key[i];
      if (s) out.set(t.namespace, s);
    });
    return out;
    // The slots' states are each memoised; their identities are the dependencies.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [targets, ...key]);
};
