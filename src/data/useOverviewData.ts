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
  recoveryPointAgeSeconds,
  retainedFailedActions,
  secondsToDuration,
  withoutRecoveryPoint,
  CATALOG_ACTIONS,
  type ActionFilter,
} from '../promql';
import { recoveryPointVerdict, type KastenPolicy } from '../models/policy';
import type { FailureRow, OverviewData, OverviewKey, PolicyAccess, RecoveryRow } from '../models/overview';

const key3 = (l: Record<string, string>) => `${l.policy ?? ''}\u0000${l.type ?? ''}\u0000${l.exported_namespace ?? ''}`;
const key2 = (l: Record<string, string>) => `${l.policy ?? ''}\u0000${l.exported_namespace ?? ''}`;

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
      noBackup: withoutRecoveryPoint(config, rpLookback, 'backup', f),
      counterFailures: newFailedActionsFromCounters(config, windowDuration, f),
      catalogPresent: metricPresent(config, CATALOG_ACTIONS),
    };
  }, [config, windowDuration, exportedNamespace, rpLookback]);

  const requests = React.useMemo(
    (): PromQueryRequest[] => Object.entries(queries).map(([key, query]) => ({ key, kind: 'instant', query })),
    [queries],
  );
  const states = usePrometheusQueries(requests) as Record<OverviewKey, PromQueryState>;

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

    const recoveryMap = new Map<string, RecoveryRow>();
    const rowFor = (labels: Record<string, string>): RecoveryRow => {
      const k = key2(labels);
      let row = recoveryMap.get(k);
      if (!row) {
        row = { policy: labels.policy ?? '', namespace: labels.exported_namespace ?? '', verdict: 'unknown' };
        recoveryMap.set(k, row);
      }
      return row;
    };
    for (const r of vectorRows(states.backupAge.data)) rowFor(r.labels).backupAgeSeconds = r.value;
    // Kasten files some retired exports under an empty application namespace; such a row is not an application.
    for (const r of vectorRows(states.exportAge.data))
      if (r.labels.exported_namespace) rowFor(r.labels).exportAgeSeconds = r.value;
    for (const r of vectorRows(states.noBackup.data)) rowFor(r.labels);
    const recovery = [...recoveryMap.values()].map((row) => {
      const policy = policyByName.get(row.policy);
      const { verdict, expectedSeconds } = recoveryPointVerdict(
        row.backupAgeSeconds,
        policy,
        config.recoveryPointMaxAgeSeconds,
      );
      return { ...row, frequency: policy?.spec?.frequency, verdict, expectedSeconds };
    });
    recovery.sort((a, b) => (b.backupAgeSeconds ?? Infinity) - (a.backupAgeSeconds ?? Infinity));

    return {
      queries,
      states,
      statusCounts,
      newFailures,
      failureSource: useCounters ? 'counters' : 'catalog',
      retained,
      recovery,
      policyAccess,
      catalogPresent,
    };
  }, [states, queries, policies, policiesLoaded, policiesError, config.recoveryPointMaxAgeSeconds]);
};
