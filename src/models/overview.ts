/** What the Overview shows: the rows its tables render and the answers they come from. */
import type { RecoveryPointVerdict } from './policy';
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
  | 'noBackup'
  | 'counterFailures'
  | 'catalogPresent';
