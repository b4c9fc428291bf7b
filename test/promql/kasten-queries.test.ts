/**
 * Every builder in src/promql run against a real Prometheus over one
 * backfilled timeline (test/prometheus/fixtures/kasten-scenarios.ts), with
 * exact numbers. One Prometheus per file: the CPU recording rule needs one
 * restart inside the harness, so this file makes two starts.
 */
import * as path from 'path';
import {
  DEFAULT_QUERY_CONFIG,
  FAILED_STATUSES,
  actionCountsByStatus,
  catalogActionsSelector,
  overWindow,
  riseAtStep,
  type FirstValueGate,
  actionHistory,
  catalogPvcUsageHigh,
  catalogTargetDown,
  complianceCounts,
  kastenAlertRules,
  kastenCpuCores,
  kastenCpuHigh,
  kastenMemoryBytes,
  kastenMemoryHigh,
  kastenTargetsUp,
  userWorkloadPrometheusUp,
  lastFailureTimestamp,
  licenseCompliance,
  metricPresent,
  newFailedActions,
  newFailedActionsFromCounters,
  policyValidity,
  profileValidity,
  pvcUsedPercent,
  recoveryPointAgeSeconds,
  retainedFailedActions,
  withoutRecoveryPoint,
  type KastenQueryConfig,
} from '../../src/promql';
import {
  actionsByStatusHistory,
  knownPolicies,
  newFailuresPerStep,
  retainedFailuresTopPolicies,
} from '../../src/promql/history';
import {
  startCounter,
  startPrometheus,
  type Labels,
  type PrometheusServer,
  type VectorSample,
} from '../../dev/prometheus/harness';
import {
  APP,
  END,
  FRESH_FIRST_FAILURE,
  FRESH_NS,
  GAP_END,
  GATE_POLICY,
  LATE_FAMILY_NS,
  MEMORY,
  POLICY,
  RESTART,
  T0,
  UPGRADE,
  UPGRADED_NS,
  kastenFixture,
} from '../prometheus/fixtures/kasten-scenarios';

const cfg = DEFAULT_QUERY_CONFIG;
let prom: PrometheusServer;
const startsBefore = startCounter.starts;

beforeAll(async () => {
  prom = await startPrometheus({
    fixtures: kastenFixture(),
    recordingRules: {
      file: path.join(__dirname, '../../dev/prometheus/recording-rules.yml'),
      start: T0,
      end: END,
      evalInterval: '30s',
    },
  });
}, 60_000);

afterAll(async () => {
  await prom?.stop();
  // Read by the lead's timing notes: how many Prometheus processes this file launched.
  process.stdout.write(
    `promql: kasten-queries.test.ts started Prometheus ${startCounter.starts - startsBefore} time(s)\n`,
  );
});

const at = (expr: string, offset: number): Promise<VectorSample[]> => prom.query(expr, T0 + offset);

/** The row whose labels include `match`, as a number; throws when missing so a wrong label fails loudly. */
const valueWhere = (rows: VectorSample[], match: Labels): number => {
  const row = rows.find((r) => Object.entries(match).every(([k, v]) => r.metric[k] === v));
  if (!row) throw new Error(`no row with ${JSON.stringify(match)} in ${JSON.stringify(rows)}`);
  return Number(row.value[1]);
};

const has = (rows: VectorSample[], match: Labels): boolean =>
  rows.some((r) => Object.entries(match).every(([k, v]) => r.metric[k] === v));

const expectWholeNumber = (n: number, expected: number) => {
  expect(Number.isInteger(n)).toBe(true);
  expect(n).toBe(expected);
};

const seedKey = { policy: POLICY.seed, exported_namespace: APP.seed, type: 'backup' };

describe('fixture', () => {
  test('backfilled samples answer at the chosen evaluation time, hostile labels intact', async () => {
    const sel = `catalog_actions_count{namespace="kasten-io",status="failed",policy="${POLICY.seed}"}`;
    expect(Number((await at(sel, 600))[0]?.value[1])).toBe(2);
    expect(Number((await at(sel, 1500))[0]?.value[1])).toBe(4);
    const all = await at('catalog_actions_count{namespace="kasten-io"}', 900);
    expect(has(all, { policy: POLICY.hostile, exported_namespace: APP.hostile })).toBe(true);
  });
});

