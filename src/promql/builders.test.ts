/**
 * Exact strings of every builder. The numbers they produce are proven against
 * a real Prometheus in test/promql/; these tables pin the text so a change is deliberate.
 */
import {
  DEFAULT_QUERY_CONFIG,
  actionCountsByStatus,
  actionHistory,
  catalogPvcUsageHigh,
  catalogTargetDown,
  catalogTargetUp,
  complianceCounts,
  kastenCpuCores,
  kastenCpuHigh,
  kastenMemoryBytes,
  kastenMemoryHigh,
  kastenTargetsUp,
  lastFailureTimestamp,
  lastSuccessTimestamp,
  licenseCompliance,
  metricPresent,
  newFailedActions,
  newFailedActionsFromCounters,
  policyValidity,
  profileValidity,
  pvcUsedPercent,
  recoveryPointAgeSeconds,
  recoveryPointResolution,
  retainedFailedActions,
  withoutRecoveryPoint,
  type KastenQueryConfig,
} from './index';

const cfg = DEFAULT_QUERY_CONFIG;
const custom: KastenQueryConfig = {
  kastenNamespace: 'k10',
  scrapeResolution: '1m',
  memoryThresholdBytes: 1e9,
  catalogPvcUsedPercentThreshold: 80,
  cpuThresholdCores: 0.5,
  catalogJob: 'catalog',
};

const FAILED = 'catalog_actions_count{namespace="kasten-io",status=~"failed|cancelled",liveness!="retired"}';
const KEY = 'max by (policy, type, exported_namespace, status)';
const KEY_TEXT = (sel: string, offset = '') => `${KEY} (last_over_time(${sel}[5m]${offset}))`;
/** Failures: a first value counts only while its own scrape target was up at the previous step (see actions.ts). */
const rise = (sel: string, ns = 'kasten-io', step = '30s') =>
  `clamp_min(${KEY_TEXT(sel)} - (${KEY_TEXT(sel, ` offset ${step}`)} or ${KEY} (last_over_time(${sel}[5m]) and on (namespace, job) group by (namespace, job) (max_over_time(up{namespace="${ns}"}[5m] offset ${step}) == 1)) * 0), 0)`;
/** Successes add live and retired records per key, so a retention retirement in the same scrape cannot hide a new backup. */
const SUM_KEY =
  'sum by (policy, type, exported_namespace, status) (max by (policy, type, exported_namespace, status, liveness)';
/** The recovery look-back keeps the Kasten namespace in its key, so the recording rules can use it too. */
const NS_SUM_KEY =
  'sum by (namespace, policy, type, exported_namespace, status) (max by (namespace, policy, type, exported_namespace, status, liveness)';
const riseLiveAndRetired = (sel: string, ns = 'kasten-io', step = '30s', sumKey = SUM_KEY) =>
  `clamp_min(${sumKey} (last_over_time(${sel}[5m]))) - (${sumKey} (last_over_time(${sel}[5m] offset ${step}))) or (${sumKey} (last_over_time(${sel}[5m]))) * 0 and on () group(last_over_time(catalog_actions_count{namespace="${ns}"}[5m] offset ${step})))), 0)`;
const ALL_COMPLETE_BACKUP = 'catalog_actions_count{namespace="kasten-io",type="backup",status="complete"}';

describe('recovery-point resolution', () => {
  it.each([
    ['a 30s scrape step becomes 5m', '30s', '5m'],
    ['a 1m scrape step becomes 5m', '1m', '5m'],
  ])('%s', (_name, step, want) => {
    expect(recoveryPointResolution({ ...cfg, scrapeResolution: step }).scrapeResolution).toBe(want);
  });
});

