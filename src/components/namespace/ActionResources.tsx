import * as React from 'react';
import { useKastenTranslation } from '../../i18n';
import { actionStateStatus, type KastenAction } from '../../models/actions';
import { errorCauseChain } from '../../models/action-error';
import { failedActionRow } from '../../models/failed-actions';
import { formatDateTime } from '../../utils/format';
import type { Column, RowExpansion } from '../common/DataTable';
import { LazyDataTable } from '../common/LazyDataTable';
import { LoadingRows } from '../common/QueryStatus';
import { StatusText } from '../common/StatusText';
import { K10BasicHint } from '../failed-actions/K10BasicHint';
import { LazyActionDetails } from '../failed-actions/LazyActionDetails';

/** The innermost cause Kasten recorded: the real reason, where the outer message says only "Job failed". */
const reasonOf = (a: KastenAction): string => errorCauseChain(a.status?.error)[0]?.message ?? '';

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
    { id: 'error', title: t('Reason'), sortValue: reasonOf, modifier: 'breakWord' },
  ];
  const expansion: RowExpansion<KastenAction> = {
    render: (a) => <LazyActionDetails row={failedActionRow(a)} />,
    columnLabel: t('Details'),
    toggleLabel: (a) => t('Details of {{kind}} {{name}}', { kind: a.kind ?? '', name: a.metadata?.name ?? '' }),
  };
  if (actions.length === 0) return <p data-test="empty">{t('No Kasten action resources in this namespace.')}</p>;
  return (
    <LazyDataTable
      columns={columns}
      rows={actions}
      rowKey={(a) => `${a.kind ?? ''}/${a.metadata?.name ?? ''}`}
      caption={t('Kasten actions in this namespace')}
      initialSort={{ id: 'end', desc: true }}
      testId="action-resources"
      expansion={expansion}
    />
  );
};

/** The fallback list with its two other states: a watch that failed, and one still loading. */
export const ActionResources: React.FC<{
  namespace: string;
  actions: KastenAction[];
  loaded: boolean;
  error: unknown;
}> = ({ namespace, actions, loaded, error }) => {
  const { t } = useKastenTranslation();
  if (error) {
    const msg = error instanceof Error ? error.message : String(error);
    const e = error as { code?: unknown; response?: { status?: unknown } };
    const forbidden = (e.response?.status ?? e.code) === 403;
    return (
      <div role="alert" data-test="actions-error">
        <p>{t('Kasten action resources cannot be read here either: {{message}}', { message: msg })}</p>
        {forbidden && <K10BasicHint namespace={namespace} />}
      </div>
    );
  }
  if (!loaded) return <LoadingRows />;
  return <ActionResourcesView actions={actions} />;
};
