/**
 * The exposed modules as the console mounts them: KastenPage at the routes
 * console-extensions.json declares, KastenNamespaceTab with the `obj` the
 * horizontal nav passes. Only the SDK is stubbed.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as React from 'react';
import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { consoleFetchJSON, useAccessReview, type AccessReviewResourceAttributes } from '../console-sdk';
import { emptyVector } from '../__fixtures__/prometheus';
import { DEFAULT_PLUGIN_CONFIG, PLUGIN_CONFIG_URL } from '../models/plugin-config';
import { actionCountsByStatus } from '../promql';
import {
  answerPrometheus,
  currentUrl,
  deferred,
  promRequests,
  resetSdkMocks,
  settle,
} from '../../test/unit-helpers/render';
import KastenNamespaceTab from './KastenNamespaceTab';
import KastenPage from './KastenPage';

interface Extension {
  type: string;
  properties: Record<string, unknown>;
}
const extensions = JSON.parse(
  fs.readFileSync(path.resolve(__dirname, '../../console-extensions.json'), 'utf8'),
) as Extension[];
const routePaths = extensions.find((e) => e.type === 'console.page/route')?.properties.path as string[];

/** The harness's location probe, here inside this test's own router. */
const Probe: React.FC = () => {
  const l = useLocation();
  return (
    <output data-test="location" hidden>
      {`${l.pathname}${l.search}`}
    </output>
  );
};

const mountAt = async (url: string) => {
  render(
    <MemoryRouter initialEntries={[url]}>
      <Routes>
        {routePaths.map((p) => (
          <Route key={p} path={p} element={<KastenPage />} />
        ))}
        <Route path="*" element={<p>not ours</p>} />
      </Routes>
      <Probe />
    </MemoryRouter>,
  );
  await settle();
};

/** The two access reviews: [cluster allowed, tenancy allowed]. */
const allow = (cluster: boolean, tenancy: boolean) =>
  jest
    .mocked(useAccessReview)
    .mockImplementation((a: AccessReviewResourceAttributes) => [
      a.resource === 'prometheuses' ? cluster : tenancy,
      false,
    ]);

beforeEach(() => {
  resetSdkMocks();
  answerPrometheus(() => emptyVector());
  allow(true, false);
});

test('/kasten: the page, its title, every overview query for all namespaces', async () => {
  await mountAt('/kasten');
  expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Kasten');
  expect(document.title).toBe('Kasten');
  expect(screen.getByTestId('namespace-filter')).toHaveValue('');
  expect(promRequests().map((r) => r.query)).toContain(actionCountsByStatus(DEFAULT_PLUGIN_CONFIG));
  // The page read its configuration from the chart's file before anything else.
  expect(jest.mocked(consoleFetchJSON).mock.calls[0]?.[0]).toBe(PLUGIN_CONFIG_URL);
});

test('/kasten/ns/:ns narrows to that application namespace and titles the page with it', async () => {
  await mountAt('/kasten/ns/shop');
  expect(document.title).toBe('Kasten · shop');
  expect(screen.getByTestId('namespace-filter')).toHaveValue('shop');
  expect(promRequests().map((r) => r.query)).toContain(
    actionCountsByStatus(DEFAULT_PLUGIN_CONFIG, { exportedNamespace: 'shop' }),
  );
});

test('the namespace filter navigates between the two routes and keeps the search params', async () => {
  await mountAt('/kasten?timeRange=7200000&filter=nightly');
  const input = screen.getByTestId('namespace-filter');
  fireEvent.change(input, { target: { value: ' crm ' } });
  fireEvent.submit(input.closest('form')!);
  await settle();
  expect(currentUrl().pathname).toBe('/kasten/ns/crm');
  expect(currentUrl().search).toBe('?timeRange=7200000&filter=nightly');
  expect(document.title).toBe('Kasten · crm');
  fireEvent.change(screen.getByTestId('namespace-filter'), { target: { value: '' } });
  fireEvent.blur(screen.getByTestId('namespace-filter'));
  await settle();
  expect(currentUrl().pathname).toBe('/kasten');
  expect(currentUrl().searchParams.get('timeRange')).toBe('7200000');
});

test('the page decides access itself: cluster-monitoring-view denied, view in kasten-io allowed → tenancy proxy', async () => {
  allow(false, true);
  await mountAt('/kasten');
  expect(promRequests().length).toBeGreaterThan(0);
  expect(
    promRequests().every(
      (r) => r.path.startsWith('/api/prometheus-tenancy/') && r.params.get('namespace') === 'kasten-io',
    ),
  ).toBe(true);
  expect(screen.getByTestId('tenancy-note')).toBeInTheDocument();
});

test('neither permission: nothing sent, the panels say why', async () => {
  allow(false, false);
  await mountAt('/kasten');
  expect(promRequests()).toEqual([]);
  expect(screen.getAllByRole('alert')[0]).toHaveTextContent('no permission to read metrics in namespace kasten-io');
});

test('nothing is queried before plugin-config.json is read; then everything uses its Kasten namespace', async () => {
  const config = deferred<unknown>();
  jest
    .mocked(consoleFetchJSON)
    .mockImplementation((url: string) => (url === PLUGIN_CONFIG_URL ? config.promise : Promise.resolve(emptyVector())));
  allow(false, true);
  await mountAt('/kasten');
  expect(promRequests()).toEqual([]);
  config.resolve({ kastenNamespace: 'k10' });
  await settle();
  expect(screen.getByText('Kasten namespace: k10')).toBeInTheDocument();
  expect(jest.mocked(useAccessReview).mock.calls.map((c) => c[0])).toContainEqual({
    group: 'metrics.k8s.io',
    resource: 'pods',
    verb: 'get',
    namespace: 'k10',
  });
  expect(promRequests().length).toBeGreaterThan(0);
  expect(promRequests().every((r) => r.params.get('namespace') === 'k10')).toBe(true);
  expect(promRequests().map((r) => r.query)).toContain(
    actionCountsByStatus({ ...DEFAULT_PLUGIN_CONFIG, kastenNamespace: 'k10' }),
  );
  expect(promRequests().some((r) => r.query.includes('kasten-io'))).toBe(false);
});

describe('KastenNamespaceTab', () => {
  const mountTab = async (access: [boolean, boolean]) => {
    allow(...access);
    render(
      <MemoryRouter initialEntries={['/k8s/cluster/namespaces/shop/kasten']}>
        <KastenNamespaceTab obj={{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }} />
      </MemoryRouter>,
    );
    await settle();
  };

  test('with metrics access: the dashboard for that namespace', async () => {
    await mountTab([true, false]);
    expect(screen.getByRole('tablist')).toBeInTheDocument();
    expect(promRequests().map((r) => r.query)).toContain(
      actionCountsByStatus(DEFAULT_PLUGIN_CONFIG, { exportedNamespace: 'shop' }),
    );
  });

  test('without: the fallback to action resources, with its note', async () => {
    await mountTab([false, false]);
    expect(promRequests()).toEqual([]);
    expect(screen.getByTestId('metrics-fallback-note')).toHaveTextContent(
      "Showing Kasten's action resources in shop from the Kubernetes API instead.",
    );
  });
});
