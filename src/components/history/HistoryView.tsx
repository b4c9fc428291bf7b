import * as React from 'react';
import { useKastenTranslation } from '../../i18n';
import type { HistoryData } from '../../hooks/useHistoryData';
import { formatNumber } from '../../utils/format';
import { Panel } from '../common/Panel';
import { QueryStatus } from '../common/QueryStatus';
import { LazyChart } from './LazyChart';
import { FormField } from '../common/FormField';

export interface HistoryViewProps {
  data: HistoryData;
  policy: string | undefined;
  onPolicyChange: (p: string | undefined) => void;
  formatTime: (ms: number) => string;
}

export const HistoryView: React.FC<HistoryViewProps> = ({ data, policy, onPolicyChange, formatTime }) => {
  const { t, i18n } = useKastenTranslation();
  const fmt = (v: number) => formatNumber(v, i18n.language, 0);
  const noData = <p>{t('No data in this time range.')}</p>;
  return (
    <div className="kasten-console-plugin__grid">
      <FormField id="kasten-isolate-policy" label={t('Isolate one policy')} className="kasten-console-plugin__filter">
        <select
          id="kasten-isolate-policy"
          value={policy ?? ''}
          onChange={(e) => onPolicyChange(e.target.value || undefined)}
          data-test="isolate-policy"
        >
          <option value="">{t('All policies')}</option>
          {policy && !data.policies.includes(policy) && <option value={policy}>{policy}</option>}
          {data.policies.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </FormField>
      <Panel
        id="history-status"
        title={t('Actions by status')}
        queries={[{ label: t('Actions by status'), query: data.queries.byStatus }]}
      >
        <QueryStatus state={data.states.byStatus} isEmpty={data.byStatus.length === 0} empty={noData}>
          <LazyChart
            title={t('Actions by status')}
            series={data.byStatus}
            nameOf={(l) => l.status ?? ''}
            formatValue={fmt}
            formatTime={formatTime}
            integer
          />
        </QueryStatus>
      </Panel>
      <Panel
        id="history-new-failures"
        title={t('New failures per interval')}
        queries={[{ label: t('New failures per interval'), query: data.queries.newPerStep }]}
      >
        <QueryStatus state={data.states.newPerStep} isEmpty={data.newPerStep.length === 0} empty={noData}>
          <LazyChart
            title={t('New failures per interval')}
            series={data.newPerStep}
            nameOf={() => t('New failures')}
            formatValue={fmt}
            formatTime={formatTime}
            integer
          />
        </QueryStatus>
      </Panel>
      <Panel
        id="history-failed-policies"
        title={
          policy ? t('Retained failures of {{policy}}', { policy }) : t('Retained failures, policies with the most')
        }
        queries={[{ label: t('Retained failures per policy'), query: data.queries.failedByPolicy }]}
      >
        <QueryStatus state={data.states.failedByPolicy} isEmpty={data.failedByPolicy.length === 0} empty={noData}>
          <LazyChart
            title={t('Retained failures per policy')}
            series={data.failedByPolicy}
            nameOf={(l) => l.policy ?? ''}
            formatValue={fmt}
            formatTime={formatTime}
            integer
          />
        </QueryStatus>
      </Panel>
    </div>
  );
};
