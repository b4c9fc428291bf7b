import * as React from 'react';
import { LazyAlert as Alert } from './LazyAlert';
import { Skeleton } from '@patternfly/react-core/dist/esm/components/Skeleton/Skeleton';
import { useKastenTranslation } from '../../i18n';
import type { PromError, PromQueryState } from '../../models/prometheus/types';

export const ErrorMessage: React.FC<{ error: PromError; stale: boolean }> = ({ error, stale }) => {
  const { t } = useKastenTranslation();
  let title: string;
  switch (error.kind) {
    case 'forbidden':
      title = t('You do not have permission to read these metrics');
      break;
    case 'unreachable':
      title = t('Prometheus cannot be reached');
      break;
    case 'timeout':
      title = t('Prometheus did not answer in time');
      break;
    case 'bad-query':
      title = t('Prometheus rejected the query');
      break;
    default:
      title = t('Prometheus answered with an error');
  }
  const hint =
    error.kind === 'forbidden'
      ? t(
          'Reading Kasten metrics needs the cluster-monitoring-view cluster role, or the view role in the Kasten namespace (through the tenancy proxy).',
        )
      : undefined;
  return (
    <Alert
      variant="danger"
      isInline
      isPlain
      component="p"
      title={
        <>
          {title}
          {error.status !== undefined && ` (HTTP ${error.status})`}: {error.message}
        </>
      }
      role="alert"
      data-test="query-error"
      data-error-kind={error.kind}
    >
      {hint && <span className="kasten-console-plugin__block">{hint}</span>}
      {stale && (
        <span className="kasten-console-plugin__block">
          {t('Showing the last data received; it may be out of date.')}
        </span>
      )}
    </Alert>
  );
};

export const LoadingRows: React.FC<{ rows?: number }> = ({ rows = 3 }) => {
  const { t } = useKastenTranslation();
  return (
    <div aria-busy="true" data-test="loading">
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton
          key={i}
          className="kasten-console-plugin__skeleton-row"
          screenreaderText={i === 0 ? t('Loading') : undefined}
        />
      ))}
    </div>
  );
};

/**
 * A partial answer: Thanos reached only some stores. The warning text stays
 * verbatim (it names the store), and an empty result is not read as "none".
 */
export const PartialNotice: React.FC<{ warnings: string[]; isEmpty: boolean }> = ({ warnings, isEmpty }) => {
  const { t } = useKastenTranslation();
  return (
    <Alert
      variant="warning"
      isInline
      isPlain
      variantLabel={t('Warning alert:')}
      title={t('Partial answer: part of the metrics could not be read')}
      data-test="query-partial"
    >
      {warnings.map((w) => (
        <span key={w} className="kasten-console-plugin__block" data-test="query-warning">
          {w}
        </span>
      ))}
      <span className="kasten-console-plugin__block">
        {isEmpty
          ? t('Nothing came back, but that does not mean there is nothing: the missing part may hold it.')
          : t('What is shown may be incomplete.')}
      </span>
    </Alert>
  );
};

/**
 * One place that decides what a panel shows for its query state: the content,
 * a skeleton, an error (with the last good data kept below it), a partial
 * answer's warning, or the panel's own empty message (never for a partial
 * answer: its emptiness proves nothing). Never a blank panel.
 */
export const QueryStatus: React.FC<{
  state: PromQueryState;
  isEmpty: boolean;
  empty: React.ReactNode;
  children: React.ReactNode;
}> = ({ state, isEmpty, empty, children }) => {
  if (state.data === undefined) {
    if (state.error) return <ErrorMessage error={state.error} stale={false} />;
    return <LoadingRows />;
  }
  const warnings = state.warnings ?? [];
  const partial = warnings.length > 0;
  return (
    <>
      {state.error && <ErrorMessage error={state.error} stale={state.stale} />}
      {partial && <PartialNotice warnings={warnings} isEmpty={isEmpty} />}
      {isEmpty ? !partial && <div data-test="empty">{empty}</div> : children}
    </>
  );
};
