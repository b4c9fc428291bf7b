import * as React from 'react';
import { useK8sWatchResource } from '../console-sdk';
import {
  FAILURE_ACTION_KINDS,
  POLICY_NAME_LABEL,
  failedActionRows,
  type FailedActionRow,
  type PolicyActionObject,
} from '../models/failed-actions';

/** Why the list may be missing: the view says which permission would help (Kasten's k10-basic in that namespace). */
export type FailedActionsAccess = 'loading' | 'ok' | 'forbidden' | 'no-api' | 'error';

export interface FailedActionsState {
  rows: FailedActionRow[];
  access: FailedActionsAccess;
  error?: unknown;
}

const gvk = (kind: string) => ({ group: 'actions.kio.kasten.io', version: 'v1alpha1', kind });

const accessOf = (error: unknown): FailedActionsAccess => {
  if (!error) return 'ok';
  const e = error as { code?: unknown; response?: { status?: unknown }; message?: unknown };
  const status = e.response?.status ?? e.code;
  if (status === 403 || status === 401) return 'forbidden';
  // The console reports a kind it does not know as "Model does not exist".
  if (typeof e.message === 'string' && /model does not exist/i.test(e.message)) return 'no-api';
  return 'error';
};

/**
 * The failed and cancelled actions of one policy for one application namespace since `sinceSeconds`:
 * BackupActions and ExportActions in the application namespace, RunActions in Kasten's, each list
 * selected by the policy label (never the whole cluster). Only watched while `enabled` (a row is open).
 */
export const useFailedActions = (
  enabled: boolean,
  policy: string,
  appNamespace: string,
  kastenNamespace: string,
  sinceSeconds: number,
): FailedActionsState => {
  const watch = (kind: string, namespace: string) =>
    enabled
      ? {
          groupVersionKind: gvk(kind),
          namespace,
          isList: true,
          selector: { matchLabels: { [POLICY_NAME_LABEL]: policy } },
        }
      : null;
  const [backups, bLoaded, bError] = useK8sWatchResource<PolicyActionObject[]>(watch('BackupAction', appNamespace));
  const [exportActions, eLoaded, eError] = useK8sWatchResource<PolicyActionObject[]>(
    watch('ExportAction', appNamespace),
  );
  const [runs, rLoaded, rError] = useK8sWatchResource<PolicyActionObject[]>(watch('RunAction', kastenNamespace));
  return React.useMemo((): FailedActionsState => {
    const error: unknown = bError ?? eError ?? rError;
    if (!enabled || (!error && !(bLoaded && eLoaded && rLoaded))) return { rows: [], access: 'loading' };
    const lists: Record<(typeof FAILURE_ACTION_KINDS)[number], PolicyActionObject[] | undefined> = {
      BackupAction: bError ? undefined : backups,
      ExportAction: eError ? undefined : exportActions,
      RunAction: rError ? undefined : runs,
    };
    const objects = FAILURE_ACTION_KINDS.flatMap((kind) =>
      (Array.isArray(lists[kind]) ? (lists[kind] ?? []) : []).map((o) => ({ ...o, kind: o.kind ?? kind })),
    );
    return {
      rows: failedActionRows(objects, policy, appNamespace, sinceSeconds),
      access: accessOf(error),
      error,
    };
  }, [
    enabled,
    policy,
    appNamespace,
    sinceSeconds,
    backups,
    exportActions,
    runs,
    bLoaded,
    eLoaded,
    rLoaded,
    bError,
    eError,
    rError,
  ]);
};
