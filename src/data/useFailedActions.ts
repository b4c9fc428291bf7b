import * as React from 'react';
import { useK8sWatchResource } from '../console-sdk';
import {
  FAILURE_ACTION_KINDS,
  POLICY_NAME_LABEL,
  failedActionRows,
  type FailedActionRow,
  type FailureActionKind,
  type PolicyActionObject,
} from '../models/failed-actions';

/** Why the list may be missing: the view says which permission would help (Kasten's k10-basic in that namespace). */
export type FailedActionsAccess = 'loading' | 'ok' | 'forbidden' | 'no-api' | 'error';

/** One of the three label-selected lists, so a user denied RunActions in Kasten's namespace still sees their BackupActions. */
export interface FailedActionsList {
  kind: FailureActionKind;
  namespace: string;
  access: FailedActionsAccess;
  error?: unknown;
}

export interface FailedActionsState {
  /** Rows from every list that answered, even when another list was refused. */
  rows: FailedActionRow[];
  /** 'ok' when every list answered; otherwise the first refused list's reason (application namespace first). */
  access: FailedActionsAccess;
  error?: unknown;
  lists: FailedActionsList[];
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
    const watched: Record<FailureActionKind, { data: unknown; loaded: boolean; error: unknown; namespace: string }> = {
      BackupAction: { data: backups, loaded: bLoaded, error: bError, namespace: appNamespace },
      ExportAction: { data: exportActions, loaded: eLoaded, error: eError, namespace: appNamespace },
      RunAction: { data: runs, loaded: rLoaded, error: rError, namespace: kastenNamespace },
    };
    const lists = FAILURE_ACTION_KINDS.map(
      (kind): FailedActionsList => ({
        kind,
        namespace: watched[kind].namespace,
        access: watched[kind].error ? accessOf(watched[kind].error) : watched[kind].loaded ? 'ok' : 'loading',
        ...(watched[kind].error ? { error: watched[kind].error } : {}),
      }),
    );
    // Wait for every list to answer or fail, so rows do not arrive one kind at a time.
    if (!enabled || lists.some((l) => l.access === 'loading')) return { rows: [], access: 'loading', lists };
    const objects = lists.flatMap((l) => {
      const data = watched[l.kind].data;
      if (l.access !== 'ok' || !Array.isArray(data)) return [];
      return (data as PolicyActionObject[]).map((o) => ({ ...o, kind: o.kind ?? l.kind }));
    });
    const refused = lists.find((l) => l.access !== 'ok');
    return {
      rows: failedActionRows(objects, policy, appNamespace, sinceSeconds),
      access: refused?.access ?? 'ok',
      ...(refused ? { error: refused.error } : {}),
      lists,
    };
  }, [
    enabled,
    policy,
    appNamespace,
    kastenNamespace,
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
