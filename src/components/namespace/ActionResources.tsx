import * as React from 'react';
import { useKastenTranslation } from '../../i18n';
import { actionErrorText, actionStateStatus, type KastenAction } from '../../models/actions';
import { formatDateTime } from '../../utils/format';
import type { Column } from '../common/DataTable';
import { LazyDataTable } from '../common/LazyDataTable';
import { LoadingRows } from '../common/QueryStatus';
import { StatusText } from '../common/StatusText';

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
      render: (a) => <StatusText status={actionStateStatus(a.status?.state)} text={a.status?.state ?? t('unknown')} />,
    },
    {
      id: 'end',
      title: t('Ended'),
      sortValue: (a) => a.status?.endTime ?? a.status?.startTime ?? '',
      render: (a) => (a.status?.endTime ? formatDateTime(Date.parse(a.status.endTime) / 1000, i18n.language) : '—'),
    },
    { id: 'error', title: t('Error'), sortValue: actionErrorText },
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

/** The fallback list with its two other states: a watch that failed, and one still loading. */
export const ActionResources: React.FC<{ actions: KastenAction[]; loaded: boolean; error: unknown }> = ({
  actions,
  loaded,
  error,
}) => {
  const { t } = useKastenTranslation();
  if (error) {
    const msg = error instanceof Error ? error.message : String(error);
    return (
      <p role="alert" data-test="actions-error">
        {t('Kasten action resources cannot be read here either: {{message}}', { message: msg })}
      </p>
    );
  }
  if (!loaded) return <LoadingRows />;
  return <ActionResourcesView actions={actions} />;
};
