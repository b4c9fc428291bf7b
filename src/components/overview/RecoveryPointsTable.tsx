import * as React from 'react';
import { useKastenTranslation } from '../../i18n';
import type { RecoveryRow, RecoverySource } from '../../models/overview';
import { formatAge } from '../../utils/format';
import { MetricValue } from '../common/MetricValue';
import type { Column } from '../common/DataTable';
import { LazyDataTable } from '../common/LazyDataTable';
import { StatusText } from '../common/StatusText';

const rowKey = (r: RecoveryRow) => `${r.policy}\u0000${r.namespace}`;

const hours = (seconds: number): number => Math.max(1, Math.floor(seconds / 3600));

/** Says which source the ages come from, and how much history the look-back had. */
export const RecoverySourceNote: React.FC<{ source?: RecoverySource; historySeconds?: number }> = ({
  source,
  historySeconds,
}) => {
  const { t } = useKastenTranslation();
  if (source === undefined) return null;
  return (
    <p data-test="recovery-source">
      {source === 'records'
        ? t(
            "Source: the recovery-point recording rules, which keep each policy's last success beyond Prometheus retention (recorded for {{hours}} h).",
            { hours: hours(historySeconds ?? 0) },
          )
        : historySeconds === undefined
          ? t(
              'Source: a look-back over the metrics Prometheus holds; the recovery-point recording rules are not installed (see Setup).',
            )
          : t(
              'Source: a look-back over the last {{hours}} h of metrics, all Prometheus holds; the recovery-point recording rules are not installed (see Setup), so older successes are not seen.',
              { hours: hours(historySeconds) },
            )}
    </p>
  );
};

/** Time since the last successful backup and export, flagged against the policy's frequency. */
export const RecoveryPointsTable: React.FC<{ rows: RecoveryRow[]; historySeconds?: number }> = ({
  rows,
  historySeconds,
}) => {
  const { t } = useKastenTranslation();
  const columns = React.useMemo((): Column<RecoveryRow>[] => {
    const noneSeen = (): string =>
      historySeconds === undefined
        ? t('none seen')
        : t('no success in the last {{hours}} h of metrics', { hours: hours(historySeconds) });
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
          return <StatusText status="fail" text={noneSeen()} />;
        case 'unknown':
          // Without an age the history is too short to judge; with a non-finite age the value itself is the reason.
          return r.backupAgeSeconds === undefined && r.expectedSeconds !== undefined ? (
            <StatusText
              status="unknown"
              text={t('Cannot tell: less history than the expected interval ({{expected}})', {
                expected: formatAge(r.expectedSeconds),
              })}
            />
          ) : (
            <StatusText status="unknown" text={t('Cannot tell')} />
          );
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
          r.backupAgeSeconds === undefined ? (
            noneSeen()
          ) : Number.isFinite(r.backupAgeSeconds) ? (
            t('{{age}} ago', { age: formatAge(r.backupAgeSeconds) })
          ) : (
            <MetricValue value={r.backupAgeSeconds} format={formatAge} />
          ),
      },
      {
        id: 'export',
        title: t('Last export'),
        sortValue: (r) => r.exportAgeSeconds ?? Number.MAX_SAFE_INTEGER,
        render: (r) =>
          r.exportAgeSeconds === undefined ? (
            noneSeen()
          ) : Number.isFinite(r.exportAgeSeconds) ? (
            t('{{age}} ago', { age: formatAge(r.exportAgeSeconds) })
          ) : (
            <MetricValue value={r.exportAgeSeconds} format={formatAge} />
          ),
      },
      { id: 'verdict', title: t('Recovery point'), sortValue: (r) => r.verdict, render: verdictText },
    ];
  }, [t, historySeconds]);
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
