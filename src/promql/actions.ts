/**
 * Queries on Kasten's actions: the catalog gauge `catalog_actions_count` and,
 * where a cluster scrapes them, the counters `action_<type>_ended_count`.
 *
 * Why rises and not `increase()`: `catalog_actions_count` is the number of
 * action records the catalog holds. It falls when actions are retired or
 * garbage-collected, and `increase()` reads every fall as a counter reset (a
 * retirement 4 -> 1 becomes "1 new failure"), extrapolates to fractions (the
 * seed's 1.0526...) and misses a series' first value. "Value now minus value at
 * window start" nets a failure against a retirement in the same window. So a
 * new action is a *rise* of the value between two consecutive scrapes, summed
 * over the window with a subquery at scrape resolution.
 *
 * How one step is read (`riseAtStep`):
 * - values are taken per (policy, type, exported_namespace, status) with `max`
 *   across targets, so a catalog pod restart (new `pod`/`instance` labels) is
 *   not a new series, and with `last_over_time(...[5m])` so one failed scrape
 *   (which writes staleness markers) does not make every series vanish and
 *   come back;
 * - a series with no previous value counts its whole first value (a new policy,
 *   application or status), but only if the catalog was being scraped at the
 *   previous step: when monitoring starts, or comes back after more than 5m
 *   without catalog data, every retained action would otherwise "appear" as new.
 *   Failures ask it of the series' own scrape target (`up == 1` within 5m before
 *   the previous step, matched by `job`), a handful of series; successes (the
 *   recovery records) ask whether any catalog series existed then, which reads
 *   every catalog series at every step: at 5000 policies that read was nearly
 *   all of `newFailedActions`' time (450 ms alone, 4 ms without it). A target is
 *   matched by `job` only, so a catalog pod restart (same job, new instance)
 *   still finds the old pod up; the Prometheus holding the catalog series must
 *   hold their targets' `up` too, as the one that scrapes them always does.
 *
 * Each point above is proven against a real Prometheus in test/promql/
 * (kasten-queries.test.ts with backfilled scenarios, live-scrape.test.ts for
 * staleness markers, which backfilled data cannot carry).
 *
 * Limits (by design, documented for users):
 * - a rise and a fall between two steps cancel out, so `scrapeResolution` must
 *   not exceed the catalog's scrape interval (shorter only costs more);
 * - a catalog restart whose new pod reports a retirement and a new action within
 *   5m of the old pod's last scrape can hide that action (the old value is held);
 * - the very first success of a brand-new Kasten install, before the catalog
 *   exported any series, is not counted (its first failure is: the target was up);
 * - failures only: a catalog target that is up yet exports no `catalog_actions_count`
 *   for more than 5m, then exports its held records (a Kasten that fills the
 *   family late after a restart, a metric relabelling that kept it out), counts
 *   every held failure as new once. Within 5m the old values are held and nothing
 *   is replayed. Successes keep the exact catalog check, since a replayed success
 *   would hide a stale recovery point;
 * - after a catalog gap of more than 5m, actions that ended during the gap are
 *   not counted as new; they show as retained;
 * - windows are (now - window, now]: Prometheus 2.x includes both ends of a
 *   range and Prometheus 3 only the end, so the subquery is shifted 1ms
 *   forward (`overWindow`), which makes both versions agree and lets
 *   `query_range` steps of one window each count every rise exactly once. The
 *   window stays verbatim in the text (the chart substitutes it from Helm values);
 * - timestamps of rises are the subquery step, up to one step after the scrape;
 * - the cost grows with window / step: keep long look-backs for few series or
 *   move them into recording rules.
 */
import { type ActionFilter, type KastenQueryConfig } from './config';
import { checkDuration, durationSeconds, selector, type Matcher } from './escape';

export const CATALOG_ACTIONS = 'catalog_actions_count';
export const FAILED_STATUSES = 'failed|cancelled';
/** The per-policy counter family; the group is the action type. */
export const ENDED_COUNTERS = 'action_(.+)_ended_count';
/** Bridges missed scrapes and pod restarts; Prometheus' own default look-back. */
export const GAP_BRIDGE = '5m';

