/**
 * Exact text of the last-failure record and the page's read of it. What the numbers are on real data
 * (equal to `lastFailureTimestamp`, carried past the data horizon, exact between evaluations) is proven
 * against a real Prometheus in test/promql/last-failure-record.test.ts.
 */
import {
  DEFAULT_QUERY_CONFIG,
  DEFAULT_RECORDING,
  GAP_BRIDGE,
  LAST_FAILURE_LOOKBACK_RECORD,
  LAST_FAILURE_RECORD,
  RECENT_FAILURE_WINDOW,
  RECORD_ROWS,
  durationSeconds,
  lastFailureFromRecord,
  lastFailureLookbackRecordExpr,
  lastFailureRecordExpr,
  lastFailureTimestamp,
  recoveryFromRecords,
  recoveryRecordingGroups,
} from './index';

const cfg = DEFAULT_QUERY_CONFIG;
const RECORD_KEY = ['namespace', 'policy', 'exported_namespace', 'type'];

describe('the last-failure record', () => {
  test('the look-back record is the page subquery over failureLookback, keeping the Kasten namespace', () => {
    const expr = lastFailureLookbackRecordExpr(cfg, DEFAULT_RECORDING);
    expect(expr).toBe(lastFailureTimestamp(cfg, '6h', undefined, RECORD_KEY));
    expect(expr.startsWith('max by (namespace, policy, exported_namespace, type) (max_over_time(')).toBe(true);
    // Every step's rise keeps the namespace too, or the record's namespace label would be empty.
    expect(expr).toContain('max by (namespace, policy, type, exported_namespace, status) (last_over_time(');
    expect(expr).toContain('[6h:30s] offset -1ms');
  });

  test('the carrying record: the newest of recent rises, its own previous value and the look-back record', () => {
    expect(lastFailureRecordExpr(cfg, DEFAULT_RECORDING)).toBe(
      `max by (namespace, policy, exported_namespace, type) (` +
        `label_replace(${lastFailureTimestamp(cfg, '10m', undefined, RECORD_KEY)}, "kcp_source", "rise", "", "")` +
        ` or label_replace(last_over_time(${LAST_FAILURE_RECORD}{namespace="kasten-io"}[6h]), "kcp_source", "held", "", "")` +
        ` or label_replace(last_over_time(${LAST_FAILURE_LOOKBACK_RECORD}{namespace="kasten-io"}[2h]), "kcp_source", "lookback", "", ""))`,
    );
  });

  test('both records are in the leaf-prometheus groups: the carry every minute, the look-back hourly', () => {
    const groups = recoveryRecordingGroups(cfg);
    const where = (record: string) => groups.find((g) => g.rules.some((r) => r.record === record))?.interval;
    expect(where(LAST_FAILURE_RECORD)).toBe('1m');
    expect(where(LAST_FAILURE_LOOKBACK_RECORD)).toBe('1h');
  });
});

describe("the page's read", () => {
  test.each([
    [
      'whole Kasten namespace, one-hour window',
      undefined,
      '1h',
      `max by (policy, type, exported_namespace) (last_over_time(${LAST_FAILURE_RECORD}{namespace="kasten-io"}[5m]) or ${lastFailureTimestamp(cfg, RECENT_FAILURE_WINDOW)}) > (time() - 3600)`,
    ],
    [
      'one application namespace, 90 days',
      { exportedNamespace: 'sh"op' },
      '90d',
      `max by (policy, type, exported_namespace) (last_over_time(${LAST_FAILURE_RECORD}{namespace="kasten-io",exported_namespace="sh\\"op"}[5m]) or ${lastFailureTimestamp(cfg, RECENT_FAILURE_WINDOW, { exportedNamespace: 'sh"op' })}) > (time() - 7776000)`,
    ],
  ])('%s', (_name, filter, window, want) => {
    expect(lastFailureFromRecord(cfg, window, filter)).toBe(want);
  });

  test('the recent read covers the record read twice over (its newest sample within 5m)', () => {
    expect(durationSeconds(RECENT_FAILURE_WINDOW)).toBeGreaterThanOrEqual(2 * durationSeconds(GAP_BRIDGE));
  });

  test('a bad window is refused, not sent', () => {
    expect(() => lastFailureFromRecord(cfg, '1 hour')).toThrow(/invalid PromQL duration/);
  });

  test('the records query carries the rows only when given the window', () => {
    expect(recoveryFromRecords(cfg)).not.toContain(RECORD_ROWS.lastFailure);
    const withTimes = recoveryFromRecords(cfg, undefined, '1h');
    expect(withTimes.startsWith(recoveryFromRecords(cfg))).toBe(true);
    expect(
      withTimes.endsWith(` or label_replace(${lastFailureFromRecord(cfg, '1h')}, "kcp_row", "last_failure", "", "")`),
    ).toBe(true);
  });
});
