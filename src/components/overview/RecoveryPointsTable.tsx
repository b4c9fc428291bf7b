import * as React from 'react';
import { useKastenTranslation } from '../../i18n';
import type { RecoveryRow } from '../../models/overview';
import { formatAge } from '../../utils/format';
import type { Column } from '../common/DataTable';
import { LazyDataTable } from '../common/LazyDataTable';
import { StatusText } from '../common/StatusText';

const rowKey = (r: RecoveryRow) => `${r.policy}\u0000${r.namespace}`;

/** Time since the last successful backup and export, flagged against the policy's frequency. */
export const RecoveryPointsTable: React.FC<{ rows: RecoveryRow[] }> = ({ rows }) => {
  const { t } = useKastenTranslation();
  const columns = React.useMemo((): Column<RecoveryRow>[] => {
    const verdictText = (r: RecoveryRow): React.ReactNode => {
      switch (r.verdict) {
        case 'stale':
          return (
            <StatusText
              status="fail"
              text={t('Older than expected ({{expected}})', { expected: formatAge(r.expectedSeconds ?? 0) })}
            />
          );
        case 'never':
          return <StatusText status="fail" text={t('No successful backup seen')} />;
        case 'paused':
          return <StatusText status="warning" text={t('Policy paused')} />;
        case 'ok':
          return <StatusText status="pass" text={t('Within expected interval')} />;
        default:
          return <StatusText status="unknown" text={t('Cannot tell')} />;
      }
    };
    return [
      { id: 'policy', title: t('Policy'), sortValue: (r) => r.policy },
      {
        id: 'namespace',
        title: t('Application namespace'),
        sortValue: (r) => r.namespace,
        render: (r) => r.namespace || '—',
      },
      {
        id: 'frequency',
        title: t('Frequency'),
        sortValue: (r) => r.frequency ?? '',
        render: (r) => r.frequency ?? t('unknown'),
      },
      {
        id: 'backup',
        title: t('Last backup'),
        sortValue: (r) => r.backupAgeSeconds ?? Number.MAX_SAFE_INTEGER,
        render: (r) =>
          r.backupAgeSeconds === undefined ? t('none seen') : t('{{age}} ago', { age: formatAge(r.backupAgeSeconds) }),
      },
      {
        id: 'export',
        title: t('Last export'),
        sortValue: (r) => r.exportAgeSeconds ?? Number.MAX_SAFE_INTEGER,
        render: (r) =>
          r.exportAgeSeconds === undefined ? t('none seen') : t('{{age}} ago', { age: formatAge(r.exportAgeSeconds) }),
      },
      { id: 'verdict', title: t('Recovery point'), sortValue: (r) => r.verdict, render: verdictText },
    ];
  }, [t]);
  return (
    <LazyDataTable
      columns={columns}
      rows={rows}
      rowKey={rowKey}
      caption={t('Recovery point age per policy and application')}
      initialSort={{ id: 'backup', desc: true }}
      testId="recovery-table"
    />
  );
};
