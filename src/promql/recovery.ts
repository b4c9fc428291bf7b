/**
 * The last success, recorded. Kasten exports no "last successful backup" timestamp, and the
 * rises of `catalog_actions_count` that reveal one only last as long as Prometheus keeps the
 * samples (24 h under default user-workload monitoring) while a weekly policy succeeds days
 * apart. So recording rules keep, per policy, application namespace and action type, the time
 * of the newest success, and carry it from one evaluation to the next:
 *
 * - `LAST_SUCCESS_RECORD` (group interval: `interval`, 1m) = the max of
 *     the newest rise in the last `detectWindow` (scrape resolution: exact to a scrape),
 *     its own previous value within `carryGap` (the carry), and
 *     the hourly look-back record (`LAST_SUCCESS_LOOKBACK_RECORD`).
 *   A Prometheus restart (or missed evaluations) shorter than `carryGap` loses nothing: the
 *   previous value is still within reach when evaluation resumes. Longer, the value falls back to
 *   whatever the look-back still finds in the stored history.
 * - `LAST_SUCCESS_LOOKBACK_RECORD` (group interval: `lookbackInterval`, 1h): the page's look-back
 *   query (5 minute step over `lookback`), so successes from before the rules were installed, or
 *   before a long outage, are found once. Its times are exact to a scrape interval too (see
 *   `lastSuccessTimestamp`).
 * - `LOOKBACK_HISTORY_START_RECORD` (look-back group): the start of the catalog history that
 *   evaluation of the look-back searched, recorded beside it.
 * - `HISTORY_START_RECORD`: since when successes are known, carried the same way (min instead of
 *   max), so "no success since T" can be told apart from "no data". It only ever takes a history
 *   start from `LOOKBACK_HISTORY_START_RECORD`, never from the stored catalog directly: Prometheus
 *   runs a newly loaded group's first evaluation at its own slot, up to an interval after loading,
 *   so for up to an hour after install (or after an outage longer than the carry) the 1-minute
 *   group runs while the look-back has not searched anything yet. The stored history would then
 *   claim "successes known since 24 h ago" beside a last success that only knows the last
 *   minutes: the page would call a policy that last succeeded before the install failing, and
 *   the alert would fire. Until the look-back has run there is no history record at all, so the
 *   page takes its own look-back path (no `history` row in `recoveryFromRecords`) and the alert,
 *   which needs a history, stays silent. Recording the searched start beside the look-back,
 *   rather than a "look-back ran at" marker, keeps the claim exact: it is the very range searched,
 *   read by both records over the same `lookbackHold`.
 *
 * - `LAST_FAILURE_RECORD` (same group, same carry): the time of the newest failed or cancelled action
 *   per policy, application namespace and action type, so the Overview's "last failure" column is an
 *   instant read instead of `lastFailureTimestamp`, a subquery at scrape resolution over the whole
 *   window for every failed series (the slowest Overview query at 5000 policies). Failures are rises
 *   of live records only (a retirement must not hide one), so they need scrape resolution; the
 *   hourly `LAST_FAILURE_LOOKBACK_RECORD` finds those from before the rules (or a long outage) over
 *   `failureLookback`. When it has a value, the record is exact: every evaluation looks back
 *   `detectWindow` (several intervals) and the carry keeps the max, so no rise after the first
 *   evaluation can be newer than the recorded one. What it cannot know is a failure from before it
 *   (and before the look-back's range): then it has no value, and the page asks the subquery (see
 *   `recoveryFromRecords` and models/overview.ts).
 *
 * All records carry the Kasten namespace as `namespace` (kept through `by`), which is what
 * OpenShift enforces on rules in that namespace anyway. Each record reads its own previous
 * value: the PrometheusRule must be evaluated by the user-workload Prometheus itself
 * (`openshift.io/prometheus-rule-evaluation-scope: leaf-prometheus`), never by Thanos Ruler,
 * whose partial answers would break the chain.
 */
import {
  CATALOG_ACTIONS,
  RECOVERY_POINT_STEP,
  GAP_BRIDGE,
  catalogActionsSelector,
  kastenNamespaceMatcher,
  lastFailureTimestamp,
  lastSuccessTimestamp,
  overWindow,
  riseAtStep,
} from './actions';
import { type ActionFilter, type KastenQueryConfig } from './config';
import { checkDuration, durationSeconds, escapeLabelValue, promNumber, selector, type Matcher } from './escape';
import { catalogTargetUp } from './health';

