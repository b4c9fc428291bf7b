/**
 * History through its container: range queries aligned to the step, the
 * isolate-policy select in the URL, and the real lazy chart (PatternFly's
 * victory axes and lines render in jsdom, so nothing is mocked here but the SDK).
 */
import { fireEvent, renderHook, screen, within } from '@testing-library/react';
import { consoleFetchJSON } from '../../console-sdk';
import { httpError, matrix, promErrorBody, vector } from '../../__fixtures__/prometheus';
import { useHistoryData } from '../../data/useHistoryData';
import type { HistoryKey } from '../../models/history';
import { DEFAULT_PLUGIN_CONFIG } from '../../models/plugin-config';
import { retainedFailuresTopPolicies } from '../../promql/history';
import {
  answerPrometheus,
  byKey,
  currentUrl,
  harness,
  promRequests,
  renderWith,
  resetSdkMocks,
  settle,
} from '../../../test/unit-helpers/render';
import { HistoryTab } from '../../pages/tabs';
import { ERROR_CASES } from '../../../test/unit-helpers/error-cases';
// The chart module up front: React.lazy then resolves at once instead of racing findBy under load.
import './TimeSeriesChart';

const panel = (id: string) => within(screen.getByTestId(`panel-${id}`));
const T0 = 1_704_063_600;
const formatTime = (ms: number) => `t+${(ms / 1000 - T0) / 60}m`;

const historyQueries = (policy?: string, namespace?: string): Record<HistoryKey, string> => {
  jest.mocked(consoleFetchJSON).mockImplementation(() => new Promise(() => undefined));
  const h = harness();
  const { result, unmount } = renderHook(() => useHistoryData(3_600_000, undefined, namespace, policy), {
    wrapper: h.Wrapper,
  });
  const q = result.current.queries;
  unmount();
  jest.mocked(consoleFetchJSON).mockClear();
  return q;
};

const ANSWERS: Partial<Record<HistoryKey, unknown>> = {
  byStatus: matrix([
    [
      { status: 'complete' },
      [
        [T0, 10],
        [T0 + 1800, 12],
        [T0 + 3600, 14],
      ],
    ],
    [
      { status: 'failed' },
      [
        [T0, 2],
        [T0 + 1800, 3],
        [T0 + 3600, 4],
      ],
    ],
  ]),
  newPerStep: matrix([
    [
      {},
      [
        [T0, 0],
        [T0 + 1800, 1],
        [T0 + 3600, 1],
      ],
    ],
  ]),
  failedByPolicy: matrix([
    [
      { policy: 'nightly' },
      [
        [T0, 2],
        [T0 + 3600, 4],
      ],
    ],
  ]),
  policies: vector([
    [{ policy: 'weekly' }, 1],
    [{ policy: 'nightly' }, 1],
  ]),
};

beforeEach(resetSdkMocks);

const show = async (route = '/kasten?tab=history', endTime?: number) => {
  const r = renderWith(<HistoryTab timeRangeMs={3_600_000} endTime={endTime} formatTime={formatTime} />, { route });
  await settle();
  return r;
};

