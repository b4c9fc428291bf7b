import * as React from 'react';
import { FormSelect } from '@patternfly/react-core/dist/esm/components/FormSelect/FormSelect';
import { FormSelectOption } from '@patternfly/react-core/dist/esm/components/FormSelect/FormSelectOption';
import { useKastenTranslation } from '../../i18n';
import type { HistoryData } from '../../models/history';
import { formatNumber } from '../../utils/format';
import { Panel } from '../common/Panel';
import { QueryStatus } from '../common/QueryStatus';
import { LazyChart } from './LazyChart';
import type { SeriesTone } from './TimeSeriesChart';
import type { SeriesPoints } from '../../models/prometheus/parse';
import type { CurlRange } from '../../models/prometheus/curl';
import type { PromQueryState } from '../../models/prometheus/types';
import { FormField } from '../common/FormField';

/** Failed and cancelled in PatternFly's danger colours, complete in its success colour; others from the palette. */
const STATUS_TONES: Record<string, SeriesTone | undefined> = {
  failed: 'danger',
  cancelled: 'danger-secondary',
  complete: 'success',
};

/** A panel with one chart of whole-number counts, its query in the open and every query state. */
const CountChartPanel: React.FC<{
  id: string;
  title: string;
  query: string;
  range: CurlRange;
  state: PromQueryState;
  series: SeriesPoints[];
  nameOf: (labels: Record<string, string>) => string;
  formatTime: (ms: number) => string;
  toneOf?: (labels: Record<string, string>) => SeriesTone | undefined;
}> = ({ id, title, query, range, state, series, nameOf, formatTime, toneOf }) => {
  const { t, i18n } = useKastenTranslation();
  return (
    <Panel id={id} title={title} queries={[{ label: title, query, range }]}>
      <QueryStatus state={state} isEmpty={series.length === 0} empty={<p>{t('No data in this time range.')}</p>}>
        <LazyChart
          title={title}
          series={series}
          nameOf={nameOf}
          formatValue={(v) => formatNumber(v, i18n.language, 0)}
          formatTime={formatTime}
          integer
          toneOf={toneOf}
        />
      </QueryStatus>
    </Panel>
  );
};

export interface HistoryViewProps {
  data: HistoryData;
  policy: string | undefined;
  onPolicyChange: (p: string | undefined) => void;
  formatTime: (ms: number) => string;
}

export const HistoryView: React.FC<HistoryViewProps> = ({ data, policy, onPolicyChange, formatTime }) => {
  const { t } = useKastenTranslation();
  return (
    <div className="kasten-console-plugin__grid">
      <FormField id="kasten-isolate-policy" label={t('Isolate one policy')} className="kasten-console-plugin__filter">
        <FormSelect
          id="kasten-isolate-policy"
          value={policy ?? ''}
          onChange={(_e, v) => onPolicyChange(v || undefined)}
          data-test="isolate-policy"
        >
          <FormSelectOption value="" label={t('All policies')} />
          {policy && !data.policies.includes(policy) && <FormSelectOption value={policy} label={policy} />}
          {data.policies.map((p) => (
            <FormSelectOption key={p} value={p} label={p} />
          ))}
        </FormSelect>
      </FormField>
      <CountChartPanel
        range={data.range}
        id="history-status"
        title={t('Actions by status')}
        query={data.queries.byStatus}
        state={data.states.byStatus}
        series={data.byStatus}
        nameOf={(l) => l.status ?? ''}
        toneOf={(l) => STATUS_TONES[l.status ?? '']}
        formatTime={formatTime}
      />
      <CountChartPanel
        range={data.range}
        id="history-new-failures"
        title={t('New failures per interval')}
        query={data.queries.newPerStep}
        state={data.states.newPerStep}
        series={data.newPerStep}
        nameOf={() => t('New failures')}
        toneOf={() => 'danger'}
        formatTime={formatTime}
      />
      <CountChartPanel
        range={data.range}
        id="history-failed-policies"
        title={
          policy ? t('Retained failures of {{policy}}', { policy }) : t('Retained failures, policies with the most')
        }
        query={data.queries.failedByPolicy}
        state={data.states.failedByPolicy}
        series={data.failedByPolicy}
        nameOf={(l) => l.policy ?? ''}
        formatTime={formatTime}
      />
    </div>
  );
};
