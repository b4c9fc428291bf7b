import { load } from 'js-yaml';
import {
  EXPECTED_AGE_RECORD,
  LAST_FAILURE_RECORD,
  LAST_SUCCESS_RECORD,
  expectedAgeRecordExpr,
  kastenAlertRules,
  recoveryPointRules,
} from '../promql';
import type { KastenPolicy } from '../models/policy';
import { DEFAULT_PLUGIN_CONFIG } from '../models/plugin-config';
import { checkAlertRules, checkRecoveryRules } from './alert-rules';
import { forbidden, t } from './test-helpers';
import type { PrometheusRuleObject } from './types';

const config = { ...DEFAULT_PLUGIN_CONFIG, kastenNamespace: 'backup-system' };
const rule = (
  name: string,
  rules: Array<{ alert?: string; record?: string; expr: string }>,
  labels?: Record<string, string>,
): PrometheusRuleObject => ({
  metadata: { name, namespace: 'backup-system', labels },
  spec: { groups: [{ name: 'g', rules }] },
});

describe('checkAlertRules', () => {
  it('never throws on a configuration the rule builders refuse (a 0m window): it says it cannot build the rules', () => {
    const bad = { ...config, newFailuresWindow: '0m' };
    const r = checkAlertRules({ config: bad, prometheusRules: { loaded: true, data: [] } }, t);
    expect(r?.status).toBe('unknown');
    expect(r?.detail).toBe('Cannot build the alert rules from the plugin configuration: invalid PromQL duration: 0m');
  });

  it('passes with a PrometheusRule holding alerts', () => {
    const r = checkAlertRules(
      {
        config,
        prometheusRules: {
          loaded: true,
          data: [
            rule('kasten', [
              { alert: 'A', expr: '1' },
              { alert: 'B', expr: '1' },
            ]),
          ],
        },
      },
      t,
    );
    expect(r).toMatchObject({ status: 'pass', detail: '2 alerting rules in kasten.' });
  });

  it("fails without any PrometheusRule and offers the plugin's rules for the user's namespace", () => {
    const r = checkAlertRules({ config, prometheusRules: { loaded: true, data: [] } }, t);
    expect(r?.status).toBe('fail');
    const parsed = load(r?.fix?.yaml ?? '') as PrometheusRuleObject;
    expect(parsed).toEqual(r?.fix?.resource?.data);
    expect(parsed.metadata).toMatchObject({ name: 'kasten-console-plugin', namespace: 'backup-system' });
    const expected = kastenAlertRules(config, config.newFailuresWindow);
    expect(parsed.spec?.groups?.[0]?.rules?.map((x) => [x.alert, x.expr])).toEqual(
      expected.map((x) => [x.alert, x.expr]),
    );
    expect(parsed.spec?.groups?.[0]?.rules?.[0]?.expr).toContain('namespace="backup-system"');
  });

  it('warns about recording-only or opted-out rules', () => {
    const recording = checkAlertRules(
      { config, prometheusRules: { loaded: true, data: [rule('rec', [{ record: 'x:y', expr: '1' }])] } },
      t,
    );
    expect(recording?.status).toBe('warning');
    expect(recording?.detail).toMatch(/recording rules only/);
    const optedOut = checkAlertRules(
      {
        config,
        prometheusRules: {
          loaded: true,
          data: [rule('off', [{ alert: 'A', expr: '1' }], { 'openshift.io/user-monitoring': 'false' })],
        },
      },
      t,
    );
    expect(optedOut?.status).toBe('warning');
    expect(optedOut?.detail).toMatch(/is ignored/);
  });

  it('cannot tell without permission to list PrometheusRules', () => {
    const r = checkAlertRules({ config, prometheusRules: { loaded: true, error: forbidden } }, t);
    expect(r).toMatchObject({
      status: 'unknown',
      detail: 'Cannot tell: needs list on prometheusrules.monitoring.coreos.com in backup-system.',
    });
  });

  it('waits while loading', () => {
    expect(checkAlertRules({ config, prometheusRules: { loaded: false } }, t)).toBeUndefined();
  });
});