test('charts each series with its legend and formatted axes, once the lazy chunk has loaded', async () => {
  answerPrometheus(byKey(historyQueries(), ANSWERS));
  await show();
  const status = await panel('history-status').findByTestId('chart');
  expect(status.querySelector('svg title')?.textContent).toBe('Actions by status');
  const texts = Array.from(status.querySelectorAll('text')).map((t) => t.textContent);
  // Legend names from the `status` label; y ticks round, from 0 over the largest count (12); x ticks times of day.
  expect(
    within(status)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(['complete', 'failed']);
  expect(texts).toEqual(expect.arrayContaining(['0', '5', '10', '15']));
  expect(texts.filter((t) => /^\d{1,2}:\d{2}/.test(t ?? '')).length).toBeGreaterThanOrEqual(3);
  expect(status.querySelectorAll('path[role="presentation"]').length).toBeGreaterThanOrEqual(2);
  const byPolicy = await panel('history-failed-policies').findByTestId('chart');
  expect(
    within(byPolicy)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(['nightly']);
  expect(await panel('history-new-failures').findByTestId('chart')).toBeInTheDocument();
});

test('range queries span the time range, step about 120 points, end aligned to the step; the policy list is instant', async () => {
  const q = historyQueries();
  answerPrometheus(byKey(q, ANSWERS));
  await show('/kasten?tab=history', 1_704_067_219_000);
  const reqs = promRequests();
  const range = reqs.filter((r) => r.path === '/api/prometheus/api/v1/query_range');
  expect(range.map((r) => r.query).sort()).toEqual([q.byStatus, q.failedByPolicy, q.newPerStep].sort());
  for (const r of range) {
    expect([r.params.get('start'), r.params.get('end'), r.params.get('step')]).toEqual([
      '1704063600',
      '1704067200',
      '30',
    ]);
  }
  expect(reqs.filter((r) => r.path === '/api/prometheus/api/v1/query').map((r) => r.query)).toEqual([q.policies]);
  await screen.findAllByTestId('chart');
});

test('isolating a policy writes `policy` to the URL and re-queries for that policy only', async () => {
  const all = historyQueries();
  const nightly = historyQueries('nightly');
  answerPrometheus((req) => byKey(Object.values(nightly).includes(req.query) ? nightly : all, ANSWERS)(req));
  await show('/kasten?tab=history&timeRange=3600000');
  const select = screen.getByTestId('isolate-policy');
  expect(Array.from(select.querySelectorAll('option')).map((o) => o.textContent)).toEqual([
    'All policies',
    'nightly',
    'weekly',
  ]);
  expect(panel('history-failed-policies').getByRole('heading', { level: 2 })).toHaveTextContent(
    'Retained failures, policies with the most',
  );
  jest.mocked(consoleFetchJSON).mockClear();
  fireEvent.change(select, { target: { value: 'nightly' } });
  await settle();
  expect(currentUrl().searchParams.get('policy')).toBe('nightly');
  expect(currentUrl().searchParams.get('tab')).toBe('history');
  expect(select).toHaveValue('nightly');
  expect(panel('history-failed-policies').getByRole('heading', { level: 2 })).toHaveTextContent(
    'Retained failures of nightly',
  );
  const sent = promRequests().map((r) => r.query);
  expect(sent).toEqual(expect.arrayContaining([nightly.byStatus, nightly.newPerStep, nightly.failedByPolicy]));
  expect(nightly.failedByPolicy).toBe(retainedFailuresTopPolicies(DEFAULT_PLUGIN_CONFIG, 8, { policy: 'nightly' }));
  expect(nightly.failedByPolicy).not.toBe(all.failedByPolicy);
  fireEvent.change(select, { target: { value: '' } });
  expect(currentUrl().searchParams.has('policy')).toBe(false);
  await screen.findAllByTestId('chart');
});

test('a policy from the URL that is not (or no longer) known stays selectable', async () => {
  answerPrometheus(byKey(historyQueries('retired'), ANSWERS));
  await show('/kasten?tab=history&policy=retired');
  const select = screen.getByTestId('isolate-policy');
  expect(select).toHaveValue('retired');
  expect(Array.from(select.querySelectorAll('option')).map((o) => o.textContent)).toEqual([
    'All policies',
    'retired',
    'nightly',
    'weekly',
  ]);
  await screen.findAllByTestId('chart');
});

test('empty range: "No data in this time range."; a failing query: its error, the other charts still drawn', async () => {
  const q = historyQueries();
  answerPrometheus(
    byKey(q, {
      byStatus: matrix([]),
      newPerStep: httpError(500, promErrorBody('internal', 'expanding series: context deadline exceeded')),
      failedByPolicy: ANSWERS.failedByPolicy,
    }),
  );
  await show();
  expect(panel('history-status').getByTestId('empty')).toHaveTextContent('No data in this time range.');
  expect(panel('history-new-failures').getByRole('alert')).toHaveTextContent(
    'Prometheus answered with an error (HTTP 500): expanding series: context deadline exceeded',
  );
  expect(await panel('history-failed-policies').findByTestId('chart')).toBeInTheDocument();
  // No known policy: only "All policies" to choose.
  expect(screen.getByTestId('isolate-policy').querySelectorAll('option')).toHaveLength(1);
});

test('loading: skeletons until the first answer', async () => {
  answerPrometheus(() => new Promise(() => undefined));
  await show();
  for (const id of ['history-status', 'history-new-failures', 'history-failed-policies'])
    expect(panel(id).getByTestId('loading')).toBeInTheDocument();
});

const PANELS: Record<string, HistoryKey> = {
  'history-status': 'byStatus',
  'history-new-failures': 'newPerStep',
  'history-failed-policies': 'failedByPolicy',
};

describe.each(ERROR_CASES)('$name', ({ fail, kind, text }) => {
  test('every chart panel explains it; after data, the charts stay, marked stale', async () => {
    const q = historyQueries();
    let down = true;
    answerPrometheus((req) => {
      if (down) throw fail(req.url);
      return byKey(q, ANSWERS)(req);
    });
    const r = await show();
    for (const [id, key] of Object.entries(PANELS)) {
      const url = promRequests().find((x) => x.query === q[key])?.url ?? '';
      const alert = panel(id).getByRole('alert');
      expect(alert).toHaveAttribute('data-error-kind', kind);
      expect(alert).toHaveTextContent(text(url));
      expect(alert).not.toHaveTextContent('Showing the last data received');
    }
    down = false;
    await r.refresh();
    expect(screen.queryAllByRole('alert')).toHaveLength(0);
    down = true;
    await r.refresh();
    for (const id of Object.keys(PANELS)) {
      expect(panel(id).getByRole('alert')).toHaveTextContent('Showing the last data received; it may be out of date.');
      expect(await panel(id).findByTestId('chart')).toBeInTheDocument();
    }
  });
});

test('access mode none: nothing sent, each chart panel says which permission is missing', async () => {
  answerPrometheus(byKey(historyQueries(), ANSWERS));
  renderWith(<HistoryTab timeRangeMs={3_600_000} formatTime={formatTime} />, {
    access: { mode: 'none', namespace: 'kasten-io' },
  });
  await settle();
  expect(promRequests()).toEqual([]);
  for (const id of Object.keys(PANELS)) {
    expect(panel(id).getByRole('alert')).toHaveTextContent(
      'no permission to read metrics in namespace kasten-io (needs cluster-monitoring-view, or view there)',
    );
  }
});