export const LAST_SUCCESS_RECORD = 'kasten:recovery_point:last_success_timestamp_seconds';
/** Newest failed or cancelled action, in Kasten's words: actions fail, policies do not. */
export const LAST_FAILURE_RECORD = 'kasten:actions:last_failure_timestamp_seconds';
export const LAST_FAILURE_LOOKBACK_RECORD = 'kasten:actions:last_failure_lookback_timestamp_seconds';
export const LAST_SUCCESS_LOOKBACK_RECORD = 'kasten:recovery_point:last_success_lookback_timestamp_seconds';
export const HISTORY_START_RECORD = 'kasten:recovery_point:history_start_timestamp_seconds';
export const LOOKBACK_HISTORY_START_RECORD = 'kasten:recovery_point:lookback_history_start_timestamp_seconds';
/** Allowed age of a policy's recovery point in seconds; 0 = no schedule (on demand, paused): never alert. */
export const EXPECTED_AGE_RECORD = 'kasten:policy:recovery_point_allowed_age_seconds';

export const RECOVERY_TYPES = 'backup|export' as const;

export interface RecordingOptions {
  /** How far back a rise is looked for at each evaluation: several evaluation intervals, so a missed evaluation loses nothing. */
  detectWindow: string;
  /** Longest Prometheus outage (restart) the carried value survives. */
  carryGap: string;
  /** Look-back of the hourly record that finds successes older than the carry (at install, after a long outage). */
  lookback: string;
  /** How long the look-back record's value stays usable: more than its group interval. */
  lookbackHold: string;
  /** Evaluation interval of the carrying group. */
  interval: string;
  /** Evaluation interval of the look-back group: the expensive query, run rarely. */
  lookbackInterval: string;
  /**
   * Look-back of the hourly last-failure record, at scrape resolution (unlike successes, a failure
   * may be netted against a retirement at a coarser step): failures older than this from before the
   * rules are left to the page's own subquery.
   */
  failureLookback: string;
}

export const DEFAULT_RECORDING: RecordingOptions = {
  detectWindow: '10m',
  carryGap: '6h',
  lookback: '2d',
  lookbackHold: '2h',
  interval: '1m',
  lookbackInterval: '1h',
  failureLookback: '6h',
};

const RECORD_KEY_LABELS = ['namespace', 'policy', 'exported_namespace', 'type'] as const;
const RECORD_KEY = RECORD_KEY_LABELS.join(', ');

const nsMatcher = (cfg: KastenQueryConfig): Matcher => kastenNamespaceMatcher(cfg);

const tagged = (expr: string, source: string): string => `label_replace(${expr}, "kcp_source", "${source}", "", "")`;

const recordSelector = (cfg: KastenQueryConfig, record: string, extra: readonly Matcher[] = []): string =>
  selector(record, [nsMatcher(cfg), ...extra]);

/** Complete actions (live and retired) of both recovery types; see `successSelectorWithRetired` in actions.ts. */
const successSelector = (cfg: KastenQueryConfig): string =>
  selector(CATALOG_ACTIONS, [nsMatcher(cfg), ['type', '=~', RECOVERY_TYPES], ['status', '=', 'complete']]);

/** Newest rise of complete records in `window` at scrape resolution, per record key. */
export const recentSuccessTimestamp = (cfg: KastenQueryConfig, window: string): string =>
  `max by (${RECORD_KEY}) (max_over_time(${overWindow(
    cfg,
    `timestamp(${riseAtStep(cfg, successSelector(cfg), ['namespace', 'policy', 'type', 'exported_namespace', 'status'], true)} > 0)`,
    window,
  )}))`;

/** The look-back record: the page's look-back query, by record key (both types at once). */
export const lastSuccessLookbackRecordExpr = (cfg: KastenQueryConfig, opts: RecordingOptions): string =>
  lastSuccessTimestamp(cfg, opts.lookback, RECOVERY_TYPES, undefined, RECORD_KEY_LABELS);