const ACTION_KEY = ['policy', 'type', 'exported_namespace', 'status'] as const;
const FAILURE_KEY = ['policy', 'type', 'exported_namespace'] as const;

export type RecoveryActionType = 'backup' | 'export';

const by = (labels: readonly string[]): string => `by (${labels.join(', ')})`;

export const kastenNamespaceMatcher = (cfg: KastenQueryConfig): Matcher => ['namespace', '=', cfg.kastenNamespace];

const filterMatchers = (filter: ActionFilter | undefined, namespaceLabel = 'exported_namespace'): Matcher[] => {
  const out: Matcher[] = [];
  if (filter?.policy !== undefined) out.push(['policy', '=', filter.policy]);
  if (filter?.exportedNamespace !== undefined) out.push([namespaceLabel, '=', filter.exportedNamespace]);
  return out;
};

/**
 * Catalog series still held by the catalog. Retired records (`liveness="retired"`)
 * only ever grow as live ones retire, so counting them would turn retirements
 * into new actions; `!=` also keeps versions that have no `liveness` label.
 */
export const catalogActionsSelector = (
  cfg: KastenQueryConfig,
  extra: readonly Matcher[],
  filter?: ActionFilter,
): string =>
  selector(CATALOG_ACTIONS, [
    kastenNamespaceMatcher(cfg),
    ...extra,
    ['liveness', '!=', 'retired'],
    ...filterMatchers(filter),
  ]);

/** `expr` as a subquery over (now - window, now] at scrape resolution: see the module comment on window ends. */
export const overWindow = (cfg: KastenQueryConfig, expr: string, window: string): string =>
  `${expr}[${checkDuration(window)}:${checkDuration(cfg.scrapeResolution)}] offset -1ms`;

const dedup = (labels: readonly string[], expr: string): string => `max ${by(labels)} (${expr})`;

/**
 * When a series with no previous value may count its whole first value (see the module comment):
 * - `catalog`: some `catalog_actions_count` series existed within GAP_BRIDGE before the previous
 *   step. Exact, but it reads every catalog series at every step, whatever `sel` is: at 5000
 *   policies, nearly all the cost of `newFailedActions`.
 * - `target`: the scrape target that exports the series (matched by `job`) had a successful scrape
 *   (`up == 1`) within GAP_BRIDGE before the previous step: a handful of `up` series.
 */
export type FirstValueGate = 'catalog' | 'target';

const firstValueGate = (cfg: KastenQueryConfig, gate: FirstValueGate, step: string): string =>
  gate === 'catalog'
    ? `and on () group(last_over_time(${selector(CATALOG_ACTIONS, [kastenNamespaceMatcher(cfg)])}[${GAP_BRIDGE}] offset ${step}))`
    : `and on (namespace, job) group by (namespace, job) (max_over_time(${selector('up', [kastenNamespaceMatcher(cfg)])}[${GAP_BRIDGE}] offset ${step}) == 1)`;

/**
 * Positive change of each series between one scrape step and the previous; see the module comment.
 * With `sumLiveness`, `sel` must also select retired records, and live and retired are added per
 * key first: a retirement moves a record from live to retired and leaves the sum alone, while a new
 * action raises it even when the policy's retention retires an old one in the same scrape.
 */
export const riseAtStep = (
  cfg: KastenQueryConfig,
  sel: string,
  key: readonly string[] = ACTION_KEY,
  sumLiveness = false,
  gate: FirstValueGate = 'catalog',
): string => {
  const step = checkDuration(cfg.scrapeResolution);
  const value = (series: string): string =>
    sumLiveness ? `sum ${by(key)} (${dedup([...key, 'liveness'], series)})` : dedup(key, series);
  const held = (offset: string): string => `last_over_time(${sel}[${GAP_BRIDGE}]${offset})`;
  const now = value(held(''));
  const before = value(held(` offset ${step}`));
  // The `catalog` gate keeps its original text (`now * 0 and on () ...`), so the recovery records are unchanged.
  const first =
    gate === 'catalog'
      ? `(${now} * 0 ${firstValueGate(cfg, gate, step)})`
      : `${value(`${held('')} ${firstValueGate(cfg, gate, step)}`)} * 0`;
  return `clamp_min(${now} - (${before} or ${first}), 0)`;
};