describe('new failed actions (rises of catalog_actions_count)', () => {
  const window = '10m';

  test('seed 2 -> 3 -> 4 within 10m is exactly 2 new failures, a whole number', async () => {
    const rows = await at(newFailedActions(cfg, window), 1500);
    expectWholeNumber(valueWhere(rows, seedKey), 2);
  });

  test('the seed increase() gives a fraction on the same data between scrapes; ours stays whole (why we do not use it)', async () => {
    const [row] = await at(
      `increase(catalog_actions_count{namespace="kasten-io",policy="${POLICY.seed}",status="failed"}[10m])`,
      1515,
    );
    expect(Number.isInteger(Number(row?.value[1]))).toBe(false);
    expectWholeNumber(valueWhere(await at(newFailedActions(cfg, window), 1515), seedKey), 2);
  });

  test('the seed increase() reads the retirement as a new failure (why we do not use it)', async () => {
    const [row] = await at(
      `increase(catalog_actions_count{namespace="kasten-io",policy="${POLICY.retire}",status="failed"}[10m])`,
      2000,
    );
    expect(Number(row?.value[1])).toBeGreaterThan(0);
  });

  test('zero once the window has passed, while the retained count stays 4', async () => {
    const rows = await at(newFailedActions(cfg, window), 1950);
    expectWholeNumber(valueWhere(rows, seedKey), 0);
    expectWholeNumber(valueWhere(await at(retainedFailedActions(cfg), 1950), seedKey), 4);
  });

  test('the window is (now - 10m, now]: each rise leaves it exactly 10m after its scrape', async () => {
    expectWholeNumber(valueWhere(await at(newFailedActions(cfg, window), 1860), seedKey), 1);
    expectWholeNumber(valueWhere(await at(newFailedActions(cfg, window), 1890), seedKey), 0);
  });

  test('a retirement 4 -> 1 is not a new failure', async () => {
    const rows = await at(newFailedActions(cfg, window), 2000);
    expectWholeNumber(valueWhere(rows, { policy: POLICY.retire }), 0);
    expectWholeNumber(valueWhere(await at(retainedFailedActions(cfg), 2000), { policy: POLICY.retire }), 1);
  });

  test('a rise 3 -> 4 then a retirement 4 -> 1 in one window is exactly one new failure', async () => {
    const rows = await at(newFailedActions(cfg, window), 2700);
    expectWholeNumber(valueWhere(rows, { policy: POLICY.riseThenRetire }), 1);
  });

  test('"value now minus value at window start" nets that failure away (why we do not use it)', async () => {
    const sel = `catalog_actions_count{namespace="kasten-io",policy="${POLICY.riseThenRetire}",status="failed"}`;
    expect(await at(`clamp_min(${sel} - ${sel} offset 10m, 0)`, 2700)).toEqual([
      expect.objectContaining({ value: [T0 + 2700, '0'] }),
    ]);
  });

  test("a brand-new policy's first failure counts", async () => {
    const rows = await at(newFailedActions(cfg, window), 3300);
    expectWholeNumber(valueWhere(rows, { policy: POLICY.brandNew, type: 'export' }), 1);
  });

  test('failed and cancelled are summed', async () => {
    expectWholeNumber(valueWhere(await at(newFailedActions(cfg, window), 1000), { policy: POLICY.cancel }), 2);
  });

  test('a catalog outage longer than 5m and a new catalog pod do not replay retained failures; a later failure still counts', async () => {
    const rows = await at(newFailedActions(cfg, window), GAP_END - T0 + 200);
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(r.value[1]).toBe('0');
    expectWholeNumber(valueWhere(await at(newFailedActions(cfg, window), 4600), { policy: POLICY.afterGap }), 1);
  });

  test('a catalog pod restart (new pod and instance labels) does not replay retained failures', async () => {
    const rows = await at(newFailedActions(cfg, window), RESTART - T0 + 300);
    // The brand-new policy's first failure (T0+3000) is the only new one in this window.
    expect(rows.filter((r) => r.value[1] !== '0').map((r) => [r.metric.policy, r.value[1]])).toEqual([
      [POLICY.brandNew, '1'],
    ]);
    expect(rows.length).toBeGreaterThan(5);
  });

  test('another namespace with the same policy name never leaks in; a custom Kasten namespace reads its own', async () => {
    const other: KastenQueryConfig = { ...cfg, kastenNamespace: 'other-kasten' };
    expectWholeNumber(valueWhere(await at(newFailedActions(other, window), 1500), seedKey), 8);
    const rows = await at(newFailedActions(cfg, window), 1500);
    expect(rows.filter((r) => r.metric.policy === POLICY.seed)).toHaveLength(1);
  });

  test('hostile policy and namespace round-trip exactly through the filter', async () => {
    const filter = { policy: POLICY.hostile, exportedNamespace: APP.hostile };
    const rows = await at(newFailedActions(cfg, window, filter), 900);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.metric).toEqual({ policy: POLICY.hostile, exported_namespace: APP.hostile, type: 'backup' });
    expectWholeNumber(Number(rows[0]?.value[1]), 1);
    const retained = await at(retainedFailedActions(cfg, filter), 900);
    expect(retained.map((r) => [r.metric.policy, r.value[1]])).toEqual([[POLICY.hostile, '1']]);
  });

  test('a filter narrows to one policy', async () => {
    const rows = await at(newFailedActions(cfg, window, { policy: POLICY.seed }), 1500);
    expect(rows.map((r) => r.metric.policy)).toEqual([POLICY.seed]);
  });
});

