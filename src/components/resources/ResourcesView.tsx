import * as React from 'react';
import { Title } from '@patternfly/react-core/dist/esm/components/Title/Title';
import { useKastenTranslation } from '../../i18n';
import type { ResourcesData } from '../../models/resources';
import { nonFiniteReason, type VectorRow } from '../../models/prometheus/parse';
import { formatBytes, formatNumber } from '../../utils/format';
import { Panel } from '../common/Panel';
import { LoadingRows, QueryStatus } from '../common/QueryStatus';
import { MetricValue, NoValue } from '../common/MetricValue';
import { StatusText } from '../common/StatusText';
import { LazyChart } from '../history/LazyChart';
import { ThresholdValue } from './ThresholdValue';

export const loadVolumesTable = () => import(/* webpackChunkName: "volumes" */ './VolumesTable');
const VolumesTable = React.lazy(loadVolumesTable);

const Counts: React.FC<{ rows: VectorRow[]; labelOf: (r: VectorRow) => string; testId: string }> = ({
  rows,
  labelOf,
  testId,
}) => (
  <ul className="kasten-console-plugin__plain-list" data-test={testId}>
    {rows.map((r) => (
      <li key={labelOf(r)}>
        {labelOf(r)}:{' '}
        <strong>
          <MetricValue value={r.value} format={String} />
        </strong>
      </li>
    ))}
  </ul>
);

