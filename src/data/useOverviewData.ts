import * as React from 'react';
import { useK8sWatchResource } from '../console-sdk';
import { useKastenConfig } from './useKastenConfig';
import { usePrometheusQueries } from './prometheus/usePrometheusQueries';
import { vectorRows } from '../models/prometheus/parse';
import type { PromQueryRequest, PromQueryState } from '../models/prometheus/types';
import {
  actionCountsByStatus,
  lastFailureTimestamp,
  metricPresent,
  newFailedActions,
  newFailedActionsFromCounters,
  catalogHistorySeconds,
  recoveryFromRecords,
  recoveryPointAgeSeconds,
  retainedFailedActions,
  secondsToDuration,
  CATALOG_ACTIONS,
  RECORD_ROWS,
  type ActionFilter,
} from '../promql';
import type { KastenPolicy } from '../models/policy';
import {
  recoveryRows,
  type FailureRow,
  type OverviewData,
  type OverviewKey,
  type PolicyAccess,
  type RecoverySource,
} from '../models/overview';

const key3 = (l: Record<string, string>) => `${l.policy ?? ''}\u0000${l.type ?? ''}\u0000${l.exported_namespace ?? ''}`;
/** The look-back queries: sent only when the records are absent, since they cost seconds at thousands of policies. */
const LOOKBACK_KEYS: ReadonlySet<OverviewKey> = new Set(['backupAge', 'exportAge', 'catalogHistory']);
const NOT_SENT = { loading: false, stale: false } as const;

const POLICY_GVK = { group: 'config.kio.kasten.io', version: 'v1alpha1', kind: 'Policy' };

const httpStatus = (err: unknown): number | undefined => {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; response?: { status?: unknown } };
  const s = e.response?.status ?? e.code;
  return typeof s === 'number' ? s : undefined;
};

