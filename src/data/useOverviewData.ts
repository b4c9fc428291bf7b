import * as React from 'react';
import { useK8sWatchResource } from '../console-sdk';
import { useKastenConfig } from './useKastenConfig';
import { usePrometheusQueries } from './prometheus/usePrometheusQueries';
import type { PromQueryRequest, PromQueryState } from '../models/prometheus/types';
import type { KastenPolicy } from '../models/policy';
import {
  LOOKBACK_KEYS,
  overviewQueries,
  recoverySourceOf,
  shapeOverview,
  type OverviewData,
  type OverviewKey,
  type RecoverySource,
} from '../models/overview';

export type { FailureRow, OverviewData, OverviewKey, PolicyAccess, RecoveryRow } from '../models/overview';

const POLICY_GVK = { group: 'config.kio.kasten.io', version: 'v1alpha1', kind: 'Policy' };
const NOT_SENT = { loading: false, stale: false } as const;

const instantRequests = (
  queries: Record<OverviewKey, string>,
  keep: (key: OverviewKey) => boolean,
): PromQueryRequest[] =>
  (Object.entries(queries) as Array<[OverviewKey, string]>)
    .filter(([key]) => keep(key))
    .map(([key, query]) => ({ key, kind: 'instant', query }));

/**
 * Everything the Overview shows, from one round of parallel queries per refresh and a watch on Kasten's Policies.
 * The look-back queries go out as a second round, and only when the recording rules are absent.
 */
export const useOverviewData = (windowDuration: string, exportedNamespace?: string): OverviewData => {
  const { config } = useKastenConfig();
  const queries = React.useMemo(
    () => overviewQueries(config, windowDuration, exportedNamespace),
    [config, windowDuration, exportedNamespace],
  );

  // Decided by the records answer's history row, then kept until an answer says otherwise, so the request list (and
  // the queries per refresh) stays fixed.
  const [recoverySource, setRecoverySource] = React.useState<RecoverySource | undefined>(undefined);
  const requests = React.useMemo(() => instantRequests(queries, (key) => !LOOKBACK_KEYS.has(key)), [queries]);
  const lookbackRequests = React.useMemo(
    () => (recoverySource === 'lookback' ? instantRequests(queries, (key) => LOOKBACK_KEYS.has(key)) : []),
    [queries, recoverySource],
  );
  const main = usePrometheusQueries(requests) as Partial<Record<OverviewKey, PromQueryState>>;
  const lookback = usePrometheusQueries(lookbackRequests) as Partial<Record<OverviewKey, PromQueryState>>;
  const states = React.useMemo(
    () =>
      Object.fromEntries(
        (Object.keys(queries) as OverviewKey[]).map((k) => [k, main[k] ?? lookback[k] ?? NOT_SENT]),
      ) as Record<OverviewKey, PromQueryState>,
    [queries, main, lookback],
  );
  const recordsData = states.recoveryRecords.data;
  React.useEffect(() => {
    const source = recoverySourceOf(recordsData);
    if (source) setRecoverySource(source);
  }, [recordsData]);

  const [policies, policiesLoaded, policiesError] = useK8sWatchResource<KastenPolicy[]>({
    groupVersionKind: POLICY_GVK,
    namespace: config.kastenNamespace,
    isList: true,
  });

  return React.useMemo(
    () =>
      shapeOverview(
        queries,
        states,
        { policies, loaded: policiesLoaded, error: policiesError },
        config.recoveryPointMaxAgeSeconds,
        recoverySource,
      ),
    [states, queries, policies, policiesLoaded, policiesError, config.recoveryPointMaxAgeSeconds, recoverySource],
  );
};