describe("when a series' first value is a new failure (the first-value gate, see riseAtStep)", () => {
  const window = '10m';
  const inNs = (kastenNamespace: string): KastenQueryConfig => ({ ...cfg, kastenNamespace });
  /** The same count with the other gate: `catalog` reads every catalog series, `target` the scrape targets' `up`. */
  const withGate = (c: KastenQueryConfig, gate: FirstValueGate): string =>
    `sum by (policy) (sum_over_time(${overWindow(
      c,
      riseAtStep(c, catalogActionsSelector(c, [['status', '=~', FAILED_STATUSES]]), undefined, false, gate),
      window,
    )}))`;

  test('a brand-new install: the first failure counts (and has a time) although the catalog exported nothing before it', async () => {
    const fresh = inNs(FRESH_NS);
    const at2100 = FRESH_FIRST_FAILURE - T0 + 90;
    expectWholeNumber(valueWhere(await at(newFailedActions(fresh, window), at2100), { policy: GATE_POLICY.first }), 1);
    expect(valueWhere(await at(lastFailureTimestamp(fresh, '1h'), at2100), { policy: GATE_POLICY.first })).toBe(
      FRESH_FIRST_FAILURE,
    );
    // The catalog gate cannot tell this first failure from monitoring that just started.
    expectWholeNumber(valueWhere(await at(withGate(fresh, 'catalog'), at2100), { policy: GATE_POLICY.first }), 0);
  });

  test('a Kasten upgrade whose new catalog pod exports its actions within 5m replays no held failure; a later first failure counts', async () => {
    const upgraded = inNs(UPGRADED_NS);
    const soon = await at(newFailedActions(upgraded, window), UPGRADE - T0 + 450);
    expect(soon.map((r) => [r.metric.policy, r.value[1]])).toEqual([[GATE_POLICY.held, '0']]);
    const later = await at(newFailedActions(upgraded, window), UPGRADE - T0 + 700);
    expectWholeNumber(valueWhere(later, { policy: GATE_POLICY.held }), 0);
    expectWholeNumber(valueWhere(later, { policy: GATE_POLICY.afterUpgrade }), 1);
    expect(
      valueWhere(await at(lastFailureTimestamp(upgraded, '1h'), UPGRADE - T0 + 700), {
        policy: GATE_POLICY.afterUpgrade,
      }),
    ).toBe(UPGRADE + 600);
    expect(has(await at(lastFailureTimestamp(upgraded, '1h'), UPGRADE - T0 + 700), { policy: GATE_POLICY.held })).toBe(
      false,
    );
  });

  test('the documented limit: a catalog target up for more than 5m without the family replays its held failures once; the catalog gate does not', async () => {
    const late = inNs(LATE_FAMILY_NS);
    const t = UPGRADE - T0 + 900;
    expectWholeNumber(valueWhere(await at(newFailedActions(late, window), t), { policy: GATE_POLICY.held }), 3);
    expectWholeNumber(valueWhere(await at(withGate(late, 'catalog'), t), { policy: GATE_POLICY.held }), 0);
  });
});

