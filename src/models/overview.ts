/**
 * What the Overview shows, as pure functions of the query answers and the
 * Policy list: the row types its tables render, and the decisions (which
 * failure source to trust, whether a recovery point is late).
 */
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
import type { KastenPluginConfig } from './plugin-config';
import { recoveryPointVerdict, type KastenPolicy, type RecoveryPointVerdict } from './policy';
import { vectorRows } from './prometheus/parse';
import type { PromQueryState, PromResult } from './prometheus/types';

export interface FailureRow {
  policy: string;
  type: string;
  namespace: string;
  count: number;
  lastFailure?: number;
}

export interface RecoveryRow {
  policy: string;
  namespace: string;
  backupAgeSeconds?: number;
  exportAgeSeconds?: number;
  frequency?: string;
  verdict: RecoveryPointVerdict;
  expectedSeconds?: number;
}

export type PolicyAccess = 'loading' | 'ok' | 'forbidden' | 'error';

export type OverviewKey =
  | 'counts'
  | 'newFailures'
  | 'retained'
  | 'lastFailure'
  | 'backupAge'
  | 'exportAge'
  | 'noBackup'
  | 'counterFailures'
  | 'catalogPresent';

export interface OverviewData {
  queries: Record<OverviewKey, string>;
  states: Record<OverviewKey, PromQueryState>;
  statusCounts: Array<{ status: string; count: number }>;
  newFailures: FailureRow[];
  /** Which metric family the new-failures table was computed from. */
  failureSource: 'catalog' | 'counters';
  retained: FailureRow[];
  recovery: RecoveryRow[];
  policyAccess: PolicyAccess;
  catalogPresent: boolean | undefined;
}

/** The Policy watch as the SDK returns it: [list, loaded, error]. */
export interface PolicyWatch {
  policies: KastenPolicy[] | undefined;
  loaded: boolean;
  error: unknown;
}

/** Look-back for recovery-point ages: twice the allowed age, at least a day, so a late point is still seen. */
export const recoveryPointLookback = (recoveryPointMaxAgeSeconds: number): string =>
  secondsToDuration(Math.max(2 * recoveryPointMaxAgeSeconds, 86400));

/** The nine queries of one Overview refresh. */
export const overviewQueries = (
  config: KastenPluginConfig,
  windowDuration: string,
  exportedNamespace?: string,
): Record<OverviewKey, string> => {
  const f: ActionFilter | undefined = exportedNamespace ? { exportedNamespace } : undefined;
  const rpLookback = recoveryPointLookback(config.recoveryPointMaxAgeSeconds);
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
};

const key3 = (l: Record<string, string>) => `${l.policy ?? ''}\u0000${l.type ?? ''}\u0000${l.exported_namespace ?? ''}`;
const key2 = (l: Record<string, string>) => `${l.policy ?? ''}\u0000${l.exported_namespace ?? ''}`;

export const statusCountRows = (data: PromResult | undefined): Array<{ status: string; count: number }> =>
  vectorRows(data)
    .map((r) => ({ status: r.labels.status ?? '', count: r.value }))
    .sort((a, b) => a.status.localeCompare(b.status));

/** Whether the catalog's action series exist; undefined until the presence query has answered. */
export const catalogPresence = (data: PromResult | undefined): boolean | undefined =>
  data ? vectorRows(data).length > 0 : undefined;

/**
 * New failures in the window. Without the catalog's series (an older Kasten, or
 * a catalog not scraped) the executor's counters are the only source left.
 */