/** The carrying record: newest recent rise, own previous value, look-back record; the newest wins. */
export const lastSuccessRecordExpr = (cfg: KastenQueryConfig, opts: RecordingOptions): string =>
  `max by (${RECORD_KEY}) (${[
    tagged(recentSuccessTimestamp(cfg, opts.detectWindow), 'rise'),
    tagged(`last_over_time(${recordSelector(cfg, LAST_SUCCESS_RECORD)}[${checkDuration(opts.carryGap)}])`, 'held'),
    tagged(
      `last_over_time(${recordSelector(cfg, LAST_SUCCESS_LOOKBACK_RECORD)}[${checkDuration(opts.lookbackHold)}])`,
      'lookback',
    ),
  ].join(' or ')})`;

/** The last-failure look-back record: the page's last-failure query over `failureLookback`, by record key. */
export const lastFailureLookbackRecordExpr = (cfg: KastenQueryConfig, opts: RecordingOptions): string =>
  lastFailureTimestamp(cfg, opts.failureLookback, undefined, RECORD_KEY_LABELS);

/** The carrying last-failure record: newest recent failure, own previous value, look-back record; the newest wins. */
export const lastFailureRecordExpr = (cfg: KastenQueryConfig, opts: RecordingOptions): string =>
  `max by (${RECORD_KEY}) (${[
    tagged(lastFailureTimestamp(cfg, opts.detectWindow, undefined, RECORD_KEY_LABELS), 'rise'),
    tagged(`last_over_time(${recordSelector(cfg, LAST_FAILURE_RECORD)}[${checkDuration(opts.carryGap)}])`, 'held'),
    tagged(
      `last_over_time(${recordSelector(cfg, LAST_FAILURE_LOOKBACK_RECORD)}[${checkDuration(opts.lookbackHold)}])`,
      'lookback',
    ),
  ].join(' or ')})`;

/**
 * Earliest catalog sample within `lookback` (the target up), at the recovery step: the start of the
 * metrics history Prometheus really holds. One series per catalog target, so cheap at any scale.
 */
export const catalogHistoryStart = (cfg: KastenQueryConfig, lookback: string): string =>
  `min by (namespace) (min_over_time(timestamp(${catalogTargetUp(cfg)} == 1)[${checkDuration(lookback)}:${RECOVERY_POINT_STEP}]))`;

/** The start of the history the look-back searches: evaluated in its group, at the same instant. */
export const lookbackHistoryStartRecordExpr = (cfg: KastenQueryConfig, opts: RecordingOptions): string =>
  catalogHistoryStart(cfg, opts.lookback);

/**
 * Since when successes are known: held (min) across evaluations, else the history the look-back
 * searched, read over the same hold as the look-back's successes in `lastSuccessRecordExpr` (so
 * the history is claimed exactly while those successes are counted). Never the stored history
 * itself: see the module comment.
 */
export const historyStartRecordExpr = (cfg: KastenQueryConfig, opts: RecordingOptions): string =>
  `min by (namespace) (${[
    tagged(`last_over_time(${recordSelector(cfg, HISTORY_START_RECORD)}[${checkDuration(opts.carryGap)}])`, 'held'),
    tagged(
      `last_over_time(${recordSelector(cfg, LOOKBACK_HISTORY_START_RECORD)}[${checkDuration(opts.lookbackHold)}])`,
      'searched',
    ),
  ].join(' or ')})`;

export interface RecordingRule {
  record: string;
  expr: string;
}

export interface RecordingGroup {
  name: string;
  interval: string;
  rules: RecordingRule[];
}

/** The two groups of the leaf-prometheus PrometheusRule. */
export const recoveryRecordingGroups = (
  cfg: KastenQueryConfig,
  opts: RecordingOptions = DEFAULT_RECORDING,
): RecordingGroup[] => [
  {
    name: 'kasten-recovery-point-lookback',
    interval: checkDuration(opts.lookbackInterval),
    rules: [
      { record: LAST_SUCCESS_LOOKBACK_RECORD, expr: lastSuccessLookbackRecordExpr(cfg, opts) },
      { record: LAST_FAILURE_LOOKBACK_RECORD, expr: lastFailureLookbackRecordExpr(cfg, opts) },
      { record: LOOKBACK_HISTORY_START_RECORD, expr: lookbackHistoryStartRecordExpr(cfg, opts) },
    ],
  },
  {
    name: 'kasten-recovery-point',
    interval: checkDuration(opts.interval),
    rules: [
      { record: LAST_SUCCESS_RECORD, expr: lastSuccessRecordExpr(cfg, opts) },
      { record: HISTORY_START_RECORD, expr: historyStartRecordExpr(cfg, opts) },
      { record: LAST_FAILURE_RECORD, expr: lastFailureRecordExpr(cfg, opts) },
    ],
  },
];

