/**
 * The dashboard's wiring: Toolbar and TabBar write the URL (`timeRange`,
 * `endTime`, `refreshInterval`, `tab`), the URL drives the queries, and a link
 * carrying those params reproduces the view.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { emptyVector } from '../__fixtures__/prometheus';
import { DEFAULT_PLUGIN_CONFIG } from '../models/plugin-config';
import { newFailedActions } from '../promql';
import {
  answerPrometheus,
  currentUrl,
  promRequests,
  renderWith,
  resetSdkMocks,
  settle,
  type HarnessOptions,
} from '../../test/unit-helpers/render';
import { PAGE_RENDER_TIMEOUT_MS } from '../../test/unit-helpers/timeouts';
import { KastenDashboard } from './KastenDashboard';

// Every test mounts the whole dashboard and most open another tab (see the constant for the measured times).
jest.setTimeout(PAGE_RENDER_TIMEOUT_MS);

beforeEach(() => {
  resetSdkMocks();
  answerPrometheus(() => emptyVector());
});
afterEach(() => jest.useRealTimers());

const show = async (route = '/kasten', opts: HarnessOptions = {}) => {
  const r = renderWith(<KastenDashboard />, { route, refresh: false, ...opts });
  await settle();
  return r;
};
const params = () => currentUrl().searchParams;
const selectedTab = () =>
  screen.getAllByRole('tab').find((t) => t.getAttribute('aria-selected') === 'true')?.textContent;

describe('Toolbar writes the URL', () => {
  test('time range: `timeRange` in ms, and the overview re-queries that window', async () => {
    await show('/kasten?filter=x');
    const select = screen.getByTestId('time-range');
    expect(select).toHaveValue('3600000');
    expect(Array.from(select.querySelectorAll('option')).map((o) => o.textContent)).toEqual([
      'Last 30m',
      'Last 1h',
      'Last 2h',
      'Last 6h',
      'Last 12h',
      'Last 1d',
      'Last 2d',
      'Last 7d',
      'Last 14d',
    ]);
    fireEvent.change(select, { target: { value: '7200000' } });
    await settle();
    expect(params().get('timeRange')).toBe('7200000');
    expect(params().get('filter')).toBe('x');
    expect(select).toHaveValue('7200000');
    expect(screen.getByTestId('panel-new-failures')).toHaveTextContent('New failures in the last 2h');
    expect(promRequests().map((r) => r.query)).toContain(newFailedActions(DEFAULT_PLUGIN_CONFIG, '2h'));
  });

  test('a custom range from a link is kept as an option', async () => {
    await show('/kasten?timeRange=5400000');
    expect(screen.getByTestId('time-range')).toHaveValue('5400000');
    expect(screen.getByRole('option', { name: 'Last 1h 30m' })).toBeInTheDocument();
    expect(promRequests().map((r) => r.query)).toContain(newFailedActions(DEFAULT_PLUGIN_CONFIG, '90m'));
  });

  test('end time: `endTime` in ms (local time as typed); emptying it removes the param', async () => {
    await show();
    const input = screen.getByTestId('end-time');
    expect(input).toHaveValue('');
    fireEvent.change(input, { target: { value: '2024-01-01T10:30' } });
    expect(params().get('endTime')).toBe(String(new Date('2024-01-01T10:30').getTime()));
    expect(input).toHaveValue('2024-01-01T10:30');
    fireEvent.change(input, { target: { value: '' } });
    expect(params().has('endTime')).toBe(false);
  });

  test('refresh interval: `refreshInterval` in ms, 0 for off', async () => {
    await show();
    const select = screen.getByTestId('refresh-interval');
    expect(select).toHaveValue('30000');
    fireEvent.change(select, { target: { value: '60000' } });
    expect(params().get('refreshInterval')).toBe('60000');
    fireEvent.change(select, { target: { value: '0' } });
    expect(params().get('refreshInterval')).toBe('0');
    expect(select).toHaveValue('0');
  });

  test('"Refresh now" sends one new round of every query', async () => {
    await show();
    const first = promRequests().length;
    expect(first).toBeGreaterThan(0);
    fireEvent.click(screen.getByTestId('refresh-now'));
    await settle();
    expect(promRequests()).toHaveLength(2 * first);
  });

  test('the refresh interval from the URL drives the clock', async () => {
    jest.useFakeTimers({ doNotFake: ['setTimeout', 'queueMicrotask', 'nextTick', 'setImmediate'] });
    await show('/kasten?refreshInterval=15000');
    const first = promRequests().length;
    act(() => jest.advanceTimersByTime(14_999));
    await settle();
    expect(promRequests()).toHaveLength(first);
    act(() => jest.advanceTimersByTime(1));
    await settle();
    expect(promRequests()).toHaveLength(2 * first);
    fireEvent.change(screen.getByTestId('refresh-interval'), { target: { value: '0' } });
    act(() => jest.advanceTimersByTime(3_600_000));
    await settle();
    expect(promRequests()).toHaveLength(2 * first);
  });
});

test('refreshInterval=5000 in a link cannot starve the page: it polls at the shortest offered interval and says so', async () => {
  jest.useFakeTimers({ doNotFake: ['setTimeout', 'queueMicrotask', 'nextTick', 'setImmediate'] });
  await show('/kasten?refreshInterval=5000');
  const first = promRequests().length;
  act(() => jest.advanceTimersByTime(5_000));
  await settle();
  act(() => jest.advanceTimersByTime(9_999));
  await settle();
  expect(promRequests()).toHaveLength(first);
  act(() => jest.advanceTimersByTime(1));
  await settle();
  expect(promRequests()).toHaveLength(2 * first);
  expect(screen.getByTestId('refresh-interval')).toHaveValue('15000');
  expect(screen.getByTestId('ignored-param')).toHaveTextContent(
    'refreshInterval=5000 in the URL is ignored: refreshing every 15s, an interval the page offers.',
  );
});

test('valid URL values and a valid configuration show no note', async () => {
  await show('/kasten?refreshInterval=60000&timeRange=7200000');
  expect(screen.queryByTestId('ignored-settings')).toBeNull();
});

test('a link with timeRange, endTime, refreshInterval and tab reproduces the view', async () => {
  const end = new Date('2024-01-01T00:00').getTime();
  await show(`/kasten?tab=history&timeRange=21600000&endTime=${end}&refreshInterval=0`);
  expect(selectedTab()).toBe('History');
  expect(screen.getByTestId('time-range')).toHaveValue('21600000');
  expect(screen.getByTestId('end-time')).toHaveValue('2024-01-01T00:00');
  expect(screen.getByTestId('refresh-interval')).toHaveValue('0');
  const range = promRequests().filter((r) => r.path.endsWith('/query_range'));
  expect(range.length).toBe(3);
  const endS = Math.floor(end / 1000 / 300) * 300;
  for (const r of range)
    expect([r.params.get('start'), r.params.get('end'), r.params.get('step')]).toEqual([
      String(endS - 21600),
      String(endS),
      '300',
    ]);
});

describe('tabs and the `tab` param', () => {
  test('arrow keys switch tabs and write `tab`; Overview is the default and leaves no param', async () => {
    await show('/kasten?timeRange=7200000');
    expect(selectedTab()).toBe('Overview');
    expect(screen.getByTestId('panel-status-counts')).toBeInTheDocument();
    const overview = screen.getByTestId('tab-overview');
    overview.focus();
    fireEvent.keyDown(overview, { key: 'ArrowRight' });
    await settle();
    expect(params().get('tab')).toBe('history');
    expect(params().get('timeRange')).toBe('7200000');
    expect(document.activeElement).toBe(screen.getByTestId('tab-history'));
    expect(screen.getByTestId('panel-history-status')).toBeInTheDocument();
    expect(screen.queryByTestId('panel-status-counts')).toBeNull();
    expect(screen.getByRole('tabpanel', { name: 'History' })).toBeInTheDocument();
    fireEvent.keyDown(screen.getByTestId('tab-history'), { key: 'ArrowLeft' });
    await settle();
    expect(params().has('tab')).toBe(false);
    expect(selectedTab()).toBe('Overview');
    fireEvent.keyDown(screen.getByTestId('tab-overview'), { key: 'ArrowLeft' });
    expect(params().get('tab')).toBe('setup');
    // Let the lazily loaded Setup tab finish mounting inside act.
    await settle();
    expect(selectedTab()).toBe('Setup');
  });

  test.each([
    ['resources', 'Resources', 'panel-memory'],
    ['history', 'History', 'panel-history-status'],
    ['nonsense', 'Overview', 'panel-status-counts'],
  ])('?tab=%s opens %s', async (tab, title, panelId) => {
    await show(`/kasten?tab=${tab}`);
    expect(selectedTab()).toBe(title);
    expect(screen.getByTestId(panelId)).toBeInTheDocument();
  });
});

test("tenancy access: a note says only the Kasten namespace's series are visible", async () => {
  await show('/kasten', { access: { mode: 'tenancy', namespace: 'kasten-io' } });
  expect(screen.getByTestId('tenancy-note')).toHaveTextContent(
    'You read metrics through the tenancy proxy for namespace kasten-io',
  );
  expect(
    promRequests().every(
      (r) => r.path.startsWith('/api/prometheus-tenancy/') && r.params.get('namespace') === 'kasten-io',
    ),
  ).toBe(true);
});

test('cluster access: no tenancy note; the footer links to Alerting and names the Kasten namespace', async () => {
  await show('/kasten', { config: { kastenNamespace: 'k10' } });
  expect(screen.queryByTestId('tenancy-note')).toBeNull();
  expect(screen.getByRole('link', { name: 'Kasten alerts in Observe > Alerting' })).toHaveAttribute(
    'href',
    '/monitoring/alerts?alerts=&rowFilter-alert-source=user',
  );
  expect(screen.getByText('Kasten namespace: k10')).toBeInTheDocument();
});
