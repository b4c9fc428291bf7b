import * as React from 'react';
import { LazyAlert } from '../common/LazyAlert';
import { useKastenTranslation } from '../../i18n';
import type { RecoveryRow, RecoverySource } from '../../models/overview';
import { ageSources } from '../../models/recovery-objects';
import type {
  AgeSource,
  AgeSourceEntry,
  CombinedRecoveryRow,
  ObjectsCheck,
  ObjectsList,
  RefusedLists,
} from '../../models/recovery-objects';
import { USER_MONITORING_LABEL, type RecoveryRulesPresence } from '../../models/recovery-rules';
import { formatAge, formatDateTime } from '../../utils/format';
import { MetricValue } from '../common/MetricValue';
import type { Column } from '../common/DataTable';
import { LazyDataTable } from '../common/LazyDataTable';
import { StatusText } from '../common/StatusText';

/** A row as the metrics gave it, or combined with Kasten's objects (models/recovery-objects.ts). */
export type RecoveryTableRow = RecoveryRow & Partial<CombinedRecoveryRow>;

/** Kasten's objects as the Overview container combined them with the rows. */
export interface RecoveryObjectsView {
  rows: CombinedRecoveryRow[];
  /** The lists the user may not read, and in which application namespaces (grouped by the same lists). */
  refused: RefusedLists[];
  /** Rows outside the bound on namespaces read (or with names no label can hold). */
  notRead: number;
  maxNamespaces: number;
}

const rowKey = (r: RecoveryTableRow) => `${r.policy}\u0000${r.namespace}`;

const hours = (seconds: number): number => Math.max(1, Math.floor(seconds / 3600));

/** What the PrometheusRule list of the Kasten namespace says about the recording rules (models/recovery-rules.ts). */
export interface RecoveryRulesView {
  presence: RecoveryRulesPresence;
  /** The Kasten namespace, where the PrometheusRule lives. */
  namespace: string;
}

/**
 * Says which source the ages come from, and how much history the look-back had. Without records, the
 * PrometheusRule list says why: not installed, installed and waiting for its first evaluation, ignored,
 * or not readable (then the page cannot tell, and says so).
 */
export const RecoverySourceNote: React.FC<{
  source?: RecoverySource;
  historySeconds?: number;
  rules?: RecoveryRulesView;
}> = ({ source, historySeconds, rules }) => {
  const { t } = useKastenTranslation();
  if (source === undefined) return null;
  if (source === 'records')
    return (
      <p data-test="recovery-source">
        {t(
          "Source: the recovery-point recording rules, which keep each policy's last success beyond Prometheus retention (recorded for {{hours}} h).",
          { hours: hours(historySeconds ?? 0) },
        )}
      </p>
    );
  const lookback =
    historySeconds === undefined
      ? t('Source: a look-back over the metrics Prometheus holds.')
      : t('Source: a look-back over the last {{hours}} h of metrics, all Prometheus holds.', {
          hours: hours(historySeconds),
        });
  const presence = rules?.presence;
  const namespace = rules?.namespace ?? '';
  let why: string;
  switch (presence?.state) {
    case 'absent':
      why = t(
        'The recovery-point recording rules are not installed (see Setup), so successes older than this history are not seen.',
      );
      break;
    case 'installed':
      why = t(
        'The recovery-point recording rules are installed ({{names}}), waiting for their first evaluation: Prometheus evaluates them within a minute of loading them, and their look-back record within an hour. Until their records have a sample, the page uses this look-back.',
        { names: presence.names.join(', ') },
      );
      break;
    case 'ignored':
      why = t(
        'PrometheusRule {{names}} holds the recovery-point recording rules but is labelled {{label}}=false, so Prometheus never evaluates it (see Setup). The page uses this look-back.',
        { names: presence.names.join(', '), label: USER_MONITORING_LABEL },
      );
      break;
    case 'forbidden':
      why = t(
        'The recovery-point recording rules have recorded nothing; whether they are installed cannot be told, because you may not list PrometheusRules in {{namespace}}. The page uses this look-back.',
        { namespace },
      );
      break;
    case 'error':
      why = t(
        'The recovery-point recording rules have recorded nothing; whether they are installed cannot be told: reading PrometheusRules in {{namespace}} failed: {{message}}. The page uses this look-back.',
        { namespace, message: presence.message },
      );
      break;
    default:
      // Not read (yet): absent records alone do not prove the rules absent.
      why = t('The recovery-point recording rules have recorded nothing (see Setup). The page uses this look-back.');
  }
  return (
    <p data-test="recovery-source" data-rules={presence?.state}>
      {`${lookback} ${why}`}
    </p>
  );
};

/**
 * What Kasten's objects could not add: the namespaces where the user may not list them (and the
 * permission that would), and rows left outside the bound on namespaces read.
 */
/** The resource a list is read from, as RBAC names it. */
const LIST_RESOURCE: Record<ObjectsList, string> = {
  restorePoints: 'restorepoints.apps.kio.kasten.io',
  backupActions: 'backupactions.actions.kio.kasten.io',
  exportActions: 'exportactions.actions.kio.kasten.io',
};

