/** Tab containers: each calls its data hook and hands the result to its view. */
import * as React from 'react';
import { useHistoryData } from '../data/useHistoryData';
import { useOverviewData } from '../data/useOverviewData';
import { useResourcesData } from '../data/useResourcesData';
import { useUrlParam } from '../hooks/useTimeRange';
import { HistoryView } from '../components/history/HistoryView';
import { usePreloadCharts } from '../components/history/LazyChart';
import { usePreloadTable } from '../components/common/LazyDataTable';
import { loadVolumesTable } from '../components/resources/ResourcesView';
import { OverviewView } from '../components/overview/OverviewView';
import { ResourcesView } from '../components/resources/ResourcesView';

export const OverviewTab: React.FC<{ windowDuration: string; windowLabel: string; namespace?: string }> = ({
  windowDuration,
  windowLabel,
  namespace,
}) => {
  usePreloadTable();
  const data = useOverviewData(windowDuration, namespace);
  const [filter, setFilter] = useUrlParam('filter');
  return <OverviewView data={data} windowLabel={windowLabel} filter={filter} onFilterChange={setFilter} />;
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
