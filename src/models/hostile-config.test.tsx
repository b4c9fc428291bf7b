/**
 * Property-style proof that no plugin-config.json value can break the page:
 * every key gets hostile values (zero, negative, fractions, NaN, Inf, huge,
 * strings, wrong types, PromQL injection), each through the parser, then
 * through every check builder, and each configuration the parser lets through
 * through the real page (KastenPage: providers, dashboard, every tab and its
 * checks), which must render without the error boundary and name the ignored
 * key in a visible note.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { consoleFetchJSON } from '../console-sdk';
import { emptyVector } from '../__fixtures__/prometheus';
import { checkAlertRules } from '../checks/alert-rules';
import { checkKastenNamespace } from '../checks/kasten-namespace';
import { checkNetworkPolicy } from '../checks/network-policy';
import { checkCatalogMetrics, checkScrapeTargets } from '../checks/scrape-targets';
import { checkServiceMonitors } from '../checks/service-monitors';
import { checkUserWorkloadMonitoring } from '../checks/uwm-enabled';
import { t, vector } from '../checks/test-helpers';
import KastenPage from '../pages/KastenPage';
import { DEFAULT_CATALOG_JOB } from '../promql';
import { resetSdkMocks, settle } from '../../test/unit-helpers/render';
import { PAGE_RENDER_TIMEOUT_MS } from '../../test/unit-helpers/timeouts';
import { DEFAULT_PLUGIN_CONFIG, PLUGIN_CONFIG_URL, parsePluginConfig, type KastenPluginConfig } from './plugin-config';

// Each page case mounts the whole page on one tab (see the constant for the measured times).
jest.setTimeout(PAGE_RENDER_TIMEOUT_MS);

const KEYS = [
  'kastenNamespace',
  'newFailuresWindow',
  'scrapeResolution',
  'memoryThresholdBytes',
  'catalogPvcUsedPercentThreshold',
  'cpuThresholdCores',
  'recoveryPointMaxAgeSeconds',
] as const;

const HOSTILE: unknown[] = [
  0,
  -1,
  0.5,
  1.5,
  7200.25,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MAX_SAFE_INTEGER,
  1e300,
  '0m',
  '0s',
  '0ms',
  '500ms',
  '-5m',
  '99999999999y',
  '10m',
  '1y',
  '',
  'kasten-io"} or vector(1) #',
  'x'.repeat(300),
  '50',
  null,
  true,
  [],
  {},
  { value: 1 },
];

const cases = KEYS.flatMap((key) => HOSTILE.map((value) => [key, value] as const));

/** Every check builder, with its Kubernetes and Prometheus inputs loaded and empty, for this configuration. */
const runEveryCheck = (config: KastenPluginConfig) => {
  const ns = config.kastenNamespace;
  const none = { data: [], loaded: true };
  const targets = vector();
  return [
    checkUserWorkloadMonitoring({ configMap: { loaded: true }, kastenTargetsUp: targets }, t),
    checkKastenNamespace({ kastenNamespace: ns, namespace: { loaded: true }, kastenTargetsUp: targets }, t),
    checkNetworkPolicy(
      {
        kastenNamespace: ns,
        policies: none,
        endpoint: { podLabels: { labels: {}, complete: false }, port: { name: 'http', number: 8000, protocol: 'TCP' } },
        endpointRead: false,
        sourceNamespaceLabels: { labels: {}, complete: false },
      },
      t,
    ),
    checkServiceMonitors({ kastenNamespace: ns, serviceMonitors: none, services: none }, t),
    checkScrapeTargets({ kastenNamespace: ns, catalogJob: DEFAULT_CATALOG_JOB, kastenTargetsUp: targets }, t),
    checkCatalogMetrics(
      {
        kastenNamespace: ns,
        catalogJob: DEFAULT_CATALOG_JOB,
        kastenTargetsUp: targets,
        catalogActionsPresent: targets,
      },
      t,
    ),
    checkAlertRules({ config, prometheusRules: none }, t),
  ];
};

describe('the parser takes a value only when it is usable, and every check builder survives what it takes', () => {
  test.each(cases)('%s = %p', (key, value) => {
    const { config, ignored } = parsePluginConfig({ [key]: value });
    const taken = ignored.length === 0;
    expect(ignored).toEqual(taken ? [] : [key]);
    expect(config[key]).toEqual(taken ? value : DEFAULT_PLUGIN_CONFIG[key]);
    // What no query can use is never taken.
    if (typeof value === 'number') expect(taken && (!Number.isFinite(value) || value <= 0)).toBe(false);
    // A zero duration is a valid namespace name ("0m"), never a valid window.
    const zeroOrEmpty = ['0m', '0s', '0ms', '', null, true].includes(value as string);
    expect(taken && zeroOrEmpty && key !== 'kastenNamespace').toBe(false);
    const results = runEveryCheck(config);
    expect(results.filter((r) => r !== undefined).length).toBeGreaterThan(0);
  });
});

describe('the page renders under every configuration the parser lets through, and names what it ignored', () => {
  // One page render per distinct parsed configuration (most hostile values fall back to the same defaults).
  const distinct = new Map<string, { raw: Record<string, unknown>; ignored: string[] }>();
  for (const [key, value] of cases) {
    const raw = { [key]: value };
    const { config, ignored } = parsePluginConfig(raw);
    const id = JSON.stringify([config, ignored]);
    if (!distinct.has(id)) distinct.set(id, { raw, ignored });
  }
  const pages = [...distinct.values()].flatMap(({ raw, ignored }) =>
    ['overview', 'history', 'resources', 'setup'].map((tab) => [tab, JSON.stringify(raw), raw, ignored] as const),
  );

  beforeEach(() => {
    resetSdkMocks();
  });
  afterEach(cleanup);

  test.each(pages)('tab %s with plugin-config.json %s', async (tab, _label, raw, ignored) => {
    jest
      .mocked(consoleFetchJSON)
      .mockImplementation(async (url: string) => (url === PLUGIN_CONFIG_URL ? raw : emptyVector()));
    render(
      <MemoryRouter initialEntries={[`/kasten?tab=${tab}`]}>
        <Routes>
          <Route path="/kasten" element={<KastenPage />} />
        </Routes>
      </MemoryRouter>,
    );
    await settle();
    await settle();
    expect(screen.queryByText('The Kasten page hit an unexpected error')).toBeNull();
    expect(screen.getByRole('tabpanel')).toBeInTheDocument();
    if (tab === 'setup') expect(await screen.findByText('Alert rules installed')).toBeInTheDocument();
    const notes = screen.queryAllByTestId('ignored-config').map((n) => n.textContent ?? '');
    expect(notes).toHaveLength(ignored.length);
    for (const key of ignored)
      expect(notes.some((n) => n.startsWith(`${key} in plugin-config.json is ignored`))).toBe(true);
  });
});
