/** What the Overview shows: the rows its tables render and the answers they come from. */
import { RECORD_ROWS } from '../promql/recovery';
import { recoveryPointVerdict, type KastenPolicy, type RecoveryPointVerdict } from './policy';
import type { VectorRow } from './prometheus/parse';
import type { PromQueryState } from './prometheus/types';

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
