import { newFailedActions, withoutRecoveryPoint } from './actions';
import { kastenAlertRules } from './alerts';
import { DEFAULT_QUERY_CONFIG } from './config';
import { catalogTargetDown } from './health';
import { catalogPvcUsageHigh, kastenMemoryHigh } from './resources';

const cfg = DEFAULT_QUERY_CONFIG;

describe('kastenAlertRules', () => {
  const rules = kastenAlertRules(cfg);
  const byName = Object.fromEntries(rules.map((r) => [r.alert, r]));

  it('has the five alerts, in a stable order', () => {
    expect(rules.map((r) => r.alert)).toEqual([
      'KastenNewFailedActions',
      'KastenRecoveryPointTooOld',
      'KastenCatalogPvcUsageHigh',
      'KastenMemoryHigh',
      'KastenCatalogTargetDown',
    ]);
  });

  it.each([
    ['KastenNewFailedActions', `${newFailedActions(cfg, '10m')} > 0`, '0m', 'warning'],
    ['KastenRecoveryPointTooOld', withoutRecoveryPoint(cfg, '26h', 'backup'), '10m', 'critical'],
    ['KastenCatalogPvcUsageHigh', catalogPvcUsageHigh(cfg), '15m', 'warning'],
    ['KastenMemoryHigh', kastenMemoryHigh(cfg), '15m', 'warning'],
    ['KastenCatalogTargetDown', catalogTargetDown(cfg), '10m', 'critical'],
  ])('%s is built from the builders', (name, expr, forDuration, severity) => {
    expect(byName[name]).toMatchObject({ expr, for: forDuration, severity });
    expect(byName[name]?.summary.length).toBeGreaterThan(10);
    expect(byName[name]?.description.length).toBeGreaterThan(10);
  });

  it('takes the window and the maximum recovery-point age', () => {
    const custom = Object.fromEntries(kastenAlertRules(cfg, '1h', 7 * 86400).map((r) => [r.alert, r]));
    expect(custom.KastenNewFailedActions?.expr).toBe(`${newFailedActions(cfg, '1h')} > 0`);
    expect(custom.KastenNewFailedActions?.description).toContain('in the last 1h');
    expect(custom.KastenRecoveryPointTooOld?.expr).toBe(withoutRecoveryPoint(cfg, '1w', 'backup'));
    expect(custom.KastenRecoveryPointTooOld?.summary).toContain('1w');
  });

  it('uses Prometheus label templates for policy and namespace', () => {
    expect(byName.KastenNewFailedActions?.summary).toContain('{{ $labels.policy }}');
    expect(byName.KastenNewFailedActions?.description).toContain('{{ $labels.exported_namespace }}');
    expect(byName.KastenRecoveryPointTooOld?.description).toContain('{{ $labels.policy }}');
  });

  it.each([
    ['window', () => kastenAlertRules(cfg, 'soon')],
    ['max age', () => kastenAlertRules(cfg, '10m', 0)],
  ])('rejects a bad %s', (_name, build) => {
    expect(build).toThrow();
  });
});
