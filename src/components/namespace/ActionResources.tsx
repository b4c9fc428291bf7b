import * as React from 'react';
import { useK8sWatchResource, type K8sResourceCommon } from '../../console-sdk';
import { useKastenTranslation } from '../../i18n';
import { formatDateTime } from '../../utils/format';
import type { Column } from '../common/DataTable';
import { LazyDataTable } from '../common/LazyDataTable';
import { LoadingRows } from '../common/QueryStatus';
import { StatusText } from '../common/StatusText';

export interface KastenAction extends K8sResourceCommon {
  status?: { state?: string; startTime?: string; endTime?: string; error?: { message?: string } | string };
}

const ACTION_KINDS = ['BackupAction', 'ExportAction', 'RestoreAction'] as const;
const gvk = (kind: string) => ({ group: 'actions.kio.kasten.io', version: 'v1alpha1', kind });

const errorText = (a: KastenAction): string => {
  const e = a.status?.error;
  if (!e) return '';
  return typeof e === 'string' ? e : (e.message ?? '');
};

const stateStatus = (state: string | undefined) =>
  state === 'Complete'
    ? 'pass'
    : state === 'Failed' || state === 'Cancelled'
      ? 'fail'
      : state === 'AttemptFailed'
        ? 'warning'
        : 'unknown';

export const ActionResourcesView: React.FC<{ actions: KastenAction[] }> = ({ actions }) => {
  const { t, i18n } = useKastenTranslation();
  const columns: Column<KastenAction>[] = [
    { id: 'kind', title: t('Kind'), sortValue: (a) => a.kind ?? '' },
    { id: 'name', title: t('Name'), sortValue: (a) => a.metadata?.name ?? '' },
    { id: 'policy', title: t('Policy'), sortValue: (a) => a.metadata?.labels?.['k10.kasten.io/policyName'] ?? '' },
    {
      id: 'state',
      title: t('State'),
      sortValue: (a) => a.status?.state ?? '',
      render: (a) => <StatusText status={stateStatus(a.status?.state)} text={a.status?.state ?? t('unknown')} />,
    },
    {
      id: 'end',
      title: t('Ended'),
      sortValue: (a) => a.status?.endTime ?? a.status?.startTime ?? '',
      render: (a) => (a.status?.endTime ? formatDateTime(Date.parse(a.status.endTime) / 1000, i18n.language) : '—'),
    },
    { id: 'error', title: t('Error'), sortValue: errorText },
  ];
  if (actions.length === 0) return <p data-test="empty">{t('No Kasten action resources in this namespace.')}</p>;
  return (
    <LazyDataTable
      columns={columns}
      rows={actions}
      rowKey={(a) => `${a.kind ?? ''}/${a.metadata?.name ?? ''}`}
      caption={t('Kasten actions in this namespace')}
      initialSort={{ id: 'end', desc: true }}
      testId="action-resources"
    />
  );
};

/** Kasten's action resources in one namespace, read with the user's own rights (k10-basic covers them). */
export const ActionResourcesContainer: React.FC<{ namespace: string }> = ({ namespace }) => {
  const { t } = useKastenTranslation();
  const [backups, bLoaded, bError] = useK8sWatchResource<KastenAction[]>({
    groupVersionKind: gvk(ACTION_KINDS[0]),
    namespace,
    isList: true,
  });
  const [exportActions, eLoaded, eError] = useK8sWatchResource<KastenAction[]>({
    groupVersionKind: gvk(ACTION_KINDS[1]),
    namespace,
    isList: true,
  });
  const [restores, rLoaded, rError] = useK8sWatchResource<KastenAction[]>({
    groupVersionKind: gvk(ACTION_KINDS[2]),
    namespace,
    isList: true,
  });
  const error: unknown = bError ?? eError ?? rError;
  if (error) {
    const msg = error instanceof Error ? error.message : String(error);
    return (
      <p role="alert" data-test="actions-error">
        {t('Kasten action resources cannot be read here either: {{message}}', { message: msg })}
      </p>
    );
  }
  if (!bLoaded || !eLoaded || !rLoaded) return <LoadingRows />;
  const withKind = (list: KastenAction[] | undefined, kind: string) =>
    (list ?? []).map((a) => ({ ...a, kind: a.kind ?? kind }));
  const all = [
    ...withKind(backups, 'BackupAction'),
    ...withKind(exportActions, 'ExportAction'),
    ...withKind(restores, 'RestoreAction'),
  ];
  return <ActionResourcesView actions={all} />;
};
