/** What the History tab charts, as pure functions of its query answers. */
import type { ActionFilter } from '../promql';
import {
  actionsByStatusHistory,
  knownPolicies,
  newFailuresPerStep,
  retainedFailuresTopPolicies,
} from '../promql/history';
import { promDuration } from '../hooks/time-range';
import type { KastenPluginConfig } from './plugin-config';
import { matrixSeries, vectorRows, type SeriesPoints } from './prometheus/parse';
import type { PromQueryState, PromResult } from './prometheus/types';

export type HistoryKey = 'byStatus' | 'failedByPolicy' | 'newPerStep' | 'policies';

export interface HistoryData {
  queries: Record<HistoryKey, string>;
  states: Record<HistoryKey, PromQueryState>;
  byStatus: SeriesPoints[];
  failedByPolicy: SeriesPoints[];
  newPerStep: SeriesPoints[];
  policies: string[];
}

/** Charted policies without isolation: enough to see the worst, few enough to read. */
export const TOP_POLICIES = 8;

/** The History queries; `policies` (the policy picker's choices) is narrowed by namespace only. */
export const historyQueries = (
  config: KastenPluginConfig,
  stepSeconds: number,
  exportedNamespace: string | undefined,
  policy: string | undefined,
): Record<HistoryKey, string> => {
  const f: ActionFilter = {};
  if (exportedNamespace) f.exportedNamespace = exportedNamespace;
  if (policy) f.policy = policy;
  const nsOnly: ActionFilter | undefined = exportedNamespace ? { exportedNamespace } : undefined;
  return {
    byStatus: actionsByStatusHistory(config, f),
    failedByPolicy: retainedFailuresTopPolicies(config, TOP_POLICIES, f),
    newPerStep: newFailuresPerStep(config, promDuration(stepSeconds * 1000), f),
    policies: knownPolicies(config, nsOnly),
  };
};

/** Policy names for the picker: non-empty, sorted. */
export const policyNames = (data: PromResult | undefined): string[] =>
  vectorRows(data)
    .map((r) => r.labels.policy ?? '')
    .filter((p) => p !== '')
    .sort();

export const shapeHistory = (
  queries: Record<HistoryKey, string>,
  states: Record<HistoryKey, PromQueryState>,
): HistoryData => ({
  queries,
  states,
  byStatus: matrixSeries(states.byStatus.data),
  failedByPolicy: matrixSeries(states.failedByPolicy.data),
  newPerStep: matrixSeries(states.newPerStep.data),
  policies: policyNames(states.policies.data),
});
