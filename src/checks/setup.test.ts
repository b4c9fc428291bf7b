import { DEFAULT_PLUGIN_CONFIG } from '../models/plugin-config';
import { ASSUMED_CATALOG_POD_LABELS, DEFAULT_METRICS_PORT } from './network-policy';
import { catalogEndpoint, namespaceLabels, runSetupChecks, setupQueries, type SetupInputs } from './setup';
import { forbidden, t, vector } from './test-helpers';
import type { NamespaceObject, PodObject, Watched } from './types';

const loaded = <T>(data: T): Watched<T> => ({ data, loaded: true });
const pod = (ports: PodObject['spec']): PodObject => ({
  metadata: { labels: { component: 'catalog', x: 'y' } },
  spec: ports,
});

describe('catalogEndpoint', () => {
  test.each<[string, Watched<PodObject[]>, ReturnType<typeof catalogEndpoint>]>([
    [
      'pods not readable: Kasten’s usual labels and port, marked as assumed',
      { loaded: true, error: forbidden },
      { endpoint: { podLabels: ASSUMED_CATALOG_POD_LABELS, port: DEFAULT_METRICS_PORT }, read: false },
    ],
    [
      'no catalog pod yet: the same assumption',
      loaded([]),
      { endpoint: { podLabels: ASSUMED_CATALOG_POD_LABELS, port: DEFAULT_METRICS_PORT }, read: false },
    ],
    [
      'the port named http wins',
      loaded([pod({ containers: [{ ports: [{ containerPort: 9000 }, { name: 'http', containerPort: 8000 }] }] })]),
      {
        endpoint: {
          podLabels: { labels: { component: 'catalog', x: 'y' }, complete: true },
          port: { number: 8000, name: 'http', protocol: 'TCP' },
        },
        read: true,
      },
    ],
    [
      'an unnamed port with the metrics number, protocol kept',
      loaded([pod({ containers: [{ ports: [{ containerPort: 8000, protocol: 'SCTP' }] }] })]),
      {
        endpoint: {
          podLabels: { labels: { component: 'catalog', x: 'y' }, complete: true },
          port: { number: 8000, name: undefined, protocol: 'SCTP' },
        },
        read: true,
      },
    ],
    [
      'a pod without the port: the default port, real labels',
      loaded([pod({ containers: [{ ports: [{ name: 'grpc', containerPort: 9000 }] }] })]),
      {
        endpoint: {
          podLabels: { labels: { component: 'catalog', x: 'y' }, complete: true },
          port: DEFAULT_METRICS_PORT,
        },
        read: true,
      },
    ],
  ])('%s', (_name, pods, expected) => {
    expect(catalogEndpoint(pods)).toEqual(expected);
  });
});

test.each<[string, Watched<NamespaceObject>, ReturnType<typeof namespaceLabels>]>([
  [
    'read: its labels plus the name label Kubernetes sets',
    loaded({ metadata: { name: 'uwm', labels: { team: 'a' } } }),
    { labels: { 'kubernetes.io/metadata.name': 'uwm', team: 'a' }, complete: true },
  ],
  [
    'forbidden: only the name label is known',
    { loaded: true, error: forbidden },
    { labels: { 'kubernetes.io/metadata.name': 'uwm' }, complete: false },
  ],
])('namespaceLabels: %s', (_name, ns, expected) => {
  expect(namespaceLabels(ns, 'uwm')).toEqual(expected);
});

test.each([
  [true, ['targets', 'catalogActions', 'userWorkloadPrometheus']],
  [false, ['targets', 'catalogActions']],
])('setupQueries asks about the user-workload Prometheus only for a cluster-wide reader (%p)', (ask, keys) => {
  expect(setupQueries(DEFAULT_PLUGIN_CONFIG, ask).map((r) => r.key)).toEqual(keys);
});

describe('runSetupChecks', () => {
  const waiting: Watched<never> = { loaded: false };
  const base: SetupInputs = {
    config: DEFAULT_PLUGIN_CONFIG,
    configLoaded: true,
    configMap: waiting,
    kastenNamespace: waiting,
    userWorkloadNamespace: waiting,
    networkPolicies: waiting,
    catalogPods: waiting,
    services: waiting,
    serviceMonitors: waiting,
    prometheusRules: waiting,
    policies: waiting,
    prom: {},
  };

  test('nothing read yet: still loading', () => {
    expect(runSetupChecks(base, t).loading).toBe(true);
  });

  test('everything answered: one result per check, loading off; without the config loaded, still loading', () => {
    const ready: SetupInputs = {
      ...base,
      configMap: loaded({ data: { 'config.yaml': 'enableUserWorkload: true\n' } }),
      kastenNamespace: loaded({ metadata: { name: 'kasten-io', labels: {} } }),
      userWorkloadNamespace: loaded({ metadata: { name: 'openshift-user-workload-monitoring' } }),
      networkPolicies: loaded([]),
      catalogPods: loaded([]),
      services: loaded([]),
      serviceMonitors: loaded([]),
      prometheusRules: loaded([]),
      policies: loaded([]),
      prom: {
        targets: vector([{ job: 'catalog-svc' }, '1']),
        catalogActions: vector([{}, '1']),
        userWorkloadPrometheus: vector([{}, '1']),
      },
    };
    const done = runSetupChecks(ready, t);
    expect(done.loading).toBe(false);
    expect(done.results.map((r) => r.id)).toHaveLength(new Set(done.results.map((r) => r.id)).size);
    expect(done.results).toHaveLength(8);
    expect(runSetupChecks({ ...ready, configLoaded: false }, t).loading).toBe(true);
  });
});
