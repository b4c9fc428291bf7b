import * as React from 'react';
import { useKastenConfig } from './useKastenConfig';
import type { PromQueryRequest, PromQueryState } from '../models/prometheus/types';
import { usePrometheusQueries } from './prometheus/usePrometheusQueries';
import { historyQueries, shapeHistory, type HistoryData, type HistoryKey } from '../models/history';
import { rangeStepSeconds } from '../hooks/time-range';

export const useHistoryData = (
  timeRangeMs: number,
  endTime: number | undefined,
  exportedNamespace: string | undefined,
  policy: string | undefined,
): HistoryData => {
  const { config } = useKastenConfig();
  const step = rangeStepSeconds(timeRangeMs);
  const queries = React.useMemo(
    () => historyQueries(config, step, exportedNamespace, policy),
    [config, exportedNamespace, policy, step],
  );

  const requests = React.useMemo((): PromQueryRequest[] => {
    const range = (key: HistoryKey): PromQueryRequest => ({
      key,
      kind: 'range',
      query: queries[key],
      spanSeconds: timeRangeMs / 1000,
      stepSeconds: step,
      end: endTime !== undefined ? endTime / 1000 : undefined,
    });
    return [
      range('byStatus'),
      range('failedByPolicy'),
      range('newPerStep'),
      { key: 'policies', kind: 'instant', query: queries.policies },
    ];
  }, [queries, timeRangeMs, step, endTime]);

  const states = usePrometheusQueries(requests) as Record<HistoryKey, PromQueryState>;
  return React.useMemo(() => shapeHistory(queries, states), [queries, states]);
};
