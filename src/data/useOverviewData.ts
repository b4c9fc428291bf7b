import * as React from 'react';
import { useK8sWatchResource } from '../console-sdk';
import { useKastenConfig } from './useKastenConfig';
import { usePrometheusQueries } from './prometheus/usePrometheusQueries';
import type { PromQueryRequest, PromQueryState } from '../models/prometheus/types';
import type { KastenPolicy } from '../models/policy';
import {
  FAILURE_LOOKBACK_KEY,
  LOOKBACK_AGE_KEYS,
  LOOKBACK_KEYS,
  catalogPresence,
  lastFailureLookbackNeeded,
  measuredHistorySeconds,
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

const LOADING = { loading: true, stale: false } as const;

/**
 * Everything the Overview shows, from one round of parallel queries per refresh and a watch on Kasten's Policies.
 * Without the recording rules, two more rounds follow: `catalogHistory` measures the history Prometheus holds,
 * then the look-back ages go out over just that range. After the first refresh their texts are known (they change
 * at most once an hour), so later refreshes send all of them at once. The last-failure subquery goes out only while
 * a new-failure row has no time from the records answer, in its own round so it never aborts the main one.
 */
export const useOverviewData = (windowDuration: string, exportedNamespace?: string): OverviewData => {
  const { config, loaded: configLoaded } = useKastenConfig();
  const unclipped = React.useMemo(
    () => overviewQueries(config, windowDuration, exportedNamespace),
    [config, windowDuration, exportedNamespace],
  );

  // Decided by the records answer's history row, then kept until an answer says otherwise, so the request list (and
  // the queries per refresh) stays fixed.
  const [recoverySource, setRecoverySource] = React.useState<RecoverySource | undefined>(undefined);
  // Decided from the new failures and the records answer, then kept until an answer says otherwise (see above).
  const [failureLookback, setFailureLookback] = React.useState(false);
  const requests = React.useMemo(
    () => instantRequests(unclipped, (key) => !LOOKBACK_KEYS.has(key) && key !== FAILURE_LOOKBACK_KEY),
    [unclipped],
  );
  const failureRequests = React.useMemo(
    () => (failureLookback ? instantRequests(unclipped, (key) => key === FAILURE_LOOKBACK_KEY) : []),
    [unclipped, failureLookback],
  );
  const historyRequests = React.useMemo(
    () =>
      recoverySource === 'lookback'
        ? instantRequests(unclipped, (key) => LOOKBACK_KEYS.has(key) && !LOOKBACK_AGE_KEYS.has(key))
        : [],
    [unclipped, recoverySource],
  );
  const main = usePrometheusQueries(requests) as Partial<Record<OverviewKey, PromQueryState>>;
  const history = usePrometheusQueries(historyRequests) as Partial<Record<OverviewKey, PromQueryState>>;
  const failureTimes = usePrometheusQueries(failureRequests) as Partial<Record<OverviewKey, PromQueryState>>;

  // Undefined until the history query has answered (or failed: then the ages cover the whole bound).
  const historyState = history.catalogHistory;
  const historyAnswered = historyState !== undefined && (historyState.data !== undefined || !!historyState.error);
  const measured = historyAnswered ? measuredHistorySeconds(historyState.data) : undefined;
  const queries = React.useMemo(
    () => (historyAnswered ? overviewQueries(config, windowDuration, exportedNamespace, measured) : unclipped),
    [historyAnswered, config, windowDuration, exportedNamespace, measured, unclipped],
  );
  const ageRequests = React.useMemo(
    () =>
      recoverySource === 'lookback' && historyAnswered
        ? instantRequests(queries, (key) => LOOKBACK_AGE_KEYS.has(key))
        : [],
    [queries, recoverySource, historyAnswered],
  );
  const ages = usePrometheusQueries(ageRequests) as Partial<Record<OverviewKey, PromQueryState>>;
  const states = React.useMemo(
    () =>
      Object.fromEntries(
        (Object.keys(queries) as OverviewKey[]).map((k) => [
          k,
          main[k] ??
            history[k] ??
            failureTimes[k] ??
            ages[k] ??
            // A look-back age waiting for the history round is loading, not absent.
            (recoverySource === 'lookback' && LOOKBACK_AGE_KEYS.has(k) ? LOADING : NOT_SENT),
        ]),
      ) as Record<OverviewKey, PromQueryState>,
    [queries, main, history, failureTimes, ages, recoverySource],
  );
  const recordsData = states.recoveryRecords.data;
  React.useEffect(() => {
    const source = recoverySourceOf(recordsData);
    if (source) setRecoverySource(source);
  }, [recordsData]);
  const newFailuresData = states.newFailures.data;
  const presenceData = states.catalogPresent.data;
  const presenceWarnings = states.catalogPresent.warnings;
  React.useEffect(() => {
    const needed = lastFailureLookbackNeeded({
      newFailures: newFailuresData,
      records: recordsData,
      catalogPresent: catalogPresence(presenceData, presenceWarnings),
    });
    if (needed !== undefined) setFailureLookback(needed);
  }, [newFailuresData, recordsData, presenceData, presenceWarnings]);

  // Not before plugin-config.json names the Kasten namespace (see useSetupChecks).
  const [policies, policiesLoaded, policiesError] = useK8sWatchResource<KastenPolicy[]>(
    configLoaded ? { groupVersionKind: POLICY_GVK, namespace: config.kastenNamespace, isList: true } : null,
  );

  return React.useMemo(
    () =>
      shapeOverview(
        queries,
        states,
        { policies, loaded: configLoaded && policiesLoaded, error: policiesError },
        config.recoveryPointMaxAgeSeconds,
        recoverySource,
      ),
    [
      states,
      queries,
      policies,
      configLoaded,
      policiesLoaded,
      policiesError,
      config.recoveryPointMaxAgeSeconds,
      recoverySource,
    ],
  );
};
