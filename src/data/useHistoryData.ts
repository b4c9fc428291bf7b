import * as React from 'react';
import { useKastenConfig } from './useKastenConfig';
import { matrixSeries, vectorRows } from '../models/prometheus/parse';
import type { PromQueryRequest, PromQueryState } from '../models/prometheus/types';
import type { HistoryData, HistoryKey } from '../models/history';
import { usePrometheusQueries } from './prometheus/usePrometheusQueries';
import { type ActionFilter } from '../promql';
import {
  actionsByStatusHistory,
  knownPolicies,
  newFailuresPerStep,
  retainedFailuresTopPolicies,
} from '../promql/history';
import { promDuration, rangeStepSeconds } from '../hooks/time-range';

/** Charted policies without isolation: enough to see the worst, few enough to read. */
export const TOP_POLICIES = 8;

export const useHistoryData = (
  timeRangeMs: number,
  endTime: number | undefined,
  exportedNamespace: string | undefined,
  policy: string | undefined,
): HistoryData => {
  const { config } = useKastenConfig();
  const step = rangeStepSeconds(timeRangeMs);
  const queries = React.useMemo((): Record<HistoryKey, string> => {
    const f: ActionFilter = {};
    if (exportedNamespace) f.exportedNamespace = exportedNamespace;
    if (policy) f.policy = policy;
    const nsOnly: ActionFilter | undefined = exportedNamespace ? { exportedNamespace } : undefined;
    return {
      byStatus: actionsByStatusHistory(config, f),
      failedByPolicy: retainedFailuresTopPolicies(config, TOP_POLICIES, f),
      newPerStep: newFailuresPerStep(config, promDuration(step * 1000), f),
      policies: knownPolicies(config, nsOnly),
    };
  }, [config, exportedNamespace, policy, step]);

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
  return React.useMemo(
    () => ({
      queries,
      states,
      byStatus: matrixSeries(states.byStatus.data),
      failedByPolicy: matrixSeries(states.failedByPolicy.data),
      newPerStep: matrixSeries(states.newPerStep.data),
      policies: vectorRows(states.policies.data)
        .map((r) => r.labels.policy ?? '')
        .filter((p) => p !== '')
        .sort(),
    }),
    [queries, states],
  );
};
