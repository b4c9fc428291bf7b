/**
 * What the Overview shows, as pure functions of the query answers and the
 * Policy list: the row types its tables render, and the decisions (which
 * failure source to trust, which recovery source to read, whether a recovery
 * point is late).
 */
import {
  actionCountsByStatus,
  catalogHistorySeconds,
  clippedLookbackSeconds,
  lastFailureTimestamp,
  metricPresent,
  newFailedActions,
  newFailedActionsFromCounters,
  recoveryFromRecords,
  recoveryPointAgeSeconds,
  retainedFailedActions,
  secondsToDuration,
  CATALOG_ACTIONS,
  type ActionFilter,
} from '../promql';
import { RECORD_ROWS } from '../promql/recovery';
import type { KastenPluginConfig } from './plugin-config';
import { recoveryPointVerdict, type KastenPolicy, type RecoveryPointVerdict } from './policy';
import { vectorRows, type VectorRow } from './prometheus/parse';
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

/**
 * Where the recovery ages came from: the recording rules (one cheap query, any age), or the
 * look-back over the metrics Prometheus still holds (`historySeconds` of them).
 */
export type RecoverySource = 'records' | 'lookback';

export type PolicyAccess = 'loading' | 'ok' | 'forbidden' | 'error';

export type OverviewKey =
  | 'counts'
  | 'newFailures'
  | 'retained'
  | 'lastFailure'
  | 'backupAge'
  | 'exportAge'
  | 'counterFailures'
  | 'catalogPresent'
  | 'recoveryRecords'
  | 'catalogHistory';

export interface OverviewData {
  queries: Record<OverviewKey, string>;
  states: Record<OverviewKey, PromQueryState>;
  statusCounts: Array<{ status: string; count: number }>;
  newFailures: FailureRow[];
  /** Which metric family the new-failures table was computed from. */
  failureSource: 'catalog' | 'counters';
  retained: FailureRow[];
  recovery: RecoveryRow[];
  /** Undefined until the records query answered. */
  recoverySource?: RecoverySource;
  /** Seconds of metrics the ages are drawn from (measured, not assumed). */
  recoveryHistorySeconds?: number;
  /** The state the recovery table waits on: the records query, or the look-back once it is the source. */
  recoveryState: PromQueryState;
  policyAccess: PolicyAccess;
  catalogPresent: boolean | undefined;
}

/** The Policy watch as the SDK returns it: [list, loaded, error]. */
export interface PolicyWatch {
  policies: KastenPolicy[] | undefined;
  loaded: boolean;
  error: unknown;
}

/**
 * The longest recovery-point look-back the verdicts need: twice the allowed age, at least a day, so a
 * late point is still seen with its age. Whole seconds whatever the configured age (a fraction made
 * secondsToDuration throw during render).
 */
export const recoveryPointLookbackBoundSeconds = (recoveryPointMaxAgeSeconds: number): number =>
  Math.max(Math.ceil(2 * recoveryPointMaxAgeSeconds), 86400);

/** The bound as a PromQL duration: the range over which the history itself is measured. */
export const recoveryPointLookback = (recoveryPointMaxAgeSeconds: number): string =>
  secondsToDuration(recoveryPointLookbackBoundSeconds(recoveryPointMaxAgeSeconds));

/** The look-back queries: sent only when the records are absent, since they cost seconds at thousands of policies. */
export const LOOKBACK_KEYS: ReadonlySet<OverviewKey> = new Set(['backupAge', 'exportAge', 'catalogHistory']);

/** The look-back ages: sent after `catalogHistory` has measured the history their range is clipped to. */
export const LOOKBACK_AGE_KEYS: ReadonlySet<OverviewKey> = new Set(['backupAge', 'exportAge']);

/**
 * The last-failure subquery: sent only while some new-failure row has no time from the records (see
 * `lastFailureLookbackNeeded`), since at thousands of policies it is the Overview's slowest query.
 */
export const FAILURE_LOOKBACK_KEY = 'lastFailure' satisfies OverviewKey;

/** The measured history in a `catalogHistory` answer; undefined when no catalog sample was found. */
export const measuredHistorySeconds = (data: PromResult | undefined): number | undefined => vectorRows(data)[0]?.value;

/**
 * The queries of one Overview refresh: the look-back ones (LOOKBACK_KEYS) only go out without the records.
 * `historySeconds` is the measured history (`catalogHistory`'s answer): the look-back ages cover exactly
 * that, rounded up to an hour (see `clippedLookbackSeconds`); unknown, they cover the whole bound.
 */
