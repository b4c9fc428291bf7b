import { checkKastenNamespace } from './kasten-namespace';
import { forbidden, notFound, t, vector } from './test-helpers';
import type { NamespaceObject } from './types';

const ns = (labels: Record<string, string> = {}, phase = 'Active'): { loaded: boolean; data: NamespaceObject } => ({
  loaded: true,
  data: {
    metadata: { name: 'kasten-io', labels: { 'kubernetes.io/metadata.name': 'kasten-io', ...labels } },
    status: { phase },
  },
});

describe('checkKastenNamespace', () => {
  it('passes for a plain namespace, and for one that opts in explicitly', () => {
    expect(checkKastenNamespace({ kastenNamespace: 'kasten-io', namespace: ns() }, t)?.status).toBe('pass');
    expect(
      checkKastenNamespace(
        {
          kastenNamespace: 'kasten-io',
          namespace: ns({ 'openshift.io/user-monitoring': 'true', 'openshift.io/cluster-monitoring': 'false' }),
        },
        t,
      )?.status,
    ).toBe('pass');
  });

  it('fails when the namespace is missing', () => {
    const r = checkKastenNamespace({ kastenNamespace: 'kasten-io', namespace: { loaded: true, error: notFound } }, t);
    expect(r?.status).toBe('fail');
    expect(r?.detail).toMatch(/^Namespace kasten-io does not exist/);
  });

  it('fails for each excluding label, with the command that removes it', () => {
    const platform = checkKastenNamespace(
      { kastenNamespace: 'kasten-io', namespace: ns({ 'openshift.io/cluster-monitoring': 'true' }) },
      t,
    );
    expect(platform?.status).toBe('fail');
    expect(platform?.fix?.command).toBe('oc label namespace kasten-io openshift.io/cluster-monitoring-');
    const optedOut = checkKastenNamespace(
      { kastenNamespace: 'kasten-io', namespace: ns({ 'openshift.io/user-monitoring': 'false' }) },
      t,
    );
    expect(optedOut?.status).toBe('fail');
    expect(optedOut?.fix?.command).toBe('oc label namespace kasten-io openshift.io/user-monitoring-');
  });

  it('warns while the namespace is being deleted', () => {
    expect(checkKastenNamespace({ kastenNamespace: 'kasten-io', namespace: ns({}, 'Terminating') }, t)?.status).toBe(
      'warning',
    );
  });

  it('cannot tell without permission, unless user-workload monitoring already scrapes the namespace', () => {
    const denied = { loaded: true, error: forbidden };
    expect(checkKastenNamespace({ kastenNamespace: 'kasten-io', namespace: denied }, t)).toMatchObject({
      status: 'unknown',
      detail: 'Cannot tell: needs get on namespaces/kasten-io.',
    });
    const scraped = vector([
      { job: 'catalog-svc', prometheus: 'openshift-user-workload-monitoring/user-workload' },
      '0',
    ]);
    expect(
      checkKastenNamespace({ kastenNamespace: 'kasten-io', namespace: denied, kastenTargetsUp: scraped }, t)?.status,
    ).toBe('pass');
  });

  it('waits while loading', () => {
    expect(checkKastenNamespace({ kastenNamespace: 'kasten-io', namespace: { loaded: false } }, t)).toBeUndefined();
  });
});