describe('last failure time', () => {
  test('is the scrape of the latest rise, per policy, type and namespace', async () => {
    const rows = await at(lastFailureTimestamp(cfg, '1h'), 1500);
    expect(valueWhere(rows, seedKey)).toBe(T0 + 1290);
    expect(valueWhere(rows, { policy: POLICY.hostile })).toBe(T0 + 600);
  });

  test('a retirement is not a failure time', async () => {
    const rows = await at(lastFailureTimestamp(cfg, '1h'), 2000);
    expect(has(rows, { policy: POLICY.retire })).toBe(false);
  });
});

describe('action counts and history', () => {
  test('counts by status, live actions only', async () => {
    const rows = await at(actionCountsByStatus(cfg, { policy: POLICY.seed }), 1500);
    expect(valueWhere(rows, { status: 'failed' })).toBe(4);
    expect(valueWhere(rows, { status: 'complete' })).toBe(10);
    expect(rows).toHaveLength(2);
  });

  test('history per policy and status over query_range', async () => {
    const series = await prom.queryRange(actionHistory(cfg, { policy: POLICY.seed }), T0 + 1200, T0 + 1320, 60);
    const failed = series.find((s) => s.metric.status === 'failed');
    expect(failed?.metric).toEqual({ policy: POLICY.seed, status: 'failed' });
    expect(failed?.values).toEqual([
      [T0 + 1200, '2'],
      [T0 + 1260, '3'],
      [T0 + 1320, '4'],
    ]);
  });
});

describe('history builders (query_range)', () => {
  test('new failures per step: every rise lands in exactly one step', async () => {
    for (const step of [30, 60, 300]) {
      const [series] = await prom.queryRange(
        newFailuresPerStep(cfg, `${step}s`, { policy: POLICY.seed }),
        T0 + 900,
        T0 + 1800,
        step,
      );
      const total = (series?.values ?? []).reduce((sum, [, v]) => sum + Number(v), 0);
      expectWholeNumber(total, 2);
    }
    const [perMinute] = await prom.queryRange(
      newFailuresPerStep(cfg, '60s', { policy: POLICY.seed }),
      T0 + 1200,
      T0 + 1320,
      60,
    );
    expect(perMinute?.values).toEqual([
      [T0 + 1200, '0'],
      [T0 + 1260, '1'],
      [T0 + 1320, '1'],
    ]);
  });

  test('status history, top policies by retained failures, known policies', async () => {
    const byStatus = await prom.queryRange(
      actionsByStatusHistory(cfg, { policy: POLICY.seed }),
      T0 + 1200,
      T0 + 1320,
      60,
    );
    expect(byStatus.find((s) => s.metric.status === 'failed')?.values.map(([, v]) => v)).toEqual(['2', '3', '4']);
    const top = await at(retainedFailuresTopPolicies(cfg, 2), 1500);
    expect(Object.fromEntries(top.map((r) => [r.metric.policy, r.value[1]]))).toEqual({
      [POLICY.seed]: '4',
      [POLICY.retire]: '4',
    });
    const policies = (await at(knownPolicies(cfg, { exportedNamespace: APP.rpo }), 1500)).map((r) => r.metric.policy);
    expect(policies).toEqual([POLICY.rpo]);
  });
});