export const RecoveryObjectsNote: React.FC<{ objects: RecoveryObjectsView }> = ({ objects }) => {
  const { t } = useKastenTranslation();
  const refused = objects.refused;
  if (refused.length === 0 && objects.notRead === 0) return null;
  return (
    <>
      {refused.length > 0 && (
        <LazyAlert
          variant="info"
          isInline
          isPlain
          variantLabel={t('Info alert:')}
          title={
            <span data-test="recovery-objects-denied">
              {refused.map((g) => (
                <span key={g.lists.join(',')} data-test="recovery-objects-refused" data-lists={g.lists.join(' ')}>
                  {t('You may not list {{resources}} in {{namespaces}}.', {
                    resources: g.lists.map((l) => LIST_RESOURCE[l]).join(', '),
                    namespaces: g.namespaces.join(', '),
                  })}{' '}
                </span>
              ))}
              {t(
                "Those rows use the metrics and whichever of Kasten's RestorePoints, BackupActions and ExportActions you may list. Kasten's k10-basic role, bound in the namespace, grants list on all three (restorepoints.apps.kio.kasten.io, backupactions and exportactions.actions.kio.kasten.io) and would add the exact time of each policy's last success.",
              )}
            </span>
          }
        />
      )}
      {objects.notRead > 0 && (
        <p className="kasten-console-plugin__muted" data-test="recovery-objects-bound">
          {t(
            "Kasten's objects are read for at most {{max}} application namespaces, those the metrics answer least; {{count}} rows show the metrics' answer only.",
            { max: objects.maxNamespaces, count: objects.notRead },
          )}
        </p>
      )}
    </>
  );
};

/** Time since the last successful backup and export, flagged against the policy's frequency. */
export const RecoveryPointsTable: React.FC<{
  rows: RecoveryTableRow[];
  historySeconds?: number;
  /** Where the metrics' ages came from; a row from Kasten's objects says so itself. */
  source?: RecoverySource;
}> = ({ rows, historySeconds, source }) => {
  const { t, i18n } = useKastenTranslation();
  const columns = React.useMemo((): Column<RecoveryTableRow>[] => {
    const noneSeen = (): string =>
      historySeconds === undefined
        ? t('none seen')
        : t('no success in the last {{hours}} h of metrics', { hours: hours(historySeconds) });
    const sourceName = (s: AgeSource | undefined): string =>
      s === 'objects'
        ? t('Kasten objects')
        : s === 'records'
          ? t('Metrics record')
          : s === 'lookback'
            ? t('Metrics look-back')
            : t('Metrics');
    const checkText = (c: ObjectsCheck | undefined): string | undefined => {
      switch (c) {
        case 'confirmed':
          return t('the metrics agree');
        case 'corrected':
          return t('newer than the metrics showed');
        case 'only-objects':
          return t('older than the metrics history');
        case 'metrics-newer':
          return t('newest Kasten object is older: retired or collected');
        case 'none-found':
          return t('no Complete Kasten object of this policy');
        case 'future':
          return t('Kasten object dated in the future: clock skew, not used');
        case 'partial-none':
          return t('no Complete object in the Kasten lists you may read');
        case 'forbidden':
          return t('Kasten objects not readable: needs k10-basic');
        case 'unavailable':
          return t('Kasten objects could not be read');
        case 'loading':
          return t('reading Kasten objects…');
        default:
          return undefined;
      }
    };
    const ageCell = (age: number | undefined, at: number | undefined, test: string): React.ReactNode => {
      if (age === undefined) return noneSeen();
      if (!Number.isFinite(age)) return <MetricValue value={age} format={formatAge} />;
      const text = t('{{age}} ago', { age: formatAge(age) });
      // An exact time from Kasten's objects is shown as a time element, its instant in the attribute.
      return at === undefined ? (
        text
      ) : (
        <time dateTime={new Date(at * 1000).toISOString()} title={formatDateTime(at, i18n.language)} data-test={test}>
          {text}
        </time>
      );
    };
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
          return (
            <StatusText
              status="pass"
              text={
                r.expectedSeconds === undefined
                  ? t('Within expected interval')
                  : t('Within expected interval ({{expected}})', { expected: formatAge(r.expectedSeconds) })
              }
            />
          );
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
        render: (r) => ageCell(r.backupAgeSeconds, r.backupAt, 'backup-time'),
      },
      {
        id: 'export',
        title: t('Last export'),
        sortValue: (r) => r.exportAgeSeconds ?? Number.MAX_SAFE_INTEGER,
        render: (r) => ageCell(r.exportAgeSeconds, r.exportAt, 'export-time'),
      },
      { id: 'verdict', title: t('Recovery point'), sortValue: (r) => r.verdict, render: verdictText },
      {
        id: 'source',
        title: t('Source'),
        sortValue: (r) => `${r.backupSource ?? source ?? ''}\u0000${r.exportSource ?? source ?? ''}`,
        render: (r) => {
          const entries = source ? ageSources(r, source) : [];
          const label = (e: AgeSourceEntry): string =>
            e.age === 'backup'
              ? t('Backup: {{source}}', { source: sourceName(e.source) })
              : e.age === 'export'
                ? t('export: {{source}}', { source: sourceName(e.source) })
                : sourceName(e.source);
          return (
            <span
              data-test="recovery-row-source"
              data-source={r.backupSource ?? source}
              data-export-source={r.exportSource ?? source}
            >
              {entries.length === 0 && sourceName(undefined)}
              {entries.map((e, i) => {
                const check = checkText(e.check);
                return (
                  <React.Fragment key={e.age}>
                    {i > 0 && '; '}
                    {label(e)}
                    {check && <span className="kasten-console-plugin__muted">{` (${check})`}</span>}
                  </React.Fragment>
                );
              })}
            </span>
          );
        },
      },
    ];
  }, [t, i18n.language, historySeconds, source]);
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
