import * as React from 'react';
import { useK8sWatchResource } from '../console-sdk';
import { mergeActionLists, type KastenAction } from '../models/actions';

export interface KastenActionsState {
  actions: KastenAction[];
  loaded: boolean;
  /** The first watch error, if any of the three failed. */
  error: unknown;
}

const gvk = (kind: string) => ({ group: 'actions.kio.kasten.io', version: 'v1alpha1', kind });

/** Kasten's action resources in one namespace, read with the user's own rights (k10-basic covers them). */
export const useKastenActions = (namespace: string): KastenActionsState => {
  const [backups, bLoaded, bError] = useK8sWatchResource<KastenAction[]>({
    groupVersionKind: gvk('BackupAction'),
    namespace,
    isList: true,
  });
  const [exportActions, eLoaded, eError] = useK8sWatchResource<KastenAction[]>({
    groupVersionKind: gvk('ExportAction'),
    namespace,
    isList: true,
  });
  const [restores, rLoaded, rError] = useK8sWatchResource<KastenAction[]>({
    groupVersionKind: gvk('RestoreAction'),
    namespace,
    isList: true,
  });
  const error: unknown = bError ?? eError ?? rError;
  const loaded = bLoaded && eLoaded && rLoaded;
  const actions = React.useMemo(
    () => mergeActionLists({ BackupAction: backups, ExportAction: exportActions, RestoreAction: restores }),
    [backups, exportActions, restores],
  );
  return { actions, loaded, error };
};