describe('checkRecoveryRules', () => {
  const policy = (name: string, frequency: string, paused = false): KastenPolicy => ({
    metadata: { name },
    spec: { frequency, paused },
  });
  const policies = {
    loaded: true,
    data: [policy('weekly', '@weekly'), policy('manual', '@onDemand'), policy('odd', '?')],
  };
  const leaf = { 'openshift.io/prometheus-rule-evaluation-scope': 'leaf-prometheus' };
  const installed = (ages: Record<string, number>, labels: Record<string, string> | undefined = leaf) =>
    rule(
      'kasten-console-plugin-recovery-points',
      [
        { record: LAST_SUCCESS_RECORD, expr: 'x' },
        { record: LAST_FAILURE_RECORD, expr: 'x' },
        ...Object.entries(ages).map(([p, a]) => ({
          record: EXPECTED_AGE_RECORD,
          expr: expectedAgeRecordExpr(config, p, a),
        })),
      ],
      labels,
    );

  it('fails without the records and offers them with the allowed age of each readable policy', () => {
    const r = checkRecoveryRules({ config, prometheusRules: { loaded: true, data: [] }, policies }, t);
    expect(r?.status).toBe('fail');
    const parsed = load(r?.fix?.yaml ?? '') as PrometheusRuleObject;
    expect(parsed).toEqual(r?.fix?.resource?.data);
    expect(parsed.metadata).toMatchObject({
      name: 'kasten-console-plugin-recovery-points',
      namespace: 'backup-system',
      labels: leaf,
    });
    const expected = recoveryPointRules(config, config.recoveryPointMaxAgeSeconds, { weekly: 665880, manual: 0 });
    expect(parsed.spec?.groups?.map((g) => g.rules?.map((x) => x.expr))).toEqual(
      expected.map((g) => g.rules.map((x) => x.expr)),
    );
    expect(r?.fix?.description).toContain('6 h');
  });

  it('passes when the ages match the schedules', () => {
    const r = checkRecoveryRules(
      { config, prometheusRules: { loaded: true, data: [installed({ weekly: 665880, manual: 0 })] }, policies },
      t,
    );
    expect(r?.status).toBe('pass');
  });

  it('warns when a policy is missing or differs, naming it', () => {
    const r = checkRecoveryRules(
      { config, prometheusRules: { loaded: true, data: [installed({ weekly: 95640 })] }, policies },
      t,
    );
    expect(r?.status).toBe('warning');
    expect(r?.detail).toContain('manual, weekly');
  });

  it('warns when the rules predate the last-failure record, offering the current ones', () => {
    const older = rule('kasten-console-plugin-recovery-points', [{ record: LAST_SUCCESS_RECORD, expr: 'x' }], leaf);
    const r = checkRecoveryRules({ config, prometheusRules: { loaded: true, data: [older] }, policies }, t);
    expect(r?.status).toBe('warning');
    expect(r?.detail).toContain(LAST_FAILURE_RECORD);
    expect(r?.fix?.yaml).toContain(LAST_FAILURE_RECORD);
  });

  it('warns when Thanos Ruler would evaluate the records', () => {
    const r = checkRecoveryRules(
      { config, prometheusRules: { loaded: true, data: [installed({ weekly: 665880, manual: 0 }, {})] }, policies },
      t,
    );
    expect(r?.status).toBe('warning');
    expect(r?.detail).toContain('leaf-prometheus');
  });

  it('cannot tell without permission to list PrometheusRules, and still offers the fix', () => {
    const r = checkRecoveryRules({ config, prometheusRules: { loaded: true, error: forbidden }, policies }, t);
    expect(r?.status).toBe('unknown');
    expect(r?.fix?.yaml).toContain(LAST_SUCCESS_RECORD);
  });

  it('passes without comparing ages when the policies cannot be read', () => {
    const r = checkRecoveryRules(
      {
        config,
        prometheusRules: { loaded: true, data: [installed({})] },
        policies: { loaded: true, error: forbidden },
      },
      t,
    );
    expect(r?.status).toBe('pass');
    expect(r?.detail).toContain('could not be read');
  });
});
