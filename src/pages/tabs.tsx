/** Tab containers: each calls its data hook and hands the result to its view. */
import * as React from 'react';
import { useHistoryData } from '../data/useHistoryData';
import type { OverviewData } from '../models/overview';
import { useOverviewData } from '../data/useOverviewData';
import { useRecoveryObjects } from '../data/useRecoveryObjects';
import { useRecoveryRulesPresence } from '../data/useRecoveryRulesPresence';
import {
  MAX_OBJECT_NAMESPACES,
  combineRecoveryRows,
  refusedLists,
  objectsTargets,
  type ObjectsTarget,
} from '../models/recovery-objects';
import type { RecoveryObjectsView } from '../components/overview/RecoveryPointsTable';
import { useResourcesData } from '../data/useResourcesData';
import { useUrlParam } from '../hooks/useTimeRange';
import { HistoryView } from '../components/history/HistoryView';
import { usePreloadCharts } from '../components/history/LazyChart';
import { usePreloadTable } from '../components/common/LazyDataTable';
import { loadVolumesTable } from '../components/resources/ResourcesView';
import { OverviewView } from '../components/overview/OverviewView';
import { ResourcesView } from '../components/resources/ResourcesView';
import type { FailureRow } from '../models/overview';
import { useKastenTranslation } from '../i18n';
import { LazyFailedActions } from './LazyFailedActions';

export const OverviewTab: React.FC<{
  windowDuration: string;
  windowLabel: string;
  /** The new-failures window in seconds: an open row lists the actions that ended in it. */
  windowSeconds: number;
  namespace?: string;
}> = ({ windowDuration, windowLabel, windowSeconds, namespace }) => {
  const { t } = useKastenTranslation();
  usePreloadTable();
  const data = useOverviewData(windowDuration, namespace);
  const [filter, setFilter] = useUrlParam('filter');
  const renderFailureDetails = React.useCallback(
    (row: FailureRow, table: 'window' | 'retained') => (
      <LazyFailedActions
        policy={row.policy}
        appNamespace={row.namespace}
        // Taken when the row opens: the list covers the same window the count was read over.
        sinceSeconds={table === 'window' ? Math.floor(Date.now() / 1000) - windowSeconds : 0}
        windowText={
          table === 'window'
            ? t('ended in the last {{window}}', { window: windowLabel })
            : t('of any age, as Kasten still retains them')
        }
      />
    ),
    [t, windowLabel, windowSeconds],
  );
  const recoveryObjects = useRecoveryObjectsView(data.recovery, data.recoverySource);
  // Only when the records have no sample: then the note must say whether the rules are installed at all.
  const recoveryRules = useRecoveryRulesPresence(data.recoverySource === 'lookback');
  return (
    <OverviewView
      data={data}
      windowLabel={windowLabel}
      filter={filter}
      onFilterChange={setFilter}
      renderFailureDetails={renderFailureDetails}
      recoveryObjects={recoveryObjects}
      recoveryRules={recoveryRules}
    />
  );
};

/**
 * Kasten's RestorePoints and Complete actions for the recovery rows on screen (issue 11, item 3):
 * which namespaces to read is decided from the rows, the lists are watched, and each row is combined
 * with them. Undefined until the metrics have said where their ages come from.
 */
const useRecoveryObjectsView = (
  rows: OverviewData['recovery'],
  source: OverviewData['recoverySource'],
): RecoveryObjectsView | undefined => {
  // By value: a refresh hands new row objects, but the same targets must keep the same watches.
  const targetsKey = JSON.stringify(source ? objectsTargets(rows) : []);
  const targets = React.useMemo(() => JSON.parse(targetsKey) as ObjectsTarget[], [targetsKey]);
  const states = useRecoveryObjects(targets);
  return React.useMemo(() => {
    if (!source) return undefined;
    const combined = combineRecoveryRows(rows, source, targets, states, Date.now() / 1000);
    return {
      rows: combined,
      refused: refusedLists(states),
      notRead: combined.filter((r) => r.objectsCheck === 'not-read').length,
      maxNamespaces: MAX_OBJECT_NAMESPACES,
    };
  }, [rows, source, targets, states]);
};

export const HistoryTab: React.FC<{
  timeRangeMs: number;
  endTime?: number;
  namespace?: string;
  formatTime: (ms: number) => string;
}> = ({ timeRangeMs, endTime, namespace, formatTime }) => {
  usePreloadCharts();
  const [policy, setPolicy] = useUrlParam('policy');
  const data = useHistoryData(timeRangeMs, endTime, namespace, policy);
  return <HistoryView data={data} policy={policy} onPolicyChange={setPolicy} formatTime={formatTime} />;
};

export const ResourcesTab: React.FC<{ timeRangeMs: number; endTime?: number; formatTime: (ms: number) => string }> = ({
  timeRangeMs,
  endTime,
  formatTime,
}) => {
  usePreloadCharts();
  React.useEffect(() => {
    void loadVolumesTable();
  }, []);
  const data = useResourcesData(timeRangeMs, endTime);
  return <ResourcesView data={data} formatTime={formatTime} />;
};

export { LazySetupTab as SetupTabContainer, LazySetupBanner as SetupBannerContainer } from './setup/LazySetup';