export const ResourcesView: React.FC<{ data: ResourcesData; formatTime: (ms: number) => string }> = ({
  data,
  formatTime,
}) => {
  const { t, i18n } = useKastenTranslation();
  const { queries, states, thresholds } = data;
  const bytes = (v: number) => formatBytes(v, i18n.language);
  const licenceReason = data.licenseCompliant === undefined ? undefined : nonFiniteReason(data.licenseCompliant);
  const cores = (v: number) => t('{{cores}} cores', { cores: formatNumber(v, i18n.language, 3) });
  const percent = (v: number) => `${formatNumber(v, i18n.language, 1)}%`;
  const noData = <p>{t('No data in this time range.')}</p>;
  const platformHint = t(
    "No series for the Kasten namespace. These platform metrics come from OpenShift's own monitoring (kubelet/cAdvisor); reading them needs cluster-monitoring-view or view in the Kasten namespace.",
  );
  const controllerHint = t(
    "Not scraped. Add a ServiceMonitor for Kasten's controllermanager and metering services (Setup tab).",
  );
  return (
    <div className="kasten-console-plugin__grid">
      <Panel
        id="memory"
        title={t('Kasten memory')}
        queries={[
          { label: t('Memory working set'), query: queries.memory },
          { label: t('Memory working set over time'), query: queries.memoryHistory, range: data.range },
        ]}
      >
        <QueryStatus state={states.memory} isEmpty={false} empty={null}>
          <ThresholdValue
            label={t('Working set')}
            value={data.memoryBytes}
            threshold={thresholds.memoryBytes}
            format={bytes}
            absentHint={platformHint}
            testId="memory-value"
          />
        </QueryStatus>
        <QueryStatus state={states.memoryHistory} isEmpty={data.history.memory.length === 0} empty={noData}>
          <LazyChart
            title={t('Kasten memory over time')}
            series={data.history.memory}
            nameOf={() => t('Working set')}
            formatValue={bytes}
            binary
            formatTime={formatTime}
            threshold={{ value: thresholds.memoryBytes, label: t('Threshold') }}
          />
        </QueryStatus>
      </Panel>
      <Panel
        id="cpu"
        title={t('Kasten CPU')}
        queries={[
          { label: t('CPU usage'), query: queries.cpu },
          { label: t('CPU usage over time'), query: queries.cpuHistory, range: data.range },
        ]}
      >
        <QueryStatus state={states.cpu} isEmpty={false} empty={null}>
          <ThresholdValue
            label={t('Usage')}
            value={data.cpuCores}
            threshold={thresholds.cpuCores}
            format={cores}
            absentHint={platformHint}
            testId="cpu-value"
          />
        </QueryStatus>
        <QueryStatus state={states.cpuHistory} isEmpty={data.history.cpu.length === 0} empty={noData}>
          <LazyChart
            title={t('Kasten CPU over time')}
            series={data.history.cpu}
            nameOf={() => t('Usage')}
            formatValue={(v) => formatNumber(v, i18n.language, 3)}
            formatTime={formatTime}
            threshold={{ value: thresholds.cpuCores, label: t('Threshold') }}
          />
        </QueryStatus>
      </Panel>
      <Panel
        id="pvc"
        title={t('Kasten volumes')}
        description={t("Kasten's upgrade check needs the catalog volume at least half free.")}
        queries={[
          { label: t('Catalog volume used'), query: queries.catalogPvc },
          { label: t('Catalog volume used over time'), query: queries.catalogPvcHistory, range: data.range },
          { label: t('Jobs volume used'), query: queries.jobsPvc },
          { label: t('Logging volume used'), query: queries.loggingPvc },
        ]}
      >
        <QueryStatus state={states.catalogPvc} isEmpty={false} empty={null}>
          <React.Suspense fallback={<LoadingRows />}>
            <VolumesTable used={data.pvcUsedPercent} catalogWarnAbove={thresholds.catalogPvcUsedPercent} />
          </React.Suspense>
        </QueryStatus>
        <QueryStatus state={states.catalogPvcHistory} isEmpty={data.history.catalogPvc.length === 0} empty={noData}>
          <LazyChart
            title={t('Catalog volume used over time')}
            series={data.history.catalogPvc}
            nameOf={() => t('Catalog volume used')}
            formatValue={percent}
            formatTime={formatTime}
            threshold={{ value: thresholds.catalogPvcUsedPercent, label: t('Threshold') }}
          />
        </QueryStatus>
      </Panel>
      <Panel
        id="kasten-health"
        title={t('Compliance, policies and profiles')}
        queries={[
          { label: t('Compliance'), query: queries.compliance },
          { label: t('Policy validity'), query: queries.policies },
          { label: t('Profile validity'), query: queries.profiles },
          { label: t('Licence'), query: queries.license },
        ]}
      >
        <Title headingLevel="h3" size="md" className="kasten-console-plugin__subtitle">
          {t('Application compliance')}
        </Title>
        <QueryStatus state={states.compliance} isEmpty={data.compliance.length === 0} empty={<p>{controllerHint}</p>}>
          <Counts rows={data.compliance} labelOf={(r) => r.labels.state ?? ''} testId="compliance" />
        </QueryStatus>
        <Title headingLevel="h3" size="md" className="kasten-console-plugin__subtitle">
          {t('Policies')}
        </Title>
        <QueryStatus state={states.policies} isEmpty={data.policies.length === 0} empty={<p>{controllerHint}</p>}>
          <Counts
            rows={data.policies}
            labelOf={(r) => `${r.labels.action ?? ''} ${r.labels.status ?? ''}`}
            testId="policies"
          />
        </QueryStatus>
        <Title headingLevel="h3" size="md" className="kasten-console-plugin__subtitle">
          {t('Profiles')}
        </Title>
        <QueryStatus state={states.profiles} isEmpty={data.profiles.length === 0} empty={<p>{controllerHint}</p>}>
          <Counts
            rows={data.profiles}
            labelOf={(r) => `${r.labels.type ?? ''} ${r.labels.status ?? ''}`}
            testId="profiles"
          />
        </QueryStatus>
        <Title headingLevel="h3" size="md" className="kasten-console-plugin__subtitle">
          {t('Licence')}
        </Title>
        <QueryStatus
          state={states.license}
          isEmpty={data.licenseCompliant === undefined}
          empty={<p>{controllerHint}</p>}
        >
          {licenceReason ? (
            <NoValue reason={licenceReason} />
          ) : data.licenseCompliant === 1 ? (
            <StatusText status="pass" text={t('Licence compliant')} />
          ) : (
            <StatusText status="fail" text={t('Licence not compliant')} />
          )}
        </QueryStatus>
      </Panel>
    </div>
  );
};
