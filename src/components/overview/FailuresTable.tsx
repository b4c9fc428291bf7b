import * as React from 'react';
import { ResourceLink } from '../../console-sdk';
import { useKastenTranslation } from '../../i18n';
import { NAMESPACE_GVK } from '../../models/console-links';
import type { FailureRow } from '../../models/overview';
import { formatDateTime, formatNumber } from '../../utils/format';
import { MetricValue } from '../common/MetricValue';
import type { Column, RowExpansion } from '../common/DataTable';
import { LazyDataTable } from '../common/LazyDataTable';

const rowKey = (r: FailureRow) => `${r.policy}\u0000${r.type}\u0000${r.namespace}`;

/** Failures per policy, action type and application namespace; `withLast` adds the time of the latest one. */
export const FailuresTable: React.FC<{
  rows: FailureRow[];
  caption: string;
  countTitle: string;
  withLast: boolean;
  testId: string;
  /** What an open row shows (the page's container: Kasten's failed action objects). Without it rows do not open. */
  renderDetails?: (row: FailureRow) => React.ReactNode;
}> = ({ rows, caption, countTitle, withLast, testId, renderDetails }) => {
  const { t, i18n } = useKastenTranslation();
  const columns = React.useMemo((): Column<FailureRow>[] => {
    const cols: Column<FailureRow>[] = [
      {
        id: 'policy',
        title: t('Policy'),
        sortValue: (r) => r.policy,
        render: (r) => r.policy || t('(no policy: manual action)'),
      },
      { id: 'type', title: t('Action type'), sortValue: (r) => r.type },
      {
        id: 'namespace',
        title: t('Application namespace'),
        sortValue: (r) => r.namespace,
        render: (r) => (r.namespace ? <ResourceLink groupVersionKind={NAMESPACE_GVK} name={r.namespace} /> : '—'),
      },
      {
        id: 'count',
        title: countTitle,
        sortValue: (r) => r.count,
        render: (r) => <MetricValue value={r.count} format={(v) => formatNumber(v, i18n.language, 0)} />,
        numeric: true,
      },
    ];
    if (withLast) {
      cols.push({
        id: 'last',
        title: t('Last failure'),
        sortValue: (r) => r.lastFailure ?? 0,
        render: (r) =>
          r.lastFailure !== undefined && !Number.isFinite(r.lastFailure) ? (
            <MetricValue value={r.lastFailure} format={String} />
          ) : r.lastFailure ? (
            <time dateTime={new Date(r.lastFailure * 1000).toISOString()}>
              {formatDateTime(r.lastFailure, i18n.language)}
            </time>
          ) : (
            '—'
          ),
      });
    }
    return cols;
  }, [t, i18n.language, countTitle, withLast]);
  const expansion = React.useMemo(
    (): RowExpansion<FailureRow> | undefined =>
      renderDetails && {
        render: renderDetails,
        columnLabel: t('Failed actions'),
        toggleLabel: (r) =>
          t('Failed actions of policy {{policy}} in namespace {{namespace}}', {
            policy: r.policy || t('(no policy: manual action)'),
            namespace: r.namespace || '—',
          }),
      },
    [renderDetails, t],
  );
  return (
    <LazyDataTable
      columns={columns}
      rows={rows}
      rowKey={rowKey}
      caption={caption}
      initialSort={{ id: 'count', desc: true }}
      testId={testId}
      expansion={expansion}
    />
  );
};

/** Case-insensitive match on policy, type or namespace. */
export const filterFailures = (rows: FailureRow[], text: string | undefined): FailureRow[] => {
  const q = text?.trim().toLowerCase();
  if (!q) return rows;
  return rows.filter(
    (r) =>
      r.policy.toLowerCase().includes(q) || r.namespace.toLowerCase().includes(q) || r.type.toLowerCase().includes(q),
  );
};