export const newFailureRows = (answers: {
  newFailures: PromResult | undefined;
  lastFailure: PromResult | undefined;
  counterFailures: PromResult | undefined;
  catalogPresent: boolean | undefined;
}): { rows: FailureRow[]; source: 'catalog' | 'counters' } => {
  const counterRows = vectorRows(answers.counterFailures);
  if (answers.catalogPresent === false && counterRows.length > 0) {
    return {
      source: 'counters',
      rows: counterRows
        .filter((r) => r.value > 0)
        .map((r) => ({
          policy: r.labels.policy ?? '',
          type: r.labels.type ?? '',
          namespace: r.labels.app ?? '',
          count: r.value,
        })),
    };
  }
  const lastByKey = new Map(vectorRows(answers.lastFailure).map((r) => [key3(r.labels), r.value]));
  return {
    source: 'catalog',
    rows: vectorRows(answers.newFailures)
      .filter((r) => r.value > 0)
      .map((r) => ({
        policy: r.labels.policy ?? '',
        type: r.labels.type ?? '',
        namespace: r.labels.exported_namespace ?? '',
        count: Math.round(r.value),
        lastFailure: lastByKey.get(key3(r.labels)),
      })),
  };
};

export const retainedFailureRows = (data: PromResult | undefined): FailureRow[] =>
  vectorRows(data)
    .filter((r) => r.value > 0)
    .map((r) => ({
      policy: r.labels.policy ?? '',
      type: r.labels.type ?? '',
      namespace: r.labels.exported_namespace ?? '',
      count: r.value,
    }));

const httpStatus = (err: unknown): number | undefined => {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; response?: { status?: unknown } };
  const s = e.response?.status ?? e.code;
  return typeof s === 'number' ? s : undefined;
};

/** Whether the user may read Kasten's Policies, from the watch's outcome. */
export const policyAccessOf = (loaded: boolean, error: unknown): PolicyAccess => {
  if (error) {
    const status = httpStatus(error);
    return status === 403 || status === 401 ? 'forbidden' : 'error';
  }
  return loaded ? 'ok' : 'loading';
};

/** One row per policy and application namespace, oldest backup first, each with its verdict. */
export const recoveryRows = (
  answers: { backupAge: PromResult | undefined; exportAge: PromResult | undefined; noBackup: PromResult | undefined },
  policies: KastenPolicy[] | undefined,
  recoveryPointMaxAgeSeconds: number,
): RecoveryRow[] => {
  const policyByName = new Map<string, KastenPolicy>();
  for (const p of Array.isArray(policies) ? policies : []) if (p.metadata?.name) policyByName.set(p.metadata.name, p);

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
  for (const r of vectorRows(answers.backupAge)) rowFor(r.labels).backupAgeSeconds = r.value;
  // Kasten files some retired exports under an empty application namespace; such a row is not an application.
  for (const r of vectorRows(answers.exportAge))
    if (r.labels.exported_namespace) rowFor(r.labels).exportAgeSeconds = r.value;
  for (const r of vectorRows(answers.noBackup)) rowFor(r.labels);
  const recovery = [...recoveryMap.values()].map((row) => {
    const policy = policyByName.get(row.policy);
    const { verdict, expectedSeconds } = recoveryPointVerdict(row.backupAgeSeconds, policy, recoveryPointMaxAgeSeconds);
    return { ...row, frequency: policy?.spec?.frequency, verdict, expectedSeconds };
  });
  recovery.sort((a, b) => (b.backupAgeSeconds ?? Infinity) - (a.backupAgeSeconds ?? Infinity));
  return recovery;
};

/** Everything the Overview shows, from one round of answers and the Policy watch. */
export const shapeOverview = (
  queries: Record<OverviewKey, string>,
  states: Record<OverviewKey, PromQueryState>,
  watch: PolicyWatch,
  recoveryPointMaxAgeSeconds: number,
): OverviewData => {
  const catalogPresent = catalogPresence(states.catalogPresent.data);
  const failures = newFailureRows({
    newFailures: states.newFailures.data,
    lastFailure: states.lastFailure.data,
    counterFailures: states.counterFailures.data,
    catalogPresent,
  });
  return {
    queries,
    states,
    statusCounts: statusCountRows(states.counts.data),
    newFailures: failures.rows,
    failureSource: failures.source,
    retained: retainedFailureRows(states.retained.data),
    recovery: recoveryRows(
      { backupAge: states.backupAge.data, exportAge: states.exportAge.data, noBackup: states.noBackup.data },
      watch.policies,
      recoveryPointMaxAgeSeconds,
    ),
    policyAccess: policyAccessOf(watch.loaded, watch.error),
    catalogPresent,
  };
};
