import * as React from 'react';
import { TextInput } from '@patternfly/react-core/dist/esm/components/TextInput/TextInput';
import { useKastenTranslation } from '../../i18n';
import type { FailureRow, OverviewData } from '../../models/overview';
import { Panel } from '../common/Panel';
import { QueryStatus } from '../common/QueryStatus';
import { FailuresTable, filterFailures } from './FailuresTable';
import {
  RecoveryObjectsNote,
  RecoveryPointsTable,
  RecoverySourceNote,
  type RecoveryObjectsView,
  type RecoveryRulesView,
} from './RecoveryPointsTable';
import { StatusCounts } from './StatusCounts';
import { FormField } from '../common/FormField';

export interface OverviewViewProps {
  data: OverviewData;
  windowLabel: string;
  filter: string | undefined;
  onFilterChange: (v: string | undefined) => void;
  /** The failed action objects behind a row of the new (`window`) or retained (`retained`) failures table. */
  renderFailureDetails?: (row: FailureRow, table: 'window' | 'retained') => React.ReactNode;
  /** The recovery rows combined with Kasten's RestorePoints and actions; without it, the metrics' rows. */
  recoveryObjects?: RecoveryObjectsView;
  /** Whether the recording rules are installed, read when their records have no sample. */
  recoveryRules?: RecoveryRulesView;
}

export const OverviewView: React.FC<OverviewViewProps> = ({
  data,
  windowLabel,
  filter,
  onFilterChange,
  renderFailureDetails,
  recoveryObjects,
  recoveryRules,
}) => {
  const { t } = useKastenTranslation();
  const { states, queries } = data;
  const newRows = filterFailures(data.newFailures, filter);
  const retainedRows = filterFailures(data.retained, filter);
  const renderNewDetails = React.useMemo(
    () => renderFailureDetails && ((r: FailureRow) => renderFailureDetails(r, 'window')),
    [renderFailureDetails],
  );
  const renderRetainedDetails = React.useMemo(
    () => renderFailureDetails && ((r: FailureRow) => renderFailureDetails(r, 'retained')),
    [renderFailureDetails],
  );
  const noActionYet = (
    <p>
      {t(
        'No Kasten action has been recorded yet. catalog_actions_count appears once Kasten has run an action (backup, export, restore...). Run a policy, then come back; if actions have run, see the Setup tab.',
      )}
    </p>
  );
  const failureSourceNote =
    data.failureSource === 'counters'
      ? t('Counted from the action_<type>_ended_count counters (catalog_actions_count is not scraped).')
      : t('Counted from rises of catalog_actions_count at scrape resolution; retirements never count.');
  return (
    <div className="kasten-console-plugin__grid">
      <Panel
        id="status-counts"
        title={t('Actions by status')}
        description={t('Actions the Kasten catalog holds now.')}
        queries={[{ label: t('Actions by status'), query: queries.counts }]}
      >
        <QueryStatus state={states.counts} isEmpty={data.statusCounts.length === 0} empty={noActionYet}>
          <StatusCounts counts={data.statusCounts} />
        </QueryStatus>
      </Panel>

      <Panel
        id="new-failures"
        title={t('New failures in the last {{window}}', { window: windowLabel })}
        description={failureSourceNote}
        queries={[
          { label: t('New failed actions'), query: queries.newFailures },
          {
            label: t('Last failure time (recorded, and failures newer than the record)'),
            query: queries.recoveryRecords,
          },
          { label: t('Last failure time (look-back, for failures older than the record)'), query: queries.lastFailure },
          { label: t('New failed actions (counters)'), query: queries.counterFailures },
        ]}
      >
        <FormField
          id="kasten-failure-filter"
          label={t('Filter by policy, action type or namespace')}
          className="kasten-console-plugin__filter"
        >
          <TextInput
            id="kasten-failure-filter"
            type="search"
            value={filter ?? ''}
            onChange={(_e, v) => onFilterChange(v)}
            data-test="failure-filter"
          />
        </FormField>
        <QueryStatus
          state={data.failureSource === 'counters' ? states.counterFailures : states.newFailures}
          isEmpty={newRows.length === 0}
          empty={
            <p>
              {filter
                ? t('No new failure matches the filter.')
                : t('No new failed or cancelled action in the last {{window}}.', { window: windowLabel })}
            </p>
          }
        >
          <FailuresTable
            rows={newRows}
            caption={t('New failed actions per policy')}
            countTitle={t('New failures')}
            withLast
            testId="new-failures-table"
            renderDetails={renderNewDetails}
          />
        </QueryStatus>
      </Panel>

      <Panel
        id="retained-failures"
        title={t('Retained failures')}
        description={t(
          'Failed actions Kasten still holds until its garbage collector retires them. They can be old: a count here is not a new failure.',
        )}
        queries={[{ label: t('Retained failed actions'), query: queries.retained }]}
      >
        <QueryStatus
          state={states.retained}
          isEmpty={retainedRows.length === 0}
          empty={<p>{t('Kasten holds no failed or cancelled action.')}</p>}
        >
          <FailuresTable
            rows={retainedRows}
            caption={t('Retained failed actions per policy')}
            countTitle={t('Retained')}
            withLast={false}
            testId="retained-table"
            renderDetails={renderRetainedDetails}
          />
        </QueryStatus>
      </Panel>

      <Panel
        id="recovery-points"
        title={t('Recovery point age')}
        description={
          data.policyAccess === 'forbidden'
            ? t(
                "You may not read Kasten Policy resources, so the maximum age setting is used instead of each policy's frequency.",
              )
            : t("Time since the last successful backup and export, compared with each policy's frequency.")
        }
        queries={
          data.recoverySource === 'lookback'
            ? [
                { label: t('Backup age'), query: queries.backupAge },
                { label: t('Export age'), query: queries.exportAge },
                { label: t('Metrics history'), query: queries.catalogHistory },
                { label: t('Policies and namespaces'), query: queries.recoveryRecords },
              ]
            : [{ label: t('Recorded last success'), query: queries.recoveryRecords }]
        }
      >
        <RecoverySourceNote
          source={data.recoverySource}
          historySeconds={data.recoveryHistorySeconds}
          rules={recoveryRules}
        />
        {recoveryObjects && <RecoveryObjectsNote objects={recoveryObjects} />}
        <QueryStatus
          state={data.recoveryState}
          isEmpty={data.recovery.length === 0}
          empty={<p>{t('No policy with backups in the catalog.')}</p>}
        >
          <RecoveryPointsTable
            rows={recoveryObjects?.rows ?? data.recovery}
            historySeconds={data.recoveryHistorySeconds}
            source={data.recoverySource}
          />
        </QueryStatus>
      </Panel>
    </div>
  );
};
