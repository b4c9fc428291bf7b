/** Resources through its container: thresholds, PVC rows, absent metrics and their hints, Kasten's own health counts. */
import { renderHook, screen, within } from '@testing-library/react';
import { consoleFetchJSON } from '../../console-sdk';
import { emptyVector, httpError, matrix, promErrorBody, vector } from '../../__fixtures__/prometheus';
import { useResourcesData } from '../../data/useResourcesData';
import type { ResourcesKey } from '../../models/resources';
import {
  answerPrometheus,
  byKey,
  harness,
  promRequests,
  renderWith,
  resetSdkMocks,
  settle,
  type HarnessOptions,
} from '../../../test/unit-helpers/render';
import { ResourcesTab } from '../../pages/tabs';
import { ERROR_CASES } from '../../../test/unit-helpers/error-cases';
// The chart module up front: React.lazy then resolves at once instead of racing findBy under load.
import '../history/TimeSeriesChart';

const panel = (id: string) => within(screen.getByTestId(`panel-${id}`));
const GiB = 1024 ** 3;
const PLATFORM_HINT = /No series for the Kasten namespace. These platform metrics come from OpenShift's own monitoring/;
const CONTROLLER_HINT =
  "Not scraped. Add a ServiceMonitor for Kasten's controllermanager and metering services (Setup tab).";

const resourcesQueries = (opts: HarnessOptions = {}): Record<ResourcesKey, string> => {
  jest.mocked(consoleFetchJSON).mockImplementation(() => new Promise(() => undefined));
  const h = harness(opts);
  const { result, unmount } = renderHook(() => useResourcesData(3_600_000, undefined), { wrapper: h.Wrapper });
  const q = result.current.queries;
  unmount();
  jest.mocked(consoleFetchJSON).mockClear();
  return q;
};

const RANGE_KEYS: ResourcesKey[] = ['memoryHistory', 'cpuHistory', 'catalogPvcHistory'];
const series = (v: number) =>
  matrix([
    [
      {},
      [
        [1_704_063_600, v],
        [1_704_065_400, v],
        [1_704_067_200, v],
      ],
    ],
  ]);

const show = async (answers: Partial<Record<ResourcesKey, unknown>>, opts: HarnessOptions = {}) => {
  answerPrometheus(byKey(resourcesQueries(opts), answers, RANGE_KEYS));
  renderWith(
    <ResourcesTab timeRangeMs={3_600_000} formatTime={(ms) => new Date(ms).toISOString().slice(11, 16)} />,
    opts,
  );
  await settle();
};

beforeEach(resetSdkMocks);