/** Actions the catalog holds now, per status. */
export const actionCountsByStatus = (cfg: KastenQueryConfig, filter?: ActionFilter): string =>
  `sum by (status) (${dedup(ACTION_KEY, catalogActionsSelector(cfg, [], filter))})`;

/** New failed or cancelled actions in `window`, whole numbers, per policy, action type and application namespace. */
export const newFailedActions = (cfg: KastenQueryConfig, window: string, filter?: ActionFilter): string => {
  const sel = catalogActionsSelector(cfg, [['status', '=~', FAILED_STATUSES]], filter);
  return `sum ${by(FAILURE_KEY)} (sum_over_time(${overWindow(cfg, riseAtStep(cfg, sel, ACTION_KEY, false, 'target'), window)}))`;
};

/** Failed or cancelled actions still held until Kasten's garbage collector retires them. */
export const retainedFailedActions = (cfg: KastenQueryConfig, filter?: ActionFilter): string =>
  `sum ${by(FAILURE_KEY)} (${dedup(ACTION_KEY, catalogActionsSelector(cfg, [['status', '=~', FAILED_STATUSES]], filter))})`;

const lastRiseTimestamp = (cfg: KastenQueryConfig, sel: string, lookback: string, key: readonly string[]): string => {
  // A key that keeps the Kasten namespace (the recording rules') needs it on every step's rise too.
  const riseKey = key.includes('namespace') ? ['namespace', ...ACTION_KEY] : ACTION_KEY;
  // The same gate as `newFailedActions`, so a failure it counts always has a time.
  const rise = riseAtStep(cfg, sel, riseKey, false, 'target');
  return `max ${by(key)} (max_over_time(${overWindow(cfg, `timestamp(${rise} > 0)`, lookback)}))`;
};

/**
 * Unix seconds of the latest new failed/cancelled action within `lookback`, per `key` (default: policy,
 * type and application namespace; the last-failure record adds the Kasten namespace).
 */
export const lastFailureTimestamp = (
  cfg: KastenQueryConfig,
  lookback: string,
  filter?: ActionFilter,
  key: readonly string[] = FAILURE_KEY,
): string =>
  lastRiseTimestamp(cfg, catalogActionsSelector(cfg, [['status', '=~', FAILED_STATUSES]], filter), lookback, key);

/** Held actions per policy and status, for `query_range`. */
export const actionHistory = (cfg: KastenQueryConfig, filter?: ActionFilter): string =>
  `sum by (policy, status) (${dedup(ACTION_KEY, catalogActionsSelector(cfg, [], filter))})`;

const RECOVERY_KEY = ['policy', 'exported_namespace'] as const;

/*
 * Successes count complete actions live and retired, summed per key by `riseAtStep`: Kasten retires
 * the oldest restore point right after a policy's new backup; counting live records alone would often
 * see no change at all in that scrape and age the recovery point while backups succeed.
 */

/** Step of the recovery-point look-back: see `recoveryPointResolution`. */
export const RECOVERY_POINT_STEP = '5m';

/**
 * The recovery-point look-back spans a day or more, and at scrape resolution its subquery costs
 * (look-back / step) evaluations over every policy: 25 s at 1000 policies in the benchmark. Live plus
 * retired complete records only fall when Kasten deletes retired records, so a 5m step still sees
 * each success. The step is fixed (not derived from the scrape interval) so the chart's rules render
 * the same text; `stepShift` moves the found time back so it stays exact to a scrape.
 */
export const recoveryPointResolution = (cfg: KastenQueryConfig): KastenQueryConfig => ({
  ...cfg,
  scrapeResolution: RECOVERY_POINT_STEP,
});

/**
 * A rise found at step t happened after the newest sample before t - step, so at the earliest one
 * scrape after t - step and at the latest at t. Reporting t - step + scrape (not t) means an age is
 * never understated by more than one scrape interval, and never overstated by more than the step.
 */
