import * as React from 'react';
import { Link } from '../router';
import { useKastenTranslation } from '../i18n';
import { useTimeRange, useUrlParam } from '../hooks/useTimeRange';
import { promDuration } from '../hooks/time-range';
import { RefreshContext, useRefreshClock } from '../data/prometheus/RefreshContext';
import { useMetricsAccess } from '../data/prometheus/MetricsAccessContext';
import { useKastenConfig } from '../data/useKastenConfig';
import { alertingPageUrl } from '../data/prometheus/urls';
import { formatAge } from '../utils/format';
import { TabBar, tabButtonId, type TabDef } from '../components/layout/TabBar';
import { IgnoredSettingsNote } from '../components/layout/IgnoredSettingsNote';
import { Toolbar } from '../components/layout/Toolbar';
import { OverviewTab, HistoryTab, ResourcesTab, SetupTabContainer, SetupBannerContainer } from './tabs';

type TabKey = 'overview' | 'history' | 'resources' | 'setup';
const TAB_KEYS: TabKey[] = ['overview', 'history', 'resources', 'setup'];

export interface KastenDashboardProps {
  /** Application namespace (`exported_namespace`) the views are narrowed to. */
  namespace?: string;
  /** On the Observe page the namespace is a filter; on a namespace's tab it is fixed. */
  onNamespaceChange?: (ns: string | undefined) => void;
}

/** Wires URL state, the refresh clock and the active tab; the tabs' containers fetch, views render. */
export const KastenDashboard: React.FC<KastenDashboardProps> = ({ namespace, onNamespaceChange }) => {
  const { t, i18n } = useKastenTranslation();
  const range = useTimeRange();
  const clock = useRefreshClock(range.refreshMs);
  const [tabParam, setTab] = useUrlParam('tab');
  const tab: TabKey = TAB_KEYS.includes(tabParam as TabKey) ? (tabParam as TabKey) : 'overview';
  const { access } = useMetricsAccess();
  const { config, ignored: ignoredConfig } = useKastenConfig();
  const tabs: TabDef<TabKey>[] = [
    { key: 'overview', title: t('Overview') },
    { key: 'history', title: t('History') },
    { key: 'resources', title: t('Resources') },
    { key: 'setup', title: t('Setup') },
  ];
  const formatTime = React.useCallback(
    (ms: number) =>
      new Intl.DateTimeFormat(i18n.language, {
        month: 'short',
        day: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
      }).format(ms),
    [i18n.language],
  );
  const windowDuration = promDuration(range.timeRangeMs);
  return (
    <RefreshContext.Provider value={clock}>
      <Toolbar
        timeRangeMs={range.timeRangeMs}
        endTime={range.endTime}
        refreshMs={range.refreshMs}
        onTimeRange={range.setTimeRange}
        onEndTime={range.setEndTime}
        onRefresh={range.setRefresh}
        onRefreshNow={clock.refreshNow}
        namespace={onNamespaceChange ? { value: namespace, onChange: onNamespaceChange } : undefined}
      />
      <IgnoredSettingsNote
        ignoredParams={range.ignoredParams}
        refreshMs={range.refreshMs}
        ignoredConfig={ignoredConfig}
        config={config}
      />
      {access?.mode === 'tenancy' && (
        <p className="kasten-console-plugin__muted" data-test="tenancy-note">
          {t(
            'You read metrics through the tenancy proxy for namespace {{namespace}}: only series of that namespace are visible.',
            {
              namespace: access.namespace,
            },
          )}
        </p>
      )}
      {tab !== 'setup' && <SetupBannerContainer onOpenSetup={() => setTab('setup')} />}
      <TabBar
        tabs={tabs}
        active={tab}
        onSelect={(k) => setTab(k === 'overview' ? undefined : k)}
        label={t('Kasten views')}
        idPrefix="kasten"
      />
      <div
        role="tabpanel"
        id="kasten-panel"
        aria-labelledby={tabButtonId('kasten', tab)}
        className="kasten-console-plugin__tabpanel"
      >
        {tab === 'overview' && (
          <OverviewTab
            windowDuration={windowDuration}
            windowLabel={formatAge(range.timeRangeMs / 1000)}
            windowSeconds={range.timeRangeMs / 1000}
            namespace={namespace}
          />
        )}
        {tab === 'history' && (
          <HistoryTab
            timeRangeMs={range.timeRangeMs}
            endTime={range.endTime}
            namespace={namespace}
            formatTime={formatTime}
          />
        )}
        {tab === 'resources' && (
          <ResourcesTab timeRangeMs={range.timeRangeMs} endTime={range.endTime} formatTime={formatTime} />
        )}
        {tab === 'setup' && <SetupTabContainer />}
      </div>
      <p className="kasten-console-plugin__footer">
        <Link to={alertingPageUrl()} data-test="alerting-link">
          {t('Kasten alerts in Observe > Alerting')}
        </Link>
        {' · '}
        <span className="kasten-console-plugin__muted">
          {t('Kasten namespace: {{namespace}}', { namespace: config.kastenNamespace })}
        </span>
      </p>
    </RefreshContext.Provider>
  );
};
