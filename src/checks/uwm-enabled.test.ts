import { load } from 'js-yaml';
import { checkUserWorkloadMonitoring, type UserWorkloadInputs } from './uwm-enabled';
import { forbidden, notFound, promFailed, t, vector } from './test-helpers';
import type { ConfigMapObject } from './types';

const cm = (configYaml?: string): UserWorkloadInputs['configMap'] => ({
  loaded: true,
  data: {
    metadata: { name: 'cluster-monitoring-config', namespace: 'openshift-monitoring' },
    data: configYaml === undefined ? {} : { 'config.yaml': configYaml },
  },
});

const uwmPrometheusUp = vector([
  { job: 'prometheus-user-workload', namespace: 'openshift-user-workload-monitoring' },
  '1',
]);
const kastenScrapedByUwm = vector([
  { job: 'catalog-svc', prometheus: 'openshift-user-workload-monitoring/user-workload' },
  '1',
]);

describe('checkUserWorkloadMonitoring', () => {
  it('passes when config.yaml enables it', () => {
    const r = checkUserWorkloadMonitoring({ configMap: cm('enableUserWorkload: true\n') }, t);
    expect(r).toMatchObject({
      id: 'uwm-enabled',
      status: 'pass',
      detail: 'config.yaml sets enableUserWorkload: true.',
    });
    expect(r?.fix).toBeUndefined();
  });

  it('fails when the key is false or missing, offering the edit command and no Apply (the ConfigMap exists)', () => {
    for (const text of ['enableUserWorkload: false', 'prometheusK8s:\n  retention: 1d\n']) {
      const r = checkUserWorkloadMonitoring({ configMap: cm(text) }, t);
      expect(r?.status).toBe('fail');
      expect(r?.fix?.command).toBe('oc -n openshift-monitoring edit configmap cluster-monitoring-config');
      expect(r?.fix?.resource).toBeUndefined();
      // Only the line to add: a whole ConfigMap applied over the existing one would drop its other settings.
      expect(r?.fix?.yaml).toBe('enableUserWorkload: true\n');
    }
    expect(checkUserWorkloadMonitoring({ configMap: cm() }, t)?.detail).toMatch(/no config.yaml key/);
  });

  it('fails on a quoted value, which the operator rejects', () => {
    const r = checkUserWorkloadMonitoring({ configMap: cm('enableUserWorkload: "true"') }, t);
    expect(r?.status).toBe('fail');
    expect(r?.detail).toMatch(/quoted string/);
    expect(checkUserWorkloadMonitoring({ configMap: cm('enableUserWorkload: enabled') }, t)?.detail).toMatch(
      /not a boolean/,
    );
  });

  it('warns when the key is given twice', () => {
    const r = checkUserWorkloadMonitoring({ configMap: cm('enableUserWorkload: true\nenableUserWorkload: true\n') }, t);
    expect(r?.status).toBe('warning');
  });

  it('warns when enabled but the user-workload Prometheus is not up', () => {
    const r = checkUserWorkloadMonitoring(
      { configMap: cm('enableUserWorkload: true'), userWorkloadPrometheusUp: vector() },
      t,
    );
    expect(r?.status).toBe('warning');
    expect(
      checkUserWorkloadMonitoring(
        { configMap: cm('enableUserWorkload: true'), userWorkloadPrometheusUp: uwmPrometheusUp },
        t,
      )?.status,
    ).toBe('pass');
  });

  it('fails when the ConfigMap does not exist, offering a ConfigMap to create', () => {
    const r = checkUserWorkloadMonitoring({ configMap: { loaded: true, error: notFound } }, t);
    expect(r?.status).toBe('fail');
    expect(r?.fix?.resource?.model.kind).toBe('ConfigMap');
    expect(r?.fix?.command).toBe(
      "oc -n openshift-monitoring create configmap cluster-monitoring-config --from-literal=config.yaml='enableUserWorkload: true'",
    );
    const parsed = load(r?.fix?.yaml ?? '') as ConfigMapObject;
    expect(parsed).toEqual(r?.fix?.resource?.data);
    expect(parsed).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cluster-monitoring-config', namespace: 'openshift-monitoring' },
      data: { 'config.yaml': 'enableUserWorkload: true\n' },
    });
  });

  it('cannot tell without permission when Prometheus cannot be asked either', () => {
    const r = checkUserWorkloadMonitoring({ configMap: { loaded: true, error: forbidden } }, t);
    expect(r).toMatchObject({
      status: 'unknown',
      detail: 'Cannot tell: needs get on configmaps in openshift-monitoring.',
    });
    const failed = checkUserWorkloadMonitoring(
      {
        configMap: { loaded: true, error: forbidden },
        userWorkloadPrometheusUp: promFailed({ kind: 'forbidden', message: 'no' }),
      },
      t,
    );
    expect(failed?.status).toBe('unknown');
  });

  it('falls back to Prometheus when the ConfigMap cannot be read', () => {
    const denied = { loaded: true, error: forbidden };
    expect(
      checkUserWorkloadMonitoring({ configMap: denied, userWorkloadPrometheusUp: uwmPrometheusUp }, t),
    ).toMatchObject({
      status: 'pass',
      detail: 'The user-workload Prometheus is up, so it is enabled.',
    });
    expect(checkUserWorkloadMonitoring({ configMap: denied, kastenTargetsUp: kastenScrapedByUwm }, t)).toMatchObject({
      status: 'pass',
      detail: 'The user-workload Prometheus scrapes targets in the Kasten namespace, so it is enabled.',
    });
    const off = checkUserWorkloadMonitoring({ configMap: denied, userWorkloadPrometheusUp: vector() }, t);
    expect(off?.status).toBe('fail');
    expect(off?.fix?.resource).toBeUndefined();
    expect(off?.fix?.yaml).toContain('kind: ConfigMap');
    // Series scraped by the platform Prometheus say nothing about user-workload monitoring.
    const platform = vector([{ job: 'catalog-svc', prometheus: 'openshift-monitoring/k8s' }, '1']);
    expect(checkUserWorkloadMonitoring({ configMap: denied, kastenTargetsUp: platform }, t)?.status).toBe('unknown');
  });

  it('reports other read errors verbatim and waits while loading', () => {
    const r = checkUserWorkloadMonitoring({ configMap: { loaded: true, error: { code: 500, message: 'boom' } } }, t);
    expect(r).toMatchObject({ status: 'unknown', detail: 'Cannot tell: reading the ConfigMap failed: boom' });
    expect(checkUserWorkloadMonitoring({ configMap: { loaded: false } }, t)).toBeUndefined();
  });
});