const stepShift = (cfg: KastenQueryConfig): string => {
  const step = durationSeconds(RECOVERY_POINT_STEP);
  const scrape = durationSeconds(cfg.scrapeResolution);
  // Printed as two numbers, not their difference, so the chart can substitute the scrape interval.
  return scrape < step ? ` - ${step} + ${scrape}` : '';
};

const RECOVERY_STEP_KEY = ['namespace', ...ACTION_KEY] as const;

/**
 * Unix seconds of the latest successful action of `actionType` (a type or a regex of types) within
 * `lookback`, per `key` (default: policy and application namespace), exact to a scrape interval.
 */
export const lastSuccessTimestamp = (
  cfg: KastenQueryConfig,
  lookback: string,
  actionType: RecoveryActionType | 'backup|export',
  filter?: ActionFilter,
  key: readonly string[] = RECOVERY_KEY,
): string => {
  const coarse = recoveryPointResolution(cfg);
  const sel = selector(CATALOG_ACTIONS, [
    kastenNamespaceMatcher(cfg),
    ['type', actionType.includes('|') ? '=~' : '=', actionType],
    ['status', '=', 'complete'],
    ...filterMatchers(filter),
  ]);
  const rises = `timestamp(${riseAtStep(coarse, sel, RECOVERY_STEP_KEY, true)} > 0)`;
  const newest = `max ${by(key)} (max_over_time(${overWindow(coarse, rises, lookback)}))`;
  const shift = stepShift(cfg);
  return shift ? `(${newest}${shift})` : newest;
};

/**
 * Seconds since the latest successful backup or export, per policy and
 * application namespace. A retirement lowers the complete count and is not a
 * success, so it never resets the age. No row: no success seen in `lookback`
 * (see `withoutRecoveryPoint`).
 */
export const recoveryPointAgeSeconds = (
  cfg: KastenQueryConfig,
  lookback: string,
  actionType: RecoveryActionType,
  filter?: ActionFilter,
): string => `time() - ${lastSuccessTimestamp(cfg, lookback, actionType, filter)}`;

/**
 * Policies and application namespaces the catalog knows for `actionType` with
 * no success in `lookback`, value 1. Only answered when the catalog was already
 * scraped `lookback` ago, so freshly installed monitoring does not flag every policy.
 */
export const withoutRecoveryPoint = (
  cfg: KastenQueryConfig,
  lookback: string,
  actionType: RecoveryActionType,
  filter?: ActionFilter,
): string => {
  const known = `group ${by(RECOVERY_KEY)} (${catalogActionsSelector(cfg, [['type', '=', actionType]], filter)})`;
  const coveredSince = `group(last_over_time(${selector(CATALOG_ACTIONS, [kastenNamespaceMatcher(cfg)])}[${GAP_BRIDGE}] offset ${checkDuration(lookback)}))`;
  return `(${known} unless on (policy, exported_namespace) ${lastSuccessTimestamp(cfg, lookback, actionType, filter)}) and on () ${coveredSince}`;
};

/**
 * New failed or cancelled actions from the true counters
 * `action_<type>_ended_count{state, policy, app}`, per policy, app and type.
 * These only rise (but for restarts), so `increase()` fits; `round` turns its
 * extrapolation into whole numbers. The action type is read from the metric name.
 * Like every `increase()`, it misses a counter series' first value.
 */
export const newFailedActionsFromCounters = (cfg: KastenQueryConfig, window: string, filter?: ActionFilter): string => {
  const step = checkDuration(cfg.scrapeResolution);
  const matchers: Matcher[] = [
    ['__name__', '=~', ENDED_COUNTERS],
    kastenNamespaceMatcher(cfg),
    ['state', '=~', FAILED_STATUSES],
    ...filterMatchers(filter, 'app'),
  ];
  const withType = `label_replace(${selector('', matchers)}, "type", "$1", "__name__", "${ENDED_COUNTERS}")`;
  return `sum by (policy, app, type) (round(increase(${withType}[${checkDuration(window)}:${step}])))`;
};