/** DNS-1123 names only: a policy name goes into a label value and a YAML document. */
const POLICY_NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/**
 * One policy's allowed recovery-point age as a constant series (labels namespace, policy), from the
 * Policy object (Setup's fix) or a Helm override; 0 means "no schedule, never alert".
 */
export const expectedAgeRecordExpr = (cfg: KastenQueryConfig, policy: string, allowedAgeSeconds: number): string => {
  if (!POLICY_NAME.test(policy)) throw new Error(`invalid policy name: ${policy}`);
  if (!Number.isInteger(allowedAgeSeconds) || allowedAgeSeconds < 0)
    throw new Error(`allowed age must be a whole number of seconds >= 0: ${allowedAgeSeconds}`);
  return `label_replace(label_replace(vector(${promNumber(allowedAgeSeconds)}), "policy", "${escapeLabelValue(policy)}", "", ""), "namespace", "${escapeLabelValue(cfg.kastenNamespace)}", "", "")`;
};

const knownBackupPairs = (cfg: KastenQueryConfig, filter?: ActionFilter): string =>
  `group by (policy, exported_namespace) (${catalogActionsSelector(cfg, [['type', '=', 'backup']], filter)})`;

/**
 * The recovery-point alert on the records: per policy and application namespace with backups in the
 * catalog, the allowed age is the policy's `EXPECTED_AGE_RECORD` (0: never alert) or `defaultMaxAgeSeconds`.
 * Fires when the last recorded backup is older, or when there is none and successes have been
 * recorded for longer than the allowed age (so a fresh install, or history shorter than a weekly
 * interval, stays silent instead of guessing).
 */
export const recoveryPointTooOld = (cfg: KastenQueryConfig, defaultMaxAgeSeconds: number): string => {
  const known = knownBackupPairs(cfg);
  const allowed = `((${known} * 0 + on (policy) group_left max by (policy) (${recordSelector(cfg, EXPECTED_AGE_RECORD)})) or (${known} * 0 + ${promNumber(defaultMaxAgeSeconds)})) > 0`;
  const last = `max by (policy, exported_namespace) (${recordSelector(cfg, LAST_SUCCESS_RECORD, [['type', '=', 'backup']])})`;
  const since = `scalar(time() - min(${recordSelector(cfg, HISTORY_START_RECORD)}))`;
  return `((time() - ${last}) > on (policy, exported_namespace) (${allowed})) or (((${allowed}) unless on (policy, exported_namespace) ${last}) < ${since})`;
};

/** Row kinds in `recoveryFromRecords`' answer (label `kcp_row`). */
export const RECORD_ROWS = { age: 'age', known: 'known', history: 'history', lastFailure: 'last_failure' } as const;

/**
 * How far back the page's own scrape-resolution read of failures reaches next to the last-failure
 * record. The record is read as its newest sample within `GAP_BRIDGE` (5m), so it knows every failure
 * up to at most 5m (plus an evaluation's ingestion delay) before the query; this window covers that
 * lag twice over, at a twelfth of a one-hour window's cost.
 */
export const RECENT_FAILURE_WINDOW = '10m';

/**
 * Time of the newest failed or cancelled action per policy, type and application namespace, from the
 * last-failure record and the failures of the last `RECENT_FAILURE_WINDOW` (newer than the record's
 * last evaluation), kept only within `failureWindow` (the page's window). Exact when it answers: the
 * record holds the newest failure up to its evaluation (see `LAST_FAILURE_RECORD`), the recent read
 * every one since. No row for a key whose failures all predate the record: the page asks
 * `lastFailureTimestamp` for those (a row of a failure outside the window is dropped too, never shown).
 */