test('memory above the threshold, CPU below, with history charts and the threshold line', async () => {
  await show({
    memory: vector([[{}, 4 * GiB]]),
    memoryHistory: series(4 * GiB),
    cpu: vector([[{}, 0.25]]),
    cpuHistory: series(0.25),
  });
  const memory = screen.getByTestId('memory-value');
  expect(memory).toHaveAttribute('data-state', 'over');
  expect(memory).toHaveTextContent('4 GiB');
  expect(memory).toHaveTextContent('Above the threshold of 3 GiB');
  expect(memory.querySelector('[data-status]')).toHaveAttribute('data-status', 'fail');
  const cpu = screen.getByTestId('cpu-value');
  expect(cpu).toHaveAttribute('data-state', 'under');
  expect(cpu).toHaveTextContent('0.25 cores');
  expect(cpu).toHaveTextContent('Below the threshold of 2 cores');
  const chart = await panel('memory').findByTestId('chart');
  expect(
    within(chart)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(['Working set', 'Threshold']);
  expect(await panel('cpu').findByTestId('chart')).toBeInTheDocument();
});

test('memory below a configured threshold; CPU above it', async () => {
  await show(
    { memory: vector([[{}, 1.5 * GiB]]), cpu: vector([[{}, 0.75]]) },
    { config: { memoryThresholdBytes: 2 * GiB, cpuThresholdCores: 0.5 } },
  );
  expect(screen.getByTestId('memory-value')).toHaveAttribute('data-state', 'under');
  expect(screen.getByTestId('memory-value')).toHaveTextContent('Below the threshold of 2 GiB');
  expect(screen.getByTestId('cpu-value')).toHaveAttribute('data-state', 'over');
  expect(screen.getByTestId('cpu-value')).toHaveTextContent('Above the threshold of 0.5 cores');
});

test('NaN memory, +Inf CPU, NaN PVC and licence: "no value" with the reason, never a verdict', async () => {
  await show({
    memory: vector([[{}, 'NaN']]),
    cpu: vector([[{}, '+Inf']]),
    catalogPvc: vector([[{}, 'NaN']]),
    license: vector([[{}, 'NaN']]),
  });
  const memory = screen.getByTestId('memory-value');
  expect(memory).toHaveAttribute('data-state', 'no-value');
  expect(memory).toHaveTextContent('no value (NaN)');
  expect(memory).toHaveTextContent('Cannot compare with the threshold of 3 GiB');
  expect(memory).not.toHaveTextContent('Below the threshold');
  expect(memory.querySelector('[data-status]')).toHaveAttribute('data-status', 'unknown');
  expect(screen.getByTestId('cpu-value')).toHaveTextContent('no value (+Inf)');
  expect(screen.getByTestId('cpu-value')).not.toHaveTextContent('Above the threshold');
  const pvc = screen.getByTestId('pvc-catalog');
  expect(pvc).toHaveTextContent('no value (NaN)');
  expect(pvc).toHaveTextContent('Cannot compare with 50%');
  expect(pvc).not.toHaveTextContent('At most');
  expect(panel('kasten-health').getByTestId('no-value')).toHaveAttribute('data-reason', 'NaN');
  expect(screen.queryByText('Licence not compliant')).toBeNull();
});

test('absent memory and CPU: "No data" and where the metric comes from, never a 0', async () => {
  await show({});
  for (const id of ['memory-value', 'cpu-value']) {
    const el = screen.getByTestId(id);
    expect(el).toHaveAttribute('data-state', 'absent');
    expect(el).toHaveTextContent('No data');
    expect(el).toHaveTextContent(PLATFORM_HINT);
    expect(el.textContent).not.toMatch(/\b0\b/);
  }
  expect(panel('memory').getByTestId('empty')).toHaveTextContent('No data in this time range.');
});

test('PVC rows: catalog over its threshold, jobs fine, logging not scraped', async () => {
  await show({ catalogPvc: vector([[{}, 62.5]]), jobsPvc: vector([[{}, 10]]), catalogPvcHistory: series(62.5) });
  const catalog = screen.getByTestId('pvc-catalog');
  expect(catalog).toHaveTextContent('62.5%');
  expect(catalog).toHaveTextContent('More than 50% used');
  expect(catalog.querySelector('[data-status]')).toHaveAttribute('data-status', 'fail');
  expect(screen.getByTestId('pvc-jobs')).toHaveTextContent('jobs10% At most 80% used');
  const logging = screen.getByTestId('pvc-logging');
  expect(logging).toHaveTextContent('No data');
  expect(logging).toHaveTextContent('Not scraped: add a ServiceMonitor for component: logging.');
  expect(
    panel('pvc').getByText("Kasten's upgrade check needs the catalog volume at least half free."),
  ).toBeInTheDocument();
  expect(await panel('pvc').findByTestId('chart')).toBeInTheDocument();
});

test('catalog PVC threshold comes from the configuration', async () => {
  await show({ catalogPvc: vector([[{}, 62.5]]) }, { config: { catalogPvcUsedPercentThreshold: 70 } });
  expect(screen.getByTestId('pvc-catalog')).toHaveTextContent('At most 70% used');
  expect(screen.getByTestId('pvc-catalog')).toHaveTextContent('62.5%');
});

test('compliance, policies, profiles and licence as counts', async () => {
  await show({
    compliance: vector([
      [{ state: 'Compliant' }, 12],
      [{ state: 'NotCompliant' }, 2],
    ]),
    policies: vector([[{ action: 'backup', status: 'Success' }, 5]]),
    profiles: vector([[{ type: 'Location', status: 'Failed' }, 1]]),
    license: vector([[{}, 1]]),
  });
  expect(screen.getByTestId('compliance').textContent).toBe('Compliant: 12NotCompliant: 2');
  expect(screen.getByTestId('policies')).toHaveTextContent('backup Success: 5');
  expect(screen.getByTestId('profiles')).toHaveTextContent('Location Failed: 1');
  expect(panel('kasten-health').getByText('Licence compliant').closest('[data-status]')).toHaveAttribute(
    'data-status',
    'pass',
  );
});

test('licence 0 is "not compliant"; absent controller metrics say which ServiceMonitor is missing', async () => {
  await show({ license: vector([[{}, 0]]) });
  expect(panel('kasten-health').getByText('Licence not compliant').closest('[data-status]')).toHaveAttribute(
    'data-status',
    'fail',
  );
  expect(panel('kasten-health').getAllByText(CONTROLLER_HINT)).toHaveLength(3);
});

test('errors per query: a 400 on compliance shows json.error; the rest still render', async () => {
  await show({
    compliance: httpError(400, promErrorBody('bad_data', 'unknown function "sum_over"')),
    memory: vector([[{}, GiB]]),
    license: emptyVector(),
  });
  expect(panel('kasten-health').getByRole('alert')).toHaveTextContent(
    'Prometheus rejected the query (HTTP 400): unknown function "sum_over"',
  );
  expect(screen.getByTestId('memory-value')).toHaveAttribute('data-state', 'under');
  expect(panel('kasten-health').getAllByText(CONTROLLER_HINT)).toHaveLength(3);
});

test('history queries are range queries; current values are instant', async () => {
  const q = resourcesQueries();
  answerPrometheus(byKey(q, {}, RANGE_KEYS));
  renderWith(<ResourcesTab timeRangeMs={3_600_000} formatTime={String} />);
  await settle();
  const range = promRequests().filter((r) => r.path === '/api/prometheus/api/v1/query_range');
  expect(range.map((r) => r.query).sort()).toEqual([q.memory, q.cpu, q.catalogPvc].sort());
  expect(range.every((r) => r.params.get('step') === '30')).toBe(true);
  expect(promRequests()).toHaveLength(12);
});

const PANELS = ['memory', 'cpu', 'pvc', 'kasten-health'];

test('loading: every panel shows skeletons', async () => {
  answerPrometheus(() => new Promise(() => undefined));
  renderWith(<ResourcesTab timeRangeMs={3_600_000} formatTime={String} />);
  await settle();
  for (const id of PANELS) expect(panel(id).getAllByTestId('loading').length).toBeGreaterThanOrEqual(1);
});

describe.each(ERROR_CASES)('$name', ({ fail, kind, text }) => {
  test('each panel explains it; after data, the values stay, marked stale', async () => {
    let down = true;
    const q = resourcesQueries();
    answerPrometheus((req) => {
      if (down) throw fail(req.url);
      return byKey(
        q,
        { memory: vector([[{}, 4 * GiB]]), catalogPvc: vector([[{}, 20]]), license: vector([[{}, 1]]) },
        RANGE_KEYS,
      )(req);
    });
    const r = renderWith(<ResourcesTab timeRangeMs={3_600_000} formatTime={String} />);
    await settle();
    const memoryUrl = promRequests().find((r) => r.query === q.memory && r.path.endsWith('/query'))?.url ?? '';
    const first = panel('memory').getAllByRole('alert')[0];
    expect(first).toHaveAttribute('data-error-kind', kind);
    expect(first).toHaveTextContent(text(memoryUrl));
    for (const id of PANELS) expect(panel(id).getAllByRole('alert')[0]).toHaveAttribute('data-error-kind', kind);
    expect(screen.queryByTestId('memory-value')).toBeNull();
    down = false;
    await r.refresh();
    expect(screen.getByTestId('memory-value')).toHaveAttribute('data-state', 'over');
    down = true;
    await r.refresh();
    expect(screen.getByTestId('memory-value')).toHaveTextContent('4 GiB');
    expect(screen.getByTestId('pvc-catalog')).toHaveTextContent('20%');
    expect(panel('memory').getAllByRole('alert')[0]).toHaveTextContent(
      'Showing the last data received; it may be out of date.',
    );
  });
});

test('access mode none: nothing sent, each panel says which permission is missing', async () => {
  answerPrometheus(byKey(resourcesQueries(), {}, RANGE_KEYS));
  renderWith(<ResourcesTab timeRangeMs={3_600_000} formatTime={String} />, {
    access: { mode: 'none', namespace: 'kasten-io' },
  });
  await settle();
  expect(promRequests()).toEqual([]);
  for (const id of PANELS) {
    expect(panel(id).getAllByRole('alert')[0]).toHaveTextContent(
      'no permission to read metrics in namespace kasten-io',
    );
  }
});