export const overviewQueries = (
  config: KastenPluginConfig,
  windowDuration: string,
  exportedNamespace?: string,
  historySeconds?: number,
): Record<OverviewKey, string> => {
  const f: ActionFilter | undefined = exportedNamespace ? { exportedNamespace } : undefined;
  const bound = recoveryPointLookbackBoundSeconds(config.recoveryPointMaxAgeSeconds);
  const rpLookback = secondsToDuration(bound);
  const ageLookback = secondsToDuration(clippedLookbackSeconds(historySeconds, bound));
  return {
    counts: actionCountsByStatus(config, f),
    newFailures: newFailedActions(config, windowDuration, f),
    retained: retainedFailedActions(config, f),
    lastFailure: lastFailureTimestamp(config, windowDuration, f),
    backupAge: recoveryPointAgeSeconds(config, ageLookback, 'backup', f),
    exportAge: recoveryPointAgeSeconds(config, ageLookback, 'export', f),
    counterFailures: newFailedActionsFromCounters(config, windowDuration, f),
    catalogPresent: metricPresent(config, CATALOG_ACTIONS),
    recoveryRecords: recoveryFromRecords(config, f, windowDuration),
    catalogHistory: catalogHistorySeconds(config, rpLookback),
  };
};

/** A row with failures; a NaN/Inf count stays (shown as no value with its reason), never dropped as "none". */
const keepFailureRow = (r: { value: number }): boolean => !(r.value <= 0);

const key3 = (l: Record<string, string>) => `${l.policy ?? ''}\u0000${l.type ?? ''}\u0000${l.exported_namespace ?? ''}`;

export const statusCountRows = (data: PromResult | undefined): Array<{ status: string; count: number }> =>
  vectorRows(data)
    .map((r) => ({ status: r.labels.status ?? '', count: r.value }))
    .sort((a, b) => a.status.localeCompare(b.status));

/**
 * Whether the catalog's action series exist; undefined until the presence query has answered. An empty partial
 * answer (warnings) cannot show the metric is absent: undecided, not "switch to counters".
 */
export const catalogPresence = (data: PromResult | undefined, warnings?: string[]): boolean | undefined => {
  if (data === undefined) return undefined;
  const present = vectorRows(data).length > 0;
  return !present && warnings?.length ? undefined : present;
};

/** Last-failure times the records answer carries (`recoveryFromRecords`' `last_failure` rows), by policy, type and namespace. */
const recordedLastFailures = (records: PromResult | undefined): Map<string, number> =>
  new Map(
    vectorRows(records)
      .filter((r) => r.labels.kcp_row === RECORD_ROWS.lastFailure)
      .map((r) => [key3(r.labels), r.value]),
  );

/**
 * Whether the last-failure subquery must go out: some catalog new-failure row has no time from the
 * records (its failures predate the record, or the rules are not installed). Undefined until both
 * answers are in; false when the failures come from the counters, which carry no time.
 */
export const lastFailureLookbackNeeded = (answers: {
  newFailures: PromResult | undefined;
  records: PromResult | undefined;
  catalogPresent: boolean | undefined;
}): boolean | undefined => {
  if (answers.catalogPresent === false) return false;
  if (answers.newFailures === undefined || answers.records === undefined) return undefined;
  const recorded = recordedLastFailures(answers.records);
  return vectorRows(answers.newFailures).some((r) => keepFailureRow(r) && !recorded.has(key3(r.labels)));
};

/**
 * New failures in the window. Without the catalog's series (an older Kasten, or
 * a catalog not scraped) the executor's counters are the only source left. A row's last failure is
 * the records' time (exact whenever present), else the subquery's.
 */
export const newFailureRows = (answers: {
  newFailures: PromResult | undefined;
  records?: PromResult | undefined;
  lastFailure: PromResult | undefined;
  counterFailures: PromResult | undefined;
  catalogPresent: boolean | undefined;
}): { rows: FailureRow[]; source: 'catalog' | 'counters' } => {
  const counterRows = vectorRows(answers.counterFailures);
  if (answers.catalogPresent === false && counterRows.length > 0) {
    return {
      source: 'counters',
      rows: counterRows.filter(keepFailureRow).map((r) => ({
        policy: r.labels.policy ?? '',
        type: r.labels.type ?? '',
        namespace: r.labels.app ?? '',
        count: r.value,
      })),
    };
  }
  const recorded = recordedLastFailures(answers.records);
  const lastByKey = new Map(vectorRows(answers.lastFailure).map((r) => [key3(r.labels), r.value]));
  return {
    source: 'catalog',
    rows: vectorRows(answers.newFailures)
      .filter(keepFailureRow)
      .map((r) => ({
        policy: r.labels.policy ?? '',
        type: r.labels.type ?? '',
        namespace: r.labels.exported_namespace ?? '',
        count: Math.round(r.value),
        lastFailure: recorded.get(key3(r.labels)) ?? lastByKey.get(key3(r.labels)),
      })),
  };
};

export const retainedFailureRows = (data: PromResult | undefined): FailureRow[] =>
  vectorRows(data)
    .filter(keepFailureRow)
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

const pairKey = (l: Record<string, string>) => `${l.policy ?? ''}\u0000${l.exported_namespace ?? ''}`;