export const lastFailureFromRecord = (cfg: KastenQueryConfig, failureWindow: string, filter?: ActionFilter): string => {
  const matchers: Matcher[] = [];
  if (filter?.policy !== undefined) matchers.push(['policy', '=', filter.policy]);
  if (filter?.exportedNamespace !== undefined) matchers.push(['exported_namespace', '=', filter.exportedNamespace]);
  const recorded = `last_over_time(${recordSelector(cfg, LAST_FAILURE_RECORD, matchers)}[${GAP_BRIDGE}])`;
  const recent = lastFailureTimestamp(cfg, RECENT_FAILURE_WINDOW, filter);
  return `max by (policy, type, exported_namespace) (${recorded} or ${recent}) > (time() - ${promNumber(durationSeconds(checkDuration(failureWindow)))})`;
};

/**
 * Everything the recovery table needs from the records in ONE instant query, whatever the number of
 * policies: seconds since the last success per policy, namespace and type (`kcp_row="age"`), the
 * backup pairs the catalog knows (`known`, so a pair without success is never dropped), and the
 * seconds of history the records cover (`history`). No `history` row: the rules are not installed.
 * With `failureWindow`, the same answer carries the failures table's times (`last_failure`, see
 * `lastFailureFromRecord`), so the Overview sends no query of its own for them.
 */
export const recoveryFromRecords = (cfg: KastenQueryConfig, filter?: ActionFilter, failureWindow?: string): string => {
  const pairFilter: Matcher[] = filter?.exportedNamespace
    ? [['exported_namespace', '=', filter.exportedNamespace]]
    : [];
  if (filter?.policy !== undefined) pairFilter.push(['policy', '=', filter.policy]);
  const age = `time() - max by (policy, exported_namespace, type) (${recordSelector(cfg, LAST_SUCCESS_RECORD, pairFilter)})`;
  const history = `time() - min(${recordSelector(cfg, HISTORY_START_RECORD)})`;
  return [
    `label_replace(${age}, "kcp_row", "${RECORD_ROWS.age}", "", "")`,
    `label_replace(${knownBackupPairs(cfg, filter)}, "kcp_row", "${RECORD_ROWS.known}", "", "")`,
    `label_replace(${history}, "kcp_row", "${RECORD_ROWS.history}", "", "")`,
    ...(failureWindow === undefined
      ? []
      : [
          `label_replace(${lastFailureFromRecord(cfg, failureWindow, filter)}, "kcp_row", "${RECORD_ROWS.lastFailure}", "", "")`,
        ]),
  ].join(' or ');
};

/** Seconds of catalog history Prometheus holds within `lookback` (one row), for "no success in the last N h of metrics". */
export const catalogHistorySeconds = (cfg: KastenQueryConfig, lookback: string): string =>
  `time() - ${catalogHistoryStart(cfg, lookback)}`;

/** The carry survives outages up to this long; said in the README and the Setup fix. */
export const carryGapSeconds = (opts: RecordingOptions = DEFAULT_RECORDING): number => durationSeconds(opts.carryGap);

/** The clipped look-back is a whole number of hours: its text changes at most once an hour, so it stays cacheable. */
export const LOOKBACK_ROUNDING_SECONDS = 3600;

/**
 * The look-back range the page asks for without the records: the history Prometheus really holds
 * (`catalogHistorySeconds`, found up to one recovery step late, hence the step added), rounded up to
 * a whole hour, and never longer than `boundSeconds`, the range the verdicts need. A default
 * user-workload Prometheus (24 h) is asked for 25 h, not 52 h of steps that hold nothing. An
 * unknown or unusable measure gives the bound: too long only costs time, too short would hide a success.
 */
export const clippedLookbackSeconds = (historySeconds: number | undefined, boundSeconds: number): number => {
  if (!Number.isInteger(boundSeconds) || boundSeconds <= 0)
    throw new Error(`look-back bound must be a positive whole number of seconds: ${boundSeconds}`);
  if (historySeconds === undefined || !Number.isFinite(historySeconds) || historySeconds < 0) return boundSeconds;
  const covering = historySeconds + durationSeconds(RECOVERY_POINT_STEP);
  const rounded = Math.ceil(covering / LOOKBACK_ROUNDING_SECONDS) * LOOKBACK_ROUNDING_SECONDS;
  return Math.min(rounded, boundSeconds);
};