describe('recovery point age', () => {
  const lookback = '1h';
  const SCRAPE = 30;
  /**
   * The look-back runs at a 5 minute step and reports the earliest time the success can have
   * happened plus one scrape: never understated by more than a scrape, overstated by less than a step.
   */
  const expectAge = (reported: number, trueAge: number) => {
    expect(reported).toBeGreaterThanOrEqual(trueAge - SCRAPE);
    expect(reported).toBeLessThan(trueAge + 300);
  };

  test('counts from the last successful backup', async () => {
    expectAge(
      valueWhere(await at(recoveryPointAgeSeconds(cfg, lookback, 'backup'), 2000), {
        policy: POLICY.rpo,
        exported_namespace: APP.rpo,
      }),
      500,
    );
  });

  test('a retirement does not reset it', async () => {
    expectAge(
      valueWhere(await at(recoveryPointAgeSeconds(cfg, lookback, 'backup'), 2700), { policy: POLICY.rpo }),
      1200,
    );
  });

  test('a backup whose retention retires an old restore point in the same scrape still counts as a success', async () => {
    expectAge(
      valueWhere(await at(recoveryPointAgeSeconds(cfg, lookback, 'backup'), 1800), {
        policy: POLICY.churn,
        exported_namespace: APP.churn,
      }),
      300,
    );
    expectAge(
      valueWhere(await at(recoveryPointAgeSeconds(cfg, lookback, 'backup'), 2400), {
        policy: POLICY.churn,
        exported_namespace: APP.churn,
      }),
      300,
    );
  });

  test('exports are separate', async () => {
    expectAge(
      valueWhere(await at(recoveryPointAgeSeconds(cfg, lookback, 'export'), 2700), { policy: POLICY.rpo }),
      900,
    );
  });

  test('policies with restore points but no success in the look-back are listed', async () => {
    const rows = await at(withoutRecoveryPoint(cfg, '30m', 'backup'), 3000);
    expect(has(rows, { policy: POLICY.stale })).toBe(true);
    expect(has(rows, { policy: POLICY.rpo })).toBe(false);
  });

  test('nothing is claimed before monitoring covered the whole look-back', async () => {
    expect(await at(withoutRecoveryPoint(cfg, '30m', 'backup'), 1000)).toEqual([]);
  });
});

describe('true counters (action_<type>_ended_count)', () => {
  test('failed and cancelled per policy, app and type, whole numbers, own namespace only', async () => {
    const rows = await at(newFailedActionsFromCounters(cfg, '10m'), 1500);
    expect(rows).toHaveLength(2);
    expectWholeNumber(valueWhere(rows, { policy: POLICY.seed, app: APP.seed, type: 'backup' }), 2);
    expectWholeNumber(valueWhere(rows, { policy: POLICY.seed, app: APP.seed, type: 'export' }), 1);
    expect(await at(newFailedActionsFromCounters(cfg, '10m', { exportedNamespace: 'nope' }), 1500)).toEqual([]);
  });
});

describe('resources', () => {
  test('memory: pod-level working set summed, below then above 3 GiB', async () => {
    const before = await at(kastenMemoryBytes(cfg), 1000);
    expect(before.map((r) => Number(r.value[1]))).toEqual([MEMORY.catalog + MEMORY.executorBefore]);
    expect(await at(kastenMemoryHigh(cfg), 1000)).toEqual([]);
    const after = await at(kastenMemoryHigh(cfg), 2500);
    expect(after.map((r) => Number(r.value[1]))).toEqual([MEMORY.catalog + MEMORY.executorAfter]);
  });

  test('CPU from the recording rule as OpenShift defines it, below then above 2 cores', async () => {
    const [before] = await at(kastenCpuCores(cfg), 1200);
    expect(Number(before?.value[1])).toBeCloseTo(1, 9);
    expect(await at(kastenCpuHigh(cfg), 1200)).toEqual([]);
    const [after] = await at(kastenCpuHigh(cfg), 2400);
    expect(Number(after?.value[1])).toBeCloseTo(2.5, 9);
  });

  test('catalog PVC below then above 50% used; jobs and logging too', async () => {
    expect(Number((await at(pvcUsedPercent(cfg, 'catalog'), 1000))[0]?.value[1])).toBe(30);
    expect(await at(catalogPvcUsageHigh(cfg), 1000)).toEqual([]);
    expect(Number((await at(catalogPvcUsageHigh(cfg), 2000))[0]?.value[1])).toBe(60);
    expect(Number((await at(pvcUsedPercent(cfg, 'jobs'), 1000))[0]?.value[1])).toBe(15);
    expect(Number((await at(pvcUsedPercent(cfg, 'logging'), 1000))[0]?.value[1])).toBe(87.5);
  });
});

