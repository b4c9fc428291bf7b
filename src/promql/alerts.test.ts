import { newFailedActions } from './actions';
import { LEAF_PROMETHEUS_LABELS, kastenAlertRules, recoveryPointRules } from './alerts';
import { DEFAULT_QUERY_CONFIG } from './config';
import { catalogTargetDown } from './health';
import { catalogPvcUsageHigh, kastenMemoryHigh } from './resources';

const cfg = DEFAULT_QUERY_CONFIG;

describe('kastenAlertRules', () => {
  const rules = kastenAlertRules(cfg);
  const byName = Object.fromEntries(rules.map((r) => [r.alert, r]));

  it('has the four Thanos Ruler alerts, in a stable order', () => {
    expect(rules.map((r) => r.alert)).toEqual([
      'KastenNewFailedActions',
      'KastenCatalogPvcUsageHigh',
      'KastenMemoryHigh',
      'KastenCatalogTargetDown',
    ]);
  });

  it.each([
    ['KastenNewFailedActions', `${newFailedActions(cfg, '10m')} > 0`, '0m', 'warning'],
    ['KastenCatalogPvcUsageHigh', catalogPvcUsageHigh(cfg), '15m', 'warning'],
    ['KastenMemoryHigh', kastenMemoryHigh(cfg), '15m', 'warning'],
    ['KastenCatalogTargetDown', catalogTargetDown(cfg), '10m', 'critical'],
  ])('%s is built from the builders', (name, expr, forDuration, severity) => {
    expect(byName[name]).toMatchObject({ expr, for: forDuration, severity });
    expect(byName[name]?.summary.length).toBeGreaterThan(10);
    expect(byName[name]?.description.length).toBeGreaterThan(10);
  });

  it('takes the window', () => {
    const custom = Object.fromEntries(kastenAlertRules(cfg, '1h').map((r) => [r.alert, r]));
    expect(custom.KastenNewFailedActions?.expr).toBe(`${newFailedActions(cfg, '1h')} > 0`);
    expect(custom.KastenNewFailedActions?.description).toContain('in the last 1h');
  });

  it('uses Prometheus label templates for policy and namespace', () => {
    expect(byName.KastenNewFailedActions?.summary).toContain('{{ $labels.policy }}');
    expect(byName.KastenNewFailedActions?.description).toContain('{{ $labels.exported_namespace }}');
  });

  it('rejects a bad window', () => {
    expect(() => kastenAlertRules(cfg, 'soon')).toThrow();
  });
});

describe('recoveryPointRules', () => {
  it('has the look-back, carrying and alert groups, allowed ages sorted before the alert', () => {
    const groups = recoveryPointRules(cfg, 93600, { weekly: 665880, manual: 0 });
    expect(groups.map((g) => [g.name, g.interval])).toEqual([
      ['kasten-recovery-point-lookback', '1h'],
      ['kasten-recovery-point', '1m'],
      ['kasten-recovery-point-alerts', '1m'],
    ]);
    const alertGroup = groups[2]?.rules ?? [];
    expect(alertGroup.map((r) => ('alert' in r ? r.alert : r.expr.match(/"policy", "([^"]*)"/)?.[1]))).toEqual([
      'manual',
      'weekly',
      'KastenRecoveryPointTooOld',
    ]);
    expect(LEAF_PROMETHEUS_LABELS).toEqual({ 'openshift.io/prometheus-rule-evaluation-scope': 'leaf-prometheus' });
  });

  it.each([
    ['a policy name that is not a Kubernetes name', { 'a"b': 1 }],
    ['a newline in a policy name', { 'a\nb': 1 }],
    ['a negative age', { p: -1 }],
    ['a fractional age', { p: 1.5 }],
  ])('rejects %s', (_name, ages) => {
    expect(() => recoveryPointRules(cfg, 93600, ages)).toThrow();
  });
});
