import * as React from 'react';
import { Alert } from '@patternfly/react-core/dist/esm/components/Alert/Alert';
import { ResourceLink } from '../../console-sdk';
import { useKastenTranslation } from '../../i18n';
import './failed-actions.css';
import type { FailedActionsList, FailedActionsState } from '../../data/useFailedActions';
import { actionGVK, NAMESPACE_GVK } from '../../models/console-links';
import type { FailedActionRow } from '../../models/failed-actions';
import { formatDateTime } from '../../utils/format';
import { LoadingRows } from '../common/QueryStatus';
import { StatusText } from '../common/StatusText';
import { ActionErrorChain } from './ActionErrorChain';
import { Fields } from './Fields';
import { K10BasicHint, RunActionsHint } from './K10BasicHint';

const Time: React.FC<{ seconds: number | undefined; language: string }> = ({ seconds, language }) =>
  seconds === undefined ? (
    <>—</>
  ) : (
    <time dateTime={new Date(seconds * 1000).toISOString()}>{formatDateTime(seconds, language)}</time>
  );

/**
 * One action: kind, name as the console's resource link (its page, with the kind badge), state, times,
 * restore point and Kasten's error.
 */
export const ActionDetails: React.FC<{ row: FailedActionRow }> = ({ row }) => {
  const { t, i18n } = useKastenTranslation();
  return (
    <>
      <div className="kasten-console-plugin__failed-action-head">
        <span data-test="failed-action-kind">{row.kind}</span>{' '}
        {/* The kind is written out just before, so the console's kind badge would repeat it; Kasten's kinds
            also get the console's default badge colour, white on #2b9af3, below WCAG AA contrast (axe). */}
        <ResourceLink
          hideIcon
          groupVersionKind={actionGVK(row.kind)}
          name={row.name}
          namespace={row.namespace}
          dataTest="failed-action-link"
          className="kasten-console-plugin__error-message"
          inline
        />{' '}
        <StatusText status={row.state === 'Failed' ? 'fail' : 'warning'} text={row.state} />
      </div>
      <Fields
        fields={[
          {
            term: t('Namespace'),
            value: <ResourceLink groupVersionKind={NAMESPACE_GVK} name={row.namespace} inline />,
            verbatim: true,
          },
          {
            term: t('Started'),
            value: <Time seconds={row.start} language={i18n.language} />,
            testId: 'failed-action-start',
          },
          { term: t('Ended'), value: <Time seconds={row.end} language={i18n.language} />, testId: 'failed-action-end' },
          {
            term: t('Restore point'),
            value: row.restorePoint
              ? t('Yes: {{name}} (status.restorePoint.name)', { name: row.restorePoint })
              : t('None (status.restorePoint is not set)'),
            testId: 'failed-action-restore-point',
          },
        ]}
      />
      <ActionErrorChain causes={row.causes} />
    </>
  );
};

const ActionItem: React.FC<{ row: FailedActionRow }> = ({ row }) => (
  <li className="kasten-console-plugin__failed-action" data-test="failed-action">
    <ActionDetails row={row} />
  </li>
);

/** Why one list is missing, and for a refusal the role binding that would allow it. */
const ListNote: React.FC<{ lists: FailedActionsList[] }> = ({ lists }) => {
  const { t } = useKastenTranslation();
  const first = lists[0];
  if (!first) return null;
  const kinds = lists.map((l) => l.kind).join(', ');
  const namespace = first.namespace;
  if (first.access === 'forbidden') {
    return (
      <Alert
        variant="warning"
        isInline
        isPlain
        component="h4"
        title={t('You may not list {{kinds}} in namespace {{namespace}}.', { kinds, namespace })}
        data-test="failed-actions-forbidden"
      >
        {/* k10-basic for the application's actions; RunActions (Kasten's namespace) get their own permission. */}
        {lists.some((l) => l.kind !== 'RunAction') && <K10BasicHint namespace={namespace} />}
        {lists.some((l) => l.kind === 'RunAction') && <RunActionsHint kastenNamespace={namespace} />}
      </Alert>
    );
  }
  const message =
    first.error instanceof Error
      ? first.error.message
      : String((first.error as { message?: unknown })?.message ?? first.error);
  return (
    <Alert
      variant={first.access === 'no-api' ? 'info' : 'danger'}
      isInline
      isPlain
      component="h4"
      title={
        first.access === 'no-api'
          ? t("This cluster does not serve Kasten's action resources (actions.kio.kasten.io/v1alpha1 {{kinds}}).", {
              kinds,
            })
          : t('{{kinds}} in namespace {{namespace}} could not be read: {{message}}', { kinds, namespace, message })
      }
      data-test="failed-actions-error"
    />
  );
};

export interface FailedActionsViewProps {
  state: FailedActionsState;
  policy: string;
  appNamespace: string;
  /** "in the last 1h" or "still retained": what the list covers. */
  windowText: string;
}

/** The failed and cancelled Kasten actions behind one failure row, with every way the list can be missing. */
export const FailedActionsView: React.FC<FailedActionsViewProps> = ({ state, policy, appNamespace, windowText }) => {
  const { t } = useKastenTranslation();
  if (state.access === 'loading') return <LoadingRows />;
  const refused = state.lists.filter((l) => l.access !== 'ok');
  const groups = new Map<string, FailedActionsList[]>();
  for (const l of refused) {
    const key = `${l.access}\u0000${l.namespace}`;
    groups.set(key, [...(groups.get(key) ?? []), l]);
  }
  const anyAnswered = state.lists.some((l) => l.access === 'ok');
  return (
    <div className="kasten-console-plugin__failed-actions" data-test="failed-actions">
      {[...groups.entries()].map(([key, lists]) => (
        <ListNote key={key} lists={lists} />
      ))}
      {anyAnswered &&
        (state.rows.length === 0 ? (
          <p data-test="failed-actions-empty">
            {t(
              'No failed or cancelled action object of policy {{policy}} for namespace {{namespace}} remains ({{window}}). Kasten may have garbage-collected them; the counts come from its metrics, which outlive the objects.',
              { policy, namespace: appNamespace, window: windowText },
            )}
          </p>
        ) : (
          <ul className="kasten-console-plugin__failed-action-list" aria-label={t('Failed and cancelled actions')}>
            {state.rows.map((r) => (
              <ActionItem key={`${r.kind}/${r.namespace}/${r.name}`} row={r} />
            ))}
          </ul>
        ))}
    </div>
  );
};