describe('health', () => {
  test('targets up, and the catalog target down during the outage or when not scraped', async () => {
    expect((await at(kastenTargetsUp(cfg), 1000)).map((r) => [r.metric.job, r.value[1]]).sort()).toEqual([
      ['catalog-svc', '1'],
      ['metering-svc', '1'],
    ]);
    expect(await at(catalogTargetDown(cfg), 1000)).toEqual([]);
    expect((await at(catalogTargetDown(cfg), 3800)).map((r) => r.metric.job)).toEqual(['catalog-svc']);
    expect(await at(catalogTargetDown({ ...cfg, catalogJob: 'kasten-catalog' }), 1000)).toHaveLength(1);
  });

  test('the user-workload Prometheus answers as its own target, and never through a Kasten selector', async () => {
    expect((await at(userWorkloadPrometheusUp(), 1000)).map((r) => [r.metric.job, r.value[1]])).toEqual([
      ['prometheus-user-workload', '1'],
    ]);
    expect((await at(kastenTargetsUp(cfg), 1000)).some((r) => r.metric.job === 'prometheus-user-workload')).toBe(false);
  });

  test('metric presence: one row when present, none when absent, safe with a hostile name', async () => {
    expect(await at(metricPresent(cfg, 'catalog_actions_count'), 1000)).toHaveLength(1);
    expect(await at(metricPresent(cfg, 'action_run_ended_count'), 1000)).toEqual([]);
    expect(await at(metricPresent(cfg, 'x"} or vector(1) #\n'), 1000)).toEqual([]);
  });

  test('compliance, policy and profile validity, licence', async () => {
    const compliance = await at(complianceCounts(cfg), 1000);
    expect(Object.fromEntries(compliance.map((r) => [r.metric.state, Number(r.value[1])]))).toEqual({
      Compliant: 5,
      NotCompliant: 2,
      Unmanaged: 1,
    });
    const policies = await at(policyValidity(cfg), 1000);
    expect(valueWhere(policies, { action: 'backup', status: 'Success' })).toBe(5);
    expect(valueWhere(policies, { action: 'backup', status: 'Failed' })).toBe(1);
    expect(valueWhere(policies, { action: 'k10dr', status: 'Success' })).toBe(1);
    const profiles = await at(profileValidity(cfg), 1000);
    expect(valueWhere(profiles, { type: 'Location', status: 'Failed' })).toBe(1);
    expect(profiles).toHaveLength(3);
    expect(Number((await at(licenseCompliance(cfg), 1000))[0]?.value[1])).toBe(1);
    expect(Number((await at(licenseCompliance(cfg), 3100))[0]?.value[1])).toBe(0);
  });
});

describe('alert rules', () => {
  const rules = Object.fromEntries(kastenAlertRules(cfg).map((r) => [r.alert, r]));
  const fires = async (name: string, offset: number) => (await at(rules[name]?.expr ?? 'error(', offset)).length > 0;

  test('every expression is accepted by Prometheus', async () => {
    for (const r of kastenAlertRules(cfg)) await expect(at(r.expr, 1000)).resolves.toBeDefined();
  });

  test('fire exactly on their scenarios', async () => {
    expect(await fires('KastenNewFailedActions', 1500)).toBe(true);
    expect(await fires('KastenNewFailedActions', 2000)).toBe(false);
    expect(await fires('KastenMemoryHigh', 1000)).toBe(false);
    expect(await fires('KastenMemoryHigh', 2500)).toBe(true);
    expect(await fires('KastenCatalogPvcUsageHigh', 1000)).toBe(false);
    expect(await fires('KastenCatalogPvcUsageHigh', 2000)).toBe(true);
    expect(await fires('KastenCatalogTargetDown', 1000)).toBe(false);
    expect(await fires('KastenCatalogTargetDown', 3800)).toBe(true);
  });
});