describe('action builders', () => {
  it.each([
    [
      'actionCountsByStatus',
      actionCountsByStatus(cfg),
      `sum by (status) (${KEY} (catalog_actions_count{namespace="kasten-io",liveness!="retired"}))`,
    ],
    [
      'actionCountsByStatus filtered',
      actionCountsByStatus(cfg, { policy: 'p"1', exportedNamespace: 'a\\b' }),
      `sum by (status) (${KEY} (catalog_actions_count{namespace="kasten-io",liveness!="retired",policy="p\\"1",exported_namespace="a\\\\b"}))`,
    ],
    [
      'retainedFailedActions',
      retainedFailedActions(cfg),
      `sum by (policy, type, exported_namespace) (${KEY} (${FAILED}))`,
    ],
    [
      'actionHistory',
      actionHistory(cfg),
      `sum by (policy, status) (${KEY} (catalog_actions_count{namespace="kasten-io",liveness!="retired"}))`,
    ],
    [
      'newFailedActions',
      newFailedActions(cfg, '10m'),
      `sum by (policy, type, exported_namespace) (sum_over_time(${rise(FAILED)}[10m:30s] offset -1ms))`,
    ],
    [
      'newFailedActions custom config and filter',
      newFailedActions(custom, '1h', { exportedNamespace: 'line\nbreak' }),
      `sum by (policy, type, exported_namespace) (sum_over_time(${rise(
        'catalog_actions_count{namespace="k10",status=~"failed|cancelled",liveness!="retired",exported_namespace="line\\nbreak"}',
        'k10',
        '1m',
      )}[1h:1m] offset -1ms))`,
    ],
    [
      'lastFailureTimestamp',
      lastFailureTimestamp(cfg, '1d'),
      `max by (policy, type, exported_namespace) (max_over_time(timestamp(${rise(FAILED)} > 0)[1d:30s] offset -1ms))`,
    ],
    [
      'lastSuccessTimestamp',
      lastSuccessTimestamp(cfg, '7d', 'backup'),
      // the 5m step minus one 30s scrape: an age is never understated by more than a scrape.
      `(max by (policy, exported_namespace) (max_over_time(timestamp(${riseLiveAndRetired(ALL_COMPLETE_BACKUP, 'kasten-io', '5m', NS_SUM_KEY)} > 0)[7d:5m] offset -1ms)) - 300 + 30)`,
    ],
    [
      'recoveryPointAgeSeconds',
      recoveryPointAgeSeconds(cfg, '7d', 'export'),
      `time() - (max by (policy, exported_namespace) (max_over_time(timestamp(${riseLiveAndRetired(
        'catalog_actions_count{namespace="kasten-io",type="export",status="complete"}',
        'kasten-io',
        '5m',
        NS_SUM_KEY,
      )} > 0)[7d:5m] offset -1ms)) - 300 + 30)`,
    ],
    [
      'withoutRecoveryPoint',
      withoutRecoveryPoint(cfg, '26h', 'backup'),
      `(group by (policy, exported_namespace) (catalog_actions_count{namespace="kasten-io",type="backup",liveness!="retired"}) unless on (policy, exported_namespace) (max by (policy, exported_namespace) (max_over_time(timestamp(${riseLiveAndRetired(
        ALL_COMPLETE_BACKUP,
        'kasten-io',
        '5m',
        NS_SUM_KEY,
      )} > 0)[26h:5m] offset -1ms)) - 300 + 30)) and on () group(last_over_time(catalog_actions_count{namespace="kasten-io"}[5m] offset 26h))`,
    ],
    [
      'newFailedActionsFromCounters',
      newFailedActionsFromCounters(cfg, '10m', { policy: 'p', exportedNamespace: 'app' }),
      'sum by (policy, app, type) (round(increase(label_replace({__name__=~"action_(.+)_ended_count",namespace="kasten-io",state=~"failed|cancelled",policy="p",app="app"}, "type", "$1", "__name__", "action_(.+)_ended_count")[10m:30s])))',
    ],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it.each([
    ['window', () => newFailedActions(cfg, '10m] or vector(1) #')],
    ['scrape resolution', () => newFailedActions({ ...cfg, scrapeResolution: 'often' }, '10m')],
    ['lookback', () => recoveryPointAgeSeconds(cfg, '', 'backup')],
  ])('rejects a bad %s', (_name, build) => {
    expect(build).toThrow(/invalid PromQL duration/);
  });
});

describe('resource builders', () => {
  it.each([
    [
      'kastenMemoryBytes',
      kastenMemoryBytes(cfg),
      'sum by (namespace) (container_memory_working_set_bytes{namespace="kasten-io",container="",pod!=""})',
    ],
    [
      'kastenMemoryHigh',
      kastenMemoryHigh(cfg),
      'sum by (namespace) (container_memory_working_set_bytes{namespace="kasten-io",container="",pod!=""}) > 3221225472',
    ],
    [
      'kastenMemoryHigh custom',
      kastenMemoryHigh(custom),
      'sum by (namespace) (container_memory_working_set_bytes{namespace="k10",container="",pod!=""}) > 1000000000',
    ],
    ['kastenCpuCores', kastenCpuCores(cfg), 'namespace:container_cpu_usage:sum{namespace="kasten-io"}'],
    ['kastenCpuHigh', kastenCpuHigh(cfg), 'namespace:container_cpu_usage:sum{namespace="kasten-io"} > 2'],
    ['kastenCpuHigh custom', kastenCpuHigh(custom), 'namespace:container_cpu_usage:sum{namespace="k10"} > 0.5'],
    [
      'pvcUsedPercent catalog',
      pvcUsedPercent(cfg, 'catalog'),
      '100 - min(catalog_persistent_volume_free_space_percent{namespace="kasten-io"})',
    ],
    [
      'pvcUsedPercent jobs',
      pvcUsedPercent(cfg, 'jobs'),
      '100 - min(jobs_persistent_volume_free_space_percent{namespace="kasten-io"})',
    ],
    [
      'pvcUsedPercent logging',
      pvcUsedPercent(cfg, 'logging'),
      '100 - min(logging_persistent_volume_free_space_percent{namespace="kasten-io"})',
    ],
    [
      'catalogPvcUsageHigh',
      catalogPvcUsageHigh(cfg),
      '100 - min(catalog_persistent_volume_free_space_percent{namespace="kasten-io"}) > 50',
    ],
    [
      'catalogPvcUsageHigh custom',
      catalogPvcUsageHigh(custom),
      '100 - min(catalog_persistent_volume_free_space_percent{namespace="k10"}) > 80',
    ],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });

  it('rejects a non-finite threshold', () => {
    expect(() => kastenMemoryHigh({ ...cfg, memoryThresholdBytes: Number.NaN })).toThrow();
  });
});

describe('health builders', () => {
  it.each([
    ['kastenTargetsUp', kastenTargetsUp(cfg), 'up{namespace="kasten-io"}'],
    ['catalogTargetUp', catalogTargetUp(cfg), 'up{namespace="kasten-io",job="catalog-svc"}'],
    ['catalogTargetUp custom', catalogTargetUp(custom), 'up{namespace="k10",job="catalog"}'],
    [
      'catalogTargetUp without catalogJob',
      catalogTargetUp({ ...cfg, catalogJob: undefined }),
      'up{namespace="kasten-io",job="catalog-svc"}',
    ],
    [
      'catalogTargetDown',
      catalogTargetDown(cfg),
      'up{namespace="kasten-io",job="catalog-svc"} == 0 or absent(up{namespace="kasten-io",job="catalog-svc"})',
    ],
    [
      'metricPresent',
      metricPresent(cfg, 'catalog_actions_count'),
      'count({__name__="catalog_actions_count",namespace="kasten-io"})',
    ],
    ['metricPresent hostile', metricPresent(cfg, 'a"b\n'), 'count({__name__="a\\"b\\n",namespace="kasten-io"})'],
    ['complianceCounts', complianceCounts(cfg), 'max by (state) (compliance_count{namespace="kasten-io"})'],
    [
      'policyValidity',
      policyValidity(cfg),
      'sum by (action, status) (max by (action, chained, status) (policies_count{namespace="kasten-io"}))',
    ],
    ['profileValidity', profileValidity(cfg), 'max by (type, status) (profiles_count{namespace="kasten-io"})'],
    ['licenseCompliance', licenseCompliance(custom), 'min(metering_license_compliance_status{namespace="k10"})'],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBe(expected);
  });
});
