import { fireEvent, screen, within } from '@testing-library/react';
import { k8sCreate, useAccessReview, useK8sWatchResource, type WatchK8sResource } from '../../console-sdk';
import { answerPrometheus, promRequests, renderWith, resetSdkMocks, settle } from '../../../test/unit-helpers/render';
import { LazySetupBanner, LazySetupTab } from './LazySetup';
import { SetupBanner } from './SetupBanner';
import { SetupTab } from './SetupTab';

jest.mock('@openshift-console/dynamic-plugin-sdk');

type Answer = [unknown, boolean, unknown];
const denied: Answer = [undefined, false, { response: { status: 403 }, message: 'Forbidden' }];

/** A cluster set up the way the seed tutorial leaves it: its NetworkPolicy, its ServiceMonitor, no alert rules. */
const seedCluster: Record<string, Answer> = {
  ConfigMap: [
    { metadata: { name: 'cluster-monitoring-config' }, data: { 'config.yaml': 'enableUserWorkload: true\n' } },
    true,
    undefined,
  ],
  'Namespace/kasten-io': [
    { metadata: { name: 'kasten-io', labels: { 'kubernetes.io/metadata.name': 'kasten-io' } } },
    true,
    undefined,
  ],
  'Namespace/openshift-user-workload-monitoring': [
    {
      metadata: {
        name: 'openshift-user-workload-monitoring',
        labels: {
          'kubernetes.io/metadata.name': 'openshift-user-workload-monitoring',
          name: 'openshift-user-workload-monitoring',
        },
      },
    },
    true,
    undefined,
  ],
  NetworkPolicy: [
    [
      {
        metadata: { name: 'default-deny', namespace: 'kasten-io' },
        spec: { podSelector: {}, policyTypes: ['Ingress'] },
      },
      {
        metadata: { name: 'allow-openshift-monitoring', namespace: 'kasten-io' },
        spec: {
          ingress: [
            { from: [{ namespaceSelector: { matchLabels: { name: 'openshift-user-workload-monitoring' } } }] },
            { ports: [{ port: 'http', protocol: 'TCP' }] },
          ],
          podSelector: { matchLabels: { release: 'k10' } },
          policyTypes: ['Ingress'],
        },
      },
    ],
    true,
    undefined,
  ],
  Pod: [
    [
      {
        metadata: {
          name: 'catalog-svc-1',
          namespace: 'kasten-io',
          labels: { app: 'k10', component: 'catalog', release: 'k10', run: 'catalog-svc' },
        },
        spec: {
          containers: [{ name: 'catalog-svc', ports: [{ name: 'http', containerPort: 8000, protocol: 'TCP' }] }],
        },
      },
    ],
    true,
    undefined,
  ],
  Service: [
    [
      {
        metadata: {
          name: 'catalog-svc',
          namespace: 'kasten-io',
          labels: { app: 'k10', component: 'catalog', release: 'k10', run: 'catalog-svc' },
        },
        spec: { ports: [{ name: 'http', port: 8000, targetPort: 8000 }] },
      },
    ],
    true,
    undefined,
  ],
  ServiceMonitor: [
    [
      {
        metadata: { name: 'catalog', namespace: 'kasten-io' },
        spec: { endpoints: [{ port: 'http' }], selector: { matchLabels: { component: 'catalog' } } },
      },
    ],
    true,
    undefined,
  ],
  PrometheusRule: [[], true, undefined],
};

const answerWatches = (answers: Record<string, Answer>) => {
  jest.mocked(useK8sWatchResource).mockImplementation(((r: WatchK8sResource | null) => {
    const kind = r?.groupVersionKind?.kind ?? '';
    return answers[`${kind}/${r?.name ?? ''}`] ?? answers[kind] ?? denied;
  }) as typeof useK8sWatchResource);
};

const vector = (result: Array<{ metric: Record<string, string>; value: [number, string] }>) => ({
  status: 'success',
  data: { resultType: 'vector', result },
});
const scrapedByUserWorkload = {
  job: 'catalog-svc',
  namespace: 'kasten-io',
  prometheus: 'openshift-user-workload-monitoring/user-workload',
};

const answerMetrics = (catalogActions: string | undefined) =>
  answerPrometheus(({ query }) => {
    if (query.startsWith('up{namespace="kasten-io"'))
      return vector([{ metric: scrapedByUserWorkload, value: [1, '1'] }]);
    if (query.startsWith('count(')) return vector(catalogActions ? [{ metric: {}, value: [1, catalogActions] }] : []);
    if (query.includes('prometheus-user-workload'))
      return vector([{ metric: { job: 'prometheus-user-workload' }, value: [1, '1'] }]);
    throw new Error(`unexpected query ${query}`);
  });

const statusOf = (id: string) => screen.getByTestId(`check-${id}`).getAttribute('data-status');

beforeEach(() => {
  resetSdkMocks();
  jest.mocked(k8sCreate).mockReset();
});

