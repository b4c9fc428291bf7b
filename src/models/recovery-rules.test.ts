import { USER_MONITORING_LABEL, recoveryRulesPresence, type RecoveryRulesPresence } from './recovery-rules';
import { USER_MONITORING_LABEL as CHECKS_LABEL } from '../checks/kasten-namespace';
import { EXPECTED_AGE_RECORD, LAST_SUCCESS_RECORD } from '../promql';
import type { PrometheusRuleObject, Watched } from '../checks/types';

const rule = (name: string, records: string[], labels?: Record<string, string>): PrometheusRuleObject => ({
  metadata: { name, namespace: 'kasten-io', ...(labels ? { labels } : {}) },
  spec: { groups: [{ name: 'g', rules: records.map((record) => ({ record, expr: 'vector(1)' })) }] },
});
const alerting: PrometheusRuleObject = {
  metadata: { name: 'kasten-alerts' },
  spec: { groups: [{ name: 'a', rules: [{ alert: 'KastenBackupFailed', expr: 'vector(1)' }] }] },
};
const listed = (data: PrometheusRuleObject[]): Watched<PrometheusRuleObject[]> => ({
  data,
  loaded: true,
  error: undefined,
});
const failed = (error: unknown): Watched<PrometheusRuleObject[]> => ({ data: [], loaded: false, error });

test.each<[string, Watched<PrometheusRuleObject[]>, RecoveryRulesPresence]>([
  ['the list not answered yet', { data: [], loaded: false, error: undefined }, { state: 'loading' }],
  [
    "the chart's rule, not yet evaluated (its records have no sample): installed",
    listed([rule('kasten-console-plugin-recovery-points', [LAST_SUCCESS_RECORD, EXPECTED_AGE_RECORD])]),
    { state: 'installed', names: ['kasten-console-plugin-recovery-points'] },
  ],
  [
    'two rules recording it, names sorted',
    listed([rule('z-setup', [LAST_SUCCESS_RECORD]), alerting, rule('a-chart', [LAST_SUCCESS_RECORD])]),
    { state: 'installed', names: ['a-chart', 'z-setup'] },
  ],
  ['no PrometheusRule at all: absent', listed([]), { state: 'absent' }],
  [
    'only alerting rules and other records: absent',
    listed([alerting, rule('other', [EXPECTED_AGE_RECORD, 'kasten:something:else'])]),
    { state: 'absent' },
  ],
  [
    'labelled openshift.io/user-monitoring=false: never evaluated',
    listed([rule('off', [LAST_SUCCESS_RECORD], { 'openshift.io/user-monitoring': 'false' })]),
    { state: 'ignored', names: ['off'] },
  ],
  [
    'one ignored and one evaluated: installed names only the evaluated one',
    listed([
      rule('off', [LAST_SUCCESS_RECORD], { 'openshift.io/user-monitoring': 'false' }),
      rule('on', [LAST_SUCCESS_RECORD], { 'openshift.io/user-monitoring': 'true' }),
    ]),
    { state: 'installed', names: ['on'] },
  ],
  [
    '403: cannot tell, not "absent"',
    failed({ response: { status: 403 }, message: 'forbidden' }),
    { state: 'forbidden' },
  ],
  ['401 likewise', failed({ code: 401 }), { state: 'forbidden' }],
  [
    'another failure keeps the API words',
    failed({ response: { status: 500 }, message: 'etcd timeout' }),
    { state: 'error', message: 'etcd timeout' },
  ],
  [
    '404 (the kind is not served): no rule can exist',
    failed({ response: { status: 404 }, message: 'nf' }),
    { state: 'absent' },
  ],
  [
    'hostile entries (null rule, groups without rules) are skipped',
    listed([null as unknown as PrometheusRuleObject, { metadata: { name: 'x' }, spec: { groups: [{}] } }]),
    { state: 'absent' },
  ],
])('%s', (_name, watched, expected) => {
  expect(recoveryRulesPresence(watched)).toEqual(expected);
});

test("the opt-out label is the Setup checks' own", () => {
  expect(USER_MONITORING_LABEL).toBe(CHECKS_LABEL);
});