export interface RecoveryInputs {
  source: RecoverySource;
  /** The answer of `recoveryFromRecords`: its `known` rows serve both sources. */
  records: VectorRow[];
  /** The look-back answers (source 'lookback'). */
  backupAge: VectorRow[];
  exportAge: VectorRow[];
  /** Seconds of catalog history (look-back), from `catalogHistorySeconds`. */
  catalogHistorySeconds?: number;
  policies: Map<string, KastenPolicy>;
  maxAgeSeconds: number;
}

/**
 * One row per policy and application namespace the catalog knows, never dropped for lack of a
 * success: the age is then undefined and the verdict says whether the history is long enough to
 * call it a failure (see `recoveryPointVerdict`).
 */
export const recoveryRows = (input: RecoveryInputs): { rows: RecoveryRow[]; historySeconds?: number } => {
  const map = new Map<string, RecoveryRow>();
  const rowFor = (labels: Record<string, string>): RecoveryRow => {
    const k = pairKey(labels);
    let row = map.get(k);
    if (!row) {
      row = { policy: labels.policy ?? '', namespace: labels.exported_namespace ?? '', verdict: 'unknown' };
      map.set(k, row);
    }
    return row;
  };
  let historySeconds: number | undefined = input.catalogHistorySeconds;
  if (input.source === 'records') {
    historySeconds = undefined;
    for (const r of input.records) {
      const kind = r.labels.kcp_row;
      if (kind === RECORD_ROWS.history) historySeconds = r.value;
      else if (kind === RECORD_ROWS.known) rowFor(r.labels);
      else if (kind === RECORD_ROWS.age && r.labels.exported_namespace) {
        if (r.labels.type === 'backup') rowFor(r.labels).backupAgeSeconds = r.value;
        else if (r.labels.type === 'export') rowFor(r.labels).exportAgeSeconds = r.value;
      }
    }
  } else {
    for (const r of input.records) if (r.labels.kcp_row === RECORD_ROWS.known) rowFor(r.labels);
    for (const r of input.backupAge) rowFor(r.labels).backupAgeSeconds = r.value;
    // Kasten files some retired exports under an empty application namespace; such a row is not an application.
    for (const r of input.exportAge) if (r.labels.exported_namespace) rowFor(r.labels).exportAgeSeconds = r.value;
  }
  const rows = [...map.values()].map((row) => {
    const policy = input.policies.get(row.policy);
    const { verdict, expectedSeconds } = recoveryPointVerdict(
      row.backupAgeSeconds,
      policy,
      input.maxAgeSeconds,
      historySeconds,
    );
    return { ...row, frequency: policy?.spec?.frequency, verdict, expectedSeconds };
  });
  rows.sort((a, b) => (b.backupAgeSeconds ?? Infinity) - (a.backupAgeSeconds ?? Infinity));
  return { rows, historySeconds };
};

/** Everything the Overview shows, from one round of answers and the Policy watch. */
export const shapeOverview = (
  queries: Record<OverviewKey, string>,
  states: Record<OverviewKey, PromQueryState>,
  watch: PolicyWatch,
  recoveryPointMaxAgeSeconds: number,
  recoverySource: RecoverySource | undefined,
): OverviewData => {
  const policies = new Map<string, KastenPolicy>();
  for (const p of Array.isArray(watch.policies) ? watch.policies : [])
    if (p.metadata?.name) policies.set(p.metadata.name, p);
  const recovery = recoveryRows({
    source: recoverySource ?? 'records',
    records: vectorRows(states.recoveryRecords.data),
    backupAge: vectorRows(states.backupAge.data),
    exportAge: vectorRows(states.exportAge.data),
    catalogHistorySeconds: measuredHistorySeconds(states.catalogHistory.data),
    policies,
    maxAgeSeconds: recoveryPointMaxAgeSeconds,
  });
  const catalogPresent = catalogPresence(states.catalogPresent.data, states.catalogPresent.warnings);
  const failures = newFailureRows({
    newFailures: states.newFailures.data,
    records: states.recoveryRecords.data,
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
    recovery: recovery.rows,
    recoverySource,
    recoveryHistorySeconds: recovery.historySeconds,
    // The table waits on the records query, or on the look-back once that is the source.
    recoveryState:
      recoverySource === 'lookback'
        ? states.backupAge
        : recoverySource === 'records'
          ? states.recoveryRecords
          : { ...states.recoveryRecords, loading: true },
    policyAccess: policyAccessOf(watch.loaded, watch.error),
    catalogPresent,
  };
};

/** Which recovery source the records answer points to: the records when their history row is there. */
export const recoverySourceOf = (records: PromResult | undefined): RecoverySource | undefined =>
  records === undefined
    ? undefined
    : vectorRows(records).some((r) => r.labels.kcp_row === RECORD_ROWS.history)
      ? 'records'
      : 'lookback';