describe('SetupTab', () => {
  it("judges the seed tutorial's cluster: the open NetworkPolicy flagged, alert rules missing", async () => {
    answerWatches(seedCluster);
    answerMetrics('7');
    renderWith(<SetupTab />);
    await settle();
    expect({
      uwm: statusOf('uwm-enabled'),
      ns: statusOf('kasten-namespace'),
      np: statusOf('network-policy'),
      sm: statusOf('service-monitors'),
      targets: statusOf('scrape-targets'),
      metrics: statusOf('catalog-metrics'),
      alerts: statusOf('alert-rules'),
    }).toEqual({
      uwm: 'pass',
      ns: 'pass',
      np: 'warning',
      sm: 'pass',
      targets: 'pass',
      metrics: 'pass',
      alerts: 'fail',
    });
    expect(screen.getByText(/5 pass, 1 warnings, 1 failing, 0 cannot tell/)).toBeInTheDocument();
    expect(
      promRequests()
        .map((r) => [r.path, r.query])
        .sort(),
    ).toEqual([
      ['/api/prometheus/api/v1/query', 'count({__name__="catalog_actions_count",namespace="kasten-io"})'],
      ['/api/prometheus/api/v1/query', 'up{namespace="kasten-io"}'],
      [
        '/api/prometheus/api/v1/query',
        'up{namespace="openshift-user-workload-monitoring",job="prometheus-user-workload"}',
      ],
    ]);
  });

  it('watches the objects it needs in the configured Kasten namespace', async () => {
    answerWatches({});
    answerMetrics(undefined);
    renderWith(<SetupTab />, { config: { kastenNamespace: 'backup' } });
    await settle();
    const watched = jest
      .mocked(useK8sWatchResource)
      .mock.calls.map(([r]) => `${r?.groupVersionKind?.kind} ${r?.namespace ?? ''} ${r?.name ?? ''}`.trim());
    expect(new Set(watched)).toEqual(
      new Set([
        'ConfigMap openshift-monitoring cluster-monitoring-config',
        'Namespace  backup',
        'Namespace  openshift-user-workload-monitoring',
        'NetworkPolicy backup',
        'Pod backup',
        'Service backup',
        'ServiceMonitor backup',
        'PrometheusRule backup',
      ]),
    );
  });

  it('applies the missing alert rules with k8sCreate in the Kasten namespace', async () => {
    answerWatches(seedCluster);
    answerMetrics('7');
    jest.mocked(useAccessReview).mockReturnValue([true, false]);
    jest.mocked(k8sCreate).mockImplementation(async ({ data }) => data);
    renderWith(<SetupTab />);
    await settle();
    const row = screen.getByTestId('check-alert-rules');
    fireEvent.click(
      within(row).getByRole('button', { name: 'Apply: create PrometheusRule kasten-io/kasten-console-plugin' }),
    );
    await settle();
    expect(jest.mocked(k8sCreate).mock.calls[0]?.[0].model.plural).toBe('prometheusrules');
    expect(jest.mocked(k8sCreate).mock.calls[0]?.[0].data.metadata).toMatchObject({
      name: 'kasten-console-plugin',
      namespace: 'kasten-io',
    });
    expect(within(row).getByRole('status')).toHaveTextContent(
      'Created PrometheusRule kasten-io/kasten-console-plugin.',
    );
  });

  it('degrades to "cannot tell" for a tenancy user without Kubernetes read access, and still uses what metrics show', async () => {
    answerWatches({});
    answerMetrics(undefined);
    jest.mocked(useAccessReview).mockReturnValue([false, false]);
    renderWith(<SetupTab />, { access: { mode: 'tenancy', namespace: 'kasten-io' } });
    await settle();
    expect(statusOf('uwm-enabled')).toBe('pass');
    expect(statusOf('kasten-namespace')).toBe('pass');
    expect(statusOf('network-policy')).toBe('unknown');
    expect(statusOf('service-monitors')).toBe('unknown');
    expect(statusOf('alert-rules')).toBe('unknown');
    expect(statusOf('scrape-targets')).toBe('pass');
    // The seed's "no action has run yet" case: scraped, metric absent.
    expect(statusOf('catalog-metrics')).toBe('warning');
    expect(within(screen.getByTestId('check-alert-rules')).getByTestId('check-detail')).toHaveTextContent(
      'Cannot tell: needs list on prometheusrules.monitoring.coreos.com in kasten-io.',
    );
    expect(screen.queryByRole('button', { name: /^Apply/ })).not.toBeInTheDocument();
    const sent = promRequests();
    expect(sent).toHaveLength(2);
    expect(
      sent.every((r) => r.path === '/api/prometheus-tenancy/api/v1/query' && r.params.get('namespace') === 'kasten-io'),
    ).toBe(true);
  });
});

describe('SetupBanner', () => {
  it('names the failing check and opens Setup', async () => {
    answerWatches(seedCluster);
    answerMetrics('7');
    const onOpenSetup = jest.fn();
    renderWith(<SetupBanner onOpenSetup={onOpenSetup} />);
    await settle();
    expect(screen.getByTestId('setup-banner')).toHaveTextContent(
      'A monitoring setup check fails: Alert rules installed.',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open Setup to see the fixes' }));
    expect(onOpenSetup).toHaveBeenCalled();
  });
});

describe('LazySetupTab and LazySetupBanner', () => {
  it('load the checks on demand and render them', async () => {
    answerWatches(seedCluster);
    answerMetrics('7');
    renderWith(
      <>
        <LazySetupBanner onOpenSetup={jest.fn()} />
        <LazySetupTab />
      </>,
    );
    expect(await screen.findByTestId('setup-banner')).toHaveTextContent('Alert rules installed');
    expect(await screen.findByTestId('check-network-policy')).toHaveAttribute('data-status', 'warning');
  });
});
