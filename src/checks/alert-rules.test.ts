import { load } from 'js-yaml';
import { kastenAlertRules } from '../promql';
import { DEFAULT_PLUGIN_CONFIG } from '../models/plugin-config';
import { checkAlertRules } from './alert-rules';
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
    const expected = kastenAlertRules(config, config.newFailuresWindow, config.recoveryPointMaxAgeSeconds);
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