/** Everything the Overview shows, from one round of parallel queries per refresh. */
export const useOverviewData = (windowDuration: string, exportedNamespace?: string): OverviewData => {
  const { config } = useKastenConfig();
  const rpLookback = secondsToDuration(Math.max(2 * config.recoveryPointMaxAgeSeconds, 86400));

  const queries = React.useMemo((): Record<OverviewKey, string> => {
    const f: ActionFilter | undefined = exportedNamespace ? { exportedNamespace } : undefined;
    return {
      counts: actionCountsByStatus(config, f),
      newFailures: newFailedActions(config, windowDuration, f),
      retained: retainedFailedActions(config, f),
      lastFailure: lastFailureTimestamp(config, windowDuration, f),
      backupAge: recoveryPointAgeSeconds(config, rpLookback, 'backup', f),
      exportAge: recoveryPointAgeSeconds(config, rpLookback, 'export', f),
      counterFailures: newFailedActionsFromCounters(config, windowDuration, f),
      catalogPresent: metricPresent(config, CATALOG_ACTIONS),
      recoveryRecords: recoveryFromRecords(config, f),
      catalogHistory: catalogHistorySeconds(config, rpLookback),
    };
  }, [config, windowDuration, exportedNamespace, rpLookback]);

  // Which source the recovery table uses: decided by the records query's `history` row, then kept
  // until the answer says otherwise, so the request list (and the queries per refresh) stays fixed.
  const [recoverySource, setRecoverySource] = React.useState<RecoverySource | undefined>(undefined);
  // Two rounds, so the look-back joining later does not resend every other query.
  const toRequests = (keep: (key: OverviewKey) => boolean): PromQueryRequest[] =>
    (Object.entries(queries) as Array<[OverviewKey, string]>)
      .filter(([key]) => keep(key))
      .map(([key, query]) => ({ key, kind: 'instant', query }));
  const requests = React.useMemo(
    () => toRequests((key) => !LOOKBACK_KEYS.has(key)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [queries],
  );
  const lookbackRequests = React.useMemo(
    () => (recoverySource === 'lookback' ? toRequests((key) => LOOKBACK_KEYS.has(key)) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [queries, recoverySource],
  );
  const main = usePrometheusQueries(requests) as Partial<Record<OverviewKey, PromQueryState>>;
  const lookback = usePrometheusQueries(lookbackRequests) as Partial<Record<OverviewKey, PromQueryState>>;
  const states = React.useMemo(
    () =>
      Object.fromEntries(
        Object.keys(queries).map((k) => [k, main[k as OverviewKey] ?? lookback[k as OverviewKey] ?? NOT_SENT]),
      ) as Record<OverviewKey, PromQueryState>,
    [queries, main, lookback],
  );
  const recordsData = states.recoveryRecords.data;
  React.useEffect(() => {
    if (!recordsData) return;
    const present = vectorRows(recordsData).some((r) => r.labels.kcp_row === RECORD_ROWS.history);
    setRecoverySource(present ? 'records' : 'lookback');
  }, [recordsData]);

  const [policies, policiesLoaded, policiesError] = useK8sWatchResource<KastenPolicy[]>({
    groupVersionKind: POLICY_GVK,
    namespace: config.kastenNamespace,
    isList: true,
  });

  return React.useMemo((): OverviewData => {
    const statusCounts = vectorRows(states.counts.data)
      .map((r) => ({ status: r.labels.status ?? '', count: r.value }))
      .sort((a, b) => a.status.localeCompare(b.status));

    const lastByKey = new Map(vectorRows(states.lastFailure.data).map((r) => [key3(r.labels), r.value]));
    const catalogPresent = states.catalogPresent.data ? vectorRows(states.catalogPresent.data).length > 0 : undefined;
    const counterRows = vectorRows(states.counterFailures.data);
    const useCounters = catalogPresent === false && counterRows.length > 0;
    const newFailures: FailureRow[] = useCounters
      ? counterRows
          .filter((r) => r.value > 0)
          .map((r) => ({
            policy: r.labels.policy ?? '',
            type: r.labels.type ?? '',
            namespace: r.labels.app ?? '',
            count: r.value,
          }))
      : vectorRows(states.newFailures.data)
          .filter((r) => r.value > 0)
          .map((r) => ({
            policy: r.labels.policy ?? '',
            type: r.labels.type ?? '',
            namespace: r.labels.exported_namespace ?? '',
            count: Math.round(r.value),
            lastFailure: lastByKey.get(key3(r.labels)),
          }));
    const retained: FailureRow[] = vectorRows(states.retained.data)
      .filter((r) => r.value > 0)
      .map((r) => ({
        policy: r.labels.policy ?? '',
        type: r.labels.type ?? '',
        namespace: r.labels.exported_namespace ?? '',
        count: r.value,
      }));

    const policyByName = new Map<string, KastenPolicy>();
    const policyList = Array.isArray(policies) ? policies : [];
    for (const p of policyList) if (p.metadata?.name) policyByName.set(p.metadata.name, p);
    const status = httpStatus(policiesError);
    const policyAccess: PolicyAccess = policiesError
      ? status === 403 || status === 401
        ? 'forbidden'
        : 'error'
      : policiesLoaded
        ? 'ok'
        : 'loading';

    const historyRow = vectorRows(states.catalogHistory.data)[0];
    const { rows: recovery, historySeconds } = recoveryRows({
      source: recoverySource ?? 'records',
      records: vectorRows(states.recoveryRecords.data),
      backupAge: vectorRows(states.backupAge.data),
      exportAge: vectorRows(states.exportAge.data),
      catalogHistorySeconds: historyRow?.value,
      policies: policyByName,
      maxAgeSeconds: config.recoveryPointMaxAgeSeconds,
    });
    const recoveryState =
      recoverySource === 'lookback'
        ? states.backupAge
        : recoverySource === 'records'
          ? states.recoveryRecords
          : { ...states.recoveryRecords, loading: true };

    return {
      queries,
      states,
      statusCounts,
      newFailures,
      failureSource: useCounters ? 'counters' : 'catalog',
      retained,
      recovery,
      recoverySource,
      recoveryHistorySeconds: historySeconds,
      recoveryState,
      policyAccess,
      catalogPresent,
    };
  }, [states, queries, policies, policiesLoaded, policiesError, config.recoveryPointMaxAgeSeconds, recoverySource]);
};
