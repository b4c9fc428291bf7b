/**
 * The Overview's four panels through their container (OverviewTab): the data
 * hook's real queries, the SDK's consoleFetchJSON and useK8sWatchResource
 * answered as the console would, the view as the user sees it.
 */
import { fireEvent, renderHook, screen, within } from '@testing-library/react';
import { consoleFetchJSON, useK8sWatchResource } from '../../console-sdk';
import {
  emptyVector,
  httpError,
  partial,
  STORE_UNREACHABLE,
  networkError,
  promErrorBody,
  timeoutError,
  vector,
} from '../../__fixtures__/prometheus';
import { useOverviewData } from '../../data/useOverviewData';
import { overviewQueries as shapeQueries, type OverviewKey } from '../../models/overview';
import { formatDateTime } from '../../utils/format';
import { LAST_SUCCESS_RECORD } from '../../promql';
import { DEFAULT_PLUGIN_CONFIG } from '../../models/plugin-config';
import type { KastenPolicy } from '../../models/policy';
import {
  answerPrometheus,
  byKey,
  currentUrl,
  harness,
  promRequests,
  renderWith,
  resetSdkMocks,
  settle,
  tableRows,
  type HarnessOptions,
  type PromRequest,
  watchResult,
} from '../../../test/unit-helpers/render';
import { OverviewTab } from '../../pages/tabs';

const PANELS = ['status-counts', 'new-failures', 'retained-failures', 'recovery-points'] as const;
const panel = (id: string) => within(screen.getByTestId(`panel-${id}`));

/** The queries the Overview sends (the hook's own map), without sending them. */
const overviewQueries = (namespace?: string): Record<OverviewKey, string> => {
  jest.mocked(consoleFetchJSON).mockImplementation(() => new Promise(() => undefined));
  const h = harness();
  const { result, unmount } = renderHook(() => useOverviewData('1h', namespace), { wrapper: h.Wrapper });
  const q = result.current.queries;
  unmount();
  jest.mocked(consoleFetchJSON).mockClear();
  return q;
};

/** The model's queries once the history is measured as 24 h, with the hook's configuration. */
const overviewQueries24h = (): Record<OverviewKey, string> =>
  shapeQueries(DEFAULT_PLUGIN_CONFIG, '1h', undefined, 24 * 3600);

const policies: KastenPolicy[] = [
  { metadata: { name: 'nightly' }, spec: { frequency: '@daily' } },
  { metadata: { name: 'hourly' }, spec: { frequency: '@hourly' } },
  { metadata: { name: 'paused-one' }, spec: { frequency: '@hourly', paused: true } },
  { metadata: { name: 'new-policy' }, spec: { frequency: '@daily' } },
];

const LAST_FAILURE = 1_704_067_200;
const FULL: Partial<Record<OverviewKey, unknown>> = {
  counts: vector([
    [{ status: 'complete' }, 120],
    [{ status: 'failed' }, 3],
    [{ status: 'running' }, 1],
  ]),
  newFailures: vector([
    [{ policy: 'nightly', type: 'backup', exported_namespace: 'shop' }, 2],
    [{ policy: 'hourly', type: 'export', exported_namespace: 'crm' }, 1.0526],
    [{ policy: 'weekly', type: 'backup', exported_namespace: 'hr' }, 0],
  ]),
  lastFailure: vector([[{ policy: 'nightly', type: 'backup', exported_namespace: 'shop' }, LAST_FAILURE]]),
  retained: vector([
    [{ policy: 'nightly', type: 'backup', exported_namespace: 'shop' }, 4],
    [{ policy: '', type: 'restore', exported_namespace: 'crm' }, 1],
  ]),
  backupAge: vector([
    [{ policy: 'nightly', exported_namespace: 'shop' }, 3000],
    [{ policy: 'hourly', exported_namespace: 'crm' }, 20000],
    [{ policy: 'paused-one', exported_namespace: 'hr' }, 999999],
  ]),
  exportAge: vector([[{ policy: 'nightly', exported_namespace: 'shop' }, 5000]]),
  // No `history` row: the recording rules are absent, so the page falls back to the look-back.
  recoveryRecords: vector([[{ policy: 'new-policy', exported_namespace: 'fresh', kcp_row: 'known' }, 1]]),
  catalogHistory: vector([[{}, 7 * 86400]]),
  catalogPresent: vector([[{}, 1]]),
};

/** The same cluster with the recording rules installed: one query answers the whole table. */
const RECORDED: Partial<Record<OverviewKey, unknown>> = {
  recoveryRecords: vector([
    [{ policy: 'nightly', exported_namespace: 'shop', type: 'backup', kcp_row: 'age' }, 3000],
    [{ policy: 'nightly', exported_namespace: 'shop', type: 'export', kcp_row: 'age' }, 5000],
    [{ policy: 'weekly', exported_namespace: 'hr', type: 'backup', kcp_row: 'age' }, 3 * 86400],
    [{ policy: 'nightly', exported_namespace: 'shop', kcp_row: 'known' }, 1],
    [{ policy: 'new-policy', exported_namespace: 'fresh', kcp_row: 'known' }, 1],
    [{ kcp_row: 'history' }, 36 * 3600],
  ]),
  catalogPresent: vector([[{}, 1]]),
};
const LOOKBACK_KEYS: OverviewKey[] = ['backupAge', 'exportAge', 'catalogHistory'];

let Q: Record<OverviewKey, string>;
beforeEach(() => {
  resetSdkMocks();
  Q = overviewQueries();
  jest.mocked(useK8sWatchResource).mockReturnValue(watchResult(policies, true));
});

const show = async (
  answers: Partial<Record<OverviewKey, unknown>> | ((req: PromRequest) => unknown),
  opts: HarnessOptions = {},
) => {
  answerPrometheus(typeof answers === 'function' ? answers : byKey(Q, answers));
  const r = renderWith(<OverviewTab windowDuration="1h" windowLabel="1h" windowSeconds={3600} />, opts);
  await settle();
  return r;
};

test('loading: each panel shows a busy skeleton', async () => {
  await show(() => new Promise(() => undefined));
  for (const id of PANELS) expect(panel(id).getByTestId('loading')).toHaveAttribute('aria-busy', 'true');
  // One round: every overview query, in parallel, on the cluster proxy; the costly look-back only
  // once the records query has said the recording rules are absent, and the last-failure subquery only
  // once a new failure has no time in the records answer.
  expect(
    promRequests()
      .map((r) => r.query)
      .sort(),
  ).toEqual(
    (Object.entries(Q) as Array<[OverviewKey, string]>)
      .filter(([k]) => !LOOKBACK_KEYS.includes(k) && k !== 'lastFailure')
      .map(([, q]) => q)
      .sort(),
  );
});

describe('Last failure time', () => {
  const failures = vector([
    [{ policy: 'nightly', type: 'backup', exported_namespace: 'shop' }, 2],
    [{ policy: 'hourly', type: 'export', exported_namespace: 'crm' }, 1],
  ]);
  const recordedTime = (
    policy: string,
    type: string,
    namespace: string,
    at: number,
  ): [Record<string, string>, number] => [{ policy, type, exported_namespace: namespace, kcp_row: 'last_failure' }, at];

  test('every new failure timed by the records: the subquery is never sent, each row shows its recorded time', async () => {
    await show({
      ...RECORDED,
      newFailures: failures,
      recoveryRecords: vector([
        [{ kcp_row: 'history' }, 36 * 3600],
        recordedTime('nightly', 'backup', 'shop', LAST_FAILURE),
        recordedTime('hourly', 'export', 'crm', LAST_FAILURE - 600),
      ]),
    });
    expect(promRequests().map((r) => r.query)).not.toContain(Q.lastFailure);
    expect(tableRows(screen.getByTestId('new-failures-table')).map((r) => r.slice(0, 5))).toEqual([
      ['nightly', 'backup', 'shop', '2', formatDateTime(LAST_FAILURE, 'en')],
      ['hourly', 'export', 'crm', '1', formatDateTime(LAST_FAILURE - 600, 'en')],
    ]);
  });

  test('a failure the records do not time (older than the record): the subquery goes out and times that row', async () => {
    await show({
      ...RECORDED,
      newFailures: failures,
      recoveryRecords: vector([
        [{ kcp_row: 'history' }, 36 * 3600],
        recordedTime('nightly', 'backup', 'shop', LAST_FAILURE),
      ]),
      // The subquery's own time for the recorded row differs, to show the records' time wins.
      lastFailure: vector([
        [{ policy: 'nightly', type: 'backup', exported_namespace: 'shop' }, LAST_FAILURE - 1],
        [{ policy: 'hourly', type: 'export', exported_namespace: 'crm' }, LAST_FAILURE - 7200],
      ]),
    });
    expect(promRequests().filter((r) => r.query === Q.lastFailure).length).toBeGreaterThan(0);
    expect(tableRows(screen.getByTestId('new-failures-table')).map((r) => r.slice(0, 5))).toEqual([
      ['nightly', 'backup', 'shop', '2', formatDateTime(LAST_FAILURE, 'en')],
      ['hourly', 'export', 'crm', '1', formatDateTime(LAST_FAILURE - 7200, 'en')],
    ]);
  });
});

test('data shown: counts, new failures with their last failure date, retained failures, recovery verdicts', async () => {
  await show(FULL);
  expect(panel('status-counts').getByTestId('status-failed')).toHaveTextContent('3');
  expect(panel('status-counts').getByTestId('status-complete')).toHaveTextContent('120');
  // failed first, then the others alphabetically
  expect(Array.from(screen.getByTestId('status-counts').querySelectorAll('dt')).map((d) => d.textContent)).toEqual([
    'failed',
    'complete',
    'running',
  ]);

  const newRows = tableRows(screen.getByTestId('new-failures-table'));
  expect(newRows).toEqual([
    ['nightly', 'backup', 'shop', '2', formatDateTime(LAST_FAILURE, 'en')],
    ['hourly', 'export', 'crm', '1', '—'],
  ]);
  const time = screen.getByTestId('new-failures-table').querySelector('time');
  expect(time).toHaveAttribute('dateTime', '2024-01-01T00:00:00.000Z');
  expect(panel('new-failures').getByRole('heading', { level: 2 })).toHaveTextContent('New failures in the last 1h');
  expect(panel('new-failures').getByText(/Counted from rises of catalog_actions_count/)).toBeInTheDocument();

  expect(tableRows(screen.getByTestId('retained-table'))).toEqual([
    ['nightly', 'backup', 'shop', '4'],
    ['(no policy: manual action)', 'restore', 'crm', '1'],
  ]);

  const recovery = tableRows(screen.getByTestId('recovery-table'));
  expect(recovery).toEqual([
    [
      'new-policy',
      'fresh',
      '@daily',
      'no success in the last 168 h of metrics',
      'no success in the last 168 h of metrics',
      'no success in the last 168 h of metrics',
      'Metrics look-back (no Complete Kasten object of this policy)',
    ],
    [
      'paused-one',
      'hr',
      '@hourly',
      '11d 13h ago',
      'no success in the last 168 h of metrics',
      'Policy paused',
      'Metrics look-back (no Complete Kasten object of this policy)',
    ],
    [
      'hourly',
      'crm',
      '@hourly',
      '5h 33m ago',
      'no success in the last 168 h of metrics',
      'Older than expected (1h 16m)',
      'Metrics look-back (no Complete Kasten object of this policy)',
    ],
    [
      'nightly',
      'shop',
      '@daily',
      '50m ago',
      '1h 23m ago',
      'Within expected interval (1d 2h)',
      'Metrics look-back (no Complete Kasten object of this policy)',
    ],
  ]);
  const verdicts = Array.from(screen.getByTestId('recovery-table').querySelectorAll('[data-status]')).map((e) =>
    e.getAttribute('data-status'),
  );
  expect(verdicts).toEqual(['fail', 'warning', 'fail', 'pass']);
  expect(screen.queryByRole('alert')).toBeNull();
});

test('"no Kasten action has run yet": the seed\'s hint, and each panel\'s own empty message', async () => {
  await show({ catalogPresent: emptyVector() });
  expect(panel('status-counts').getByTestId('empty')).toHaveTextContent(
    'No Kasten action has been recorded yet. catalog_actions_count appears once Kasten has run an action',
  );
  expect(panel('new-failures').getByTestId('empty')).toHaveTextContent(
    'No new failed or cancelled action in the last 1h.',
  );
  expect(panel('retained-failures').getByTestId('empty')).toHaveTextContent(
    'Kasten holds no failed or cancelled action.',
  );
  expect(panel('recovery-points').getByTestId('empty')).toHaveTextContent('No policy with backups in the catalog.');
  // Never a zero standing in for "no data".
  expect(screen.queryByText('0')).toBeNull();
});

test('a partial answer (Thanos missed a store) is never read as the all-clear: each panel shows the warning', async () => {
  await show(() => partial(emptyVector(), [STORE_UNREACHABLE]));
  for (const id of PANELS) {
    expect(panel(id).queryByTestId('empty')).toBeNull();
    expect(panel(id).getByTestId('query-partial')).toHaveTextContent(STORE_UNREACHABLE);
  }
  expect(screen.queryByText(/No new failed or cancelled action/)).toBeNull();
  expect(screen.queryByText(/No Kasten action has been recorded yet/)).toBeNull();
  // Undecided, so the table is not switched to the counters because of the missing store.
  expect(panel('new-failures').getByText(/Counted from rises of catalog_actions_count/)).toBeInTheDocument();
});

test('NaN and +Inf from Prometheus: rows are kept and say "no value" with the reason; nothing crashes or reads as ok', async () => {
  await show({
    ...FULL,
    counts: vector([[{ status: 'failed' }, 'NaN']]),
    newFailures: vector([[{ policy: 'nightly', type: 'backup', exported_namespace: 'shop' }, 'NaN']]),
    lastFailure: vector([[{ policy: 'nightly', type: 'backup', exported_namespace: 'shop' }, '+Inf']]),
    backupAge: vector([[{ policy: 'hourly', exported_namespace: 'crm' }, 'NaN']]),
    exportAge: emptyVector(),
    // No record rows: the look-back answers above are the recovery source, and the NaN row is the only one.
    recoveryRecords: emptyVector(),
  });
  expect(panel('status-counts').getByTestId('status-failed')).toHaveTextContent('no value (NaN)');
  const NAN = 'no value (NaN) Prometheus returned NaN (not a number), for example a division of zero by zero.';
  expect(tableRows(screen.getByTestId('new-failures-table'))).toEqual([
    [
      'nightly',
      'backup',
      'shop',
      NAN,
      'no value (+Inf) Prometheus returned +Inf (infinite), for example a division by zero.',
    ],
  ]);
  expect(panel('new-failures').queryByTestId('empty')).toBeNull();
  const [row] = tableRows(screen.getByTestId('recovery-table'));
  expect(row?.[3]).toBe(NAN);
  expect(row?.[5]).toBe('Cannot tell');
  expect(screen.getByTestId('recovery-table').querySelector('[data-status]')).toHaveAttribute('data-status', 'unknown');
  expect(screen.queryByText(/0s ago/)).toBeNull();
});

test('no permission (HTTP 403 from the proxy): every panel says which permission is missing', async () => {
  const denied = httpError(403, { message: 'prometheuses.monitoring.coreos.com "k8s" is forbidden' });
  await show(() => {
    throw denied;
  });
  for (const id of PANELS) {
    const alert = panel(id).getByRole('alert');
    expect(alert).toHaveAttribute('data-error-kind', 'forbidden');
    expect(alert).toHaveTextContent(
      'You do not have permission to read these metrics (HTTP 403): prometheuses.monitoring.coreos.com "k8s" is forbidden',
    );
    expect(alert).toHaveTextContent(
      'needs the cluster-monitoring-view cluster role, or the view role in the Kasten namespace',
    );
  }
});

test('access mode none: nothing is sent, and each panel names the namespace and the roles', async () => {
  await show(FULL, { access: { mode: 'none', namespace: 'kasten-io' } });
  expect(promRequests()).toEqual([]);
  for (const id of PANELS) {
    expect(panel(id).getByRole('alert')).toHaveTextContent(
      'no permission to read metrics in namespace kasten-io (needs cluster-monitoring-view, or view there)',
    );
  }
});

test('Prometheus unreachable: a network error and a 503 both read as unreachable', async () => {
  let n = 0;
  await show(() => {
    n += 1;
    throw n % 2 ? networkError() : httpError(503, undefined, 'Service Unavailable');
  });
  const kinds = PANELS.map((id) => panel(id).getByRole('alert').getAttribute('data-error-kind'));
  expect(kinds).toEqual(['unreachable', 'unreachable', 'unreachable', 'unreachable']);
  expect(screen.getAllByText(/Prometheus cannot be reached/).length).toBe(4);
});

test("HTTP 500: Prometheus's own message, verbatim", async () => {
  const msg = 'query processing would load too many samples into memory in query execution';
  await show(() => {
    throw httpError(500, promErrorBody('internal', msg));
  });
  for (const id of PANELS)
    expect(panel(id).getByRole('alert')).toHaveTextContent(`Prometheus answered with an error (HTTP 500): ${msg}`);
});

test("timeout: the console's TimeoutError message, with the URL and the limit", async () => {
  await show((req) => {
    throw timeoutError(req.url, 30000);
  });
  const alert = panel('status-counts').getByRole('alert');
  expect(alert).toHaveAttribute('data-error-kind', 'timeout');
  const url = promRequests().find((r) => r.query === Q.counts)?.url;
  expect(alert).toHaveTextContent(`Prometheus did not answer in time: Call to ${url} timed out after 30000ms.`);
});

test('bad query (HTTP 400): json.error shown', async () => {
  await show({
    ...FULL,
    retained: httpError(400, promErrorBody('bad_data', "1:37: parse error: unexpected character inside braces: '!'")),
  });
  const alert = panel('retained-failures').getByRole('alert');
  expect(alert).toHaveTextContent(
    "Prometheus rejected the query (HTTP 400): 1:37: parse error: unexpected character inside braces: '!'",
  );
  // The other panels are untouched by that one failure.
  expect(panel('new-failures').queryByRole('alert')).toBeNull();
  expect(tableRows(screen.getByTestId('new-failures-table'))).toHaveLength(2);
});

test('stale: after a failed refresh the last data stays, under the error and a note', async () => {
  let down = false;
  const ok = byKey(Q, FULL);
  const r = await show((req) => {
    if (down) throw networkError();
    return ok({ ...req, path: '', params: new URLSearchParams() });
  });
  down = true;
  await r.refresh();
  const alert = panel('new-failures').getByRole('alert');
  expect(alert).toHaveTextContent('Prometheus cannot be reached: Failed to fetch');
  expect(alert).toHaveTextContent('Showing the last data received; it may be out of date.');
  expect(tableRows(screen.getByTestId('new-failures-table'))[0]?.slice(0, 4)).toEqual([
    'nightly',
    'backup',
    'shop',
    '2',
  ]);
  expect(panel('status-counts').getByTestId('status-failed')).toHaveTextContent('3');
});

describe('New failures', () => {
  test('sortable: clicking a header re-sorts the rows', async () => {
    await show(FULL);
    const table = screen.getByTestId('new-failures-table');
    fireEvent.click(within(within(table).getByTestId('sort-policy')).getByRole('button'));
    expect(tableRows(table).map((r) => r[0])).toEqual(['hourly', 'nightly']);
    fireEvent.click(within(within(table).getByTestId('sort-policy')).getByRole('button'));
    expect(tableRows(table).map((r) => r[0])).toEqual(['nightly', 'hourly']);
  });

  test('the URL `filter` param filters both failure tables, and typing writes it back', async () => {
    await show(FULL, { route: '/kasten?filter=SHOP&timeRange=3600000' });
    expect(screen.getByTestId('failure-filter')).toHaveValue('SHOP');
    expect(tableRows(screen.getByTestId('new-failures-table')).map((r) => r[0])).toEqual(['nightly']);
    expect(tableRows(screen.getByTestId('retained-table')).map((r) => r[0])).toEqual(['nightly']);
    fireEvent.change(screen.getByTestId('failure-filter'), { target: { value: 'export' } });
    expect(currentUrl().searchParams.get('filter')).toBe('export');
    expect(currentUrl().searchParams.get('timeRange')).toBe('3600000');
    expect(tableRows(screen.getByTestId('new-failures-table')).map((r) => r[0])).toEqual(['hourly']);
    fireEvent.change(screen.getByTestId('failure-filter'), { target: { value: 'nothing-like-it' } });
    expect(panel('new-failures').getByTestId('empty')).toHaveTextContent('No new failure matches the filter.');
    fireEvent.change(screen.getByTestId('failure-filter'), { target: { value: '' } });
    expect(currentUrl().searchParams.has('filter')).toBe(false);
    expect(tableRows(screen.getByTestId('new-failures-table'))).toHaveLength(2);
  });

  test('counters fallback: catalog_actions_count absent but action_<type>_ended_count present', async () => {
    await show({
      catalogPresent: emptyVector(),
      counterFailures: vector([
        [{ policy: 'nightly', type: 'backup', app: 'shop', state: 'failed' }, 2],
        [{ policy: 'hourly', type: 'export', app: 'crm', state: 'failed' }, 0],
      ]),
    });
    expect(
      panel('new-failures').getByText(
        'Counted from the action_<type>_ended_count counters (catalog_actions_count is not scraped).',
      ),
    ).toBeInTheDocument();
    expect(tableRows(screen.getByTestId('new-failures-table'))).toEqual([['nightly', 'backup', 'shop', '2', '—']]);
  });

  test('with the catalog present the counters are not used, even if they have rows', async () => {
    await show({
      catalogPresent: vector([[{}, 1]]),
      counterFailures: vector([[{ policy: 'from-counters', type: 'backup', app: 'x' }, 5]]),
    });
    expect(panel('new-failures').getByTestId('empty')).toHaveTextContent(
      'No new failed or cancelled action in the last 1h.',
    );
    expect(screen.queryByText('from-counters')).toBeNull();
  });
});

describe('Recovery point age', () => {
  test('with the recording rules: one query, the source said, no look-back sent, a weekly row kept', async () => {
    jest
      .mocked(useK8sWatchResource)
      .mockReturnValue(
        watchResult([...policies, { metadata: { name: 'weekly' }, spec: { frequency: '@weekly' } }], true),
      );
    await show(RECORDED);
    expect(panel('recovery-points').getByTestId('recovery-source')).toHaveTextContent(
      'Source: the recovery-point recording rules',
    );
    const sent = promRequests().map((r) => r.query);
    for (const k of LOOKBACK_KEYS) expect(sent).not.toContain(Q[k]);
    expect(tableRows(screen.getByTestId('recovery-table'))).toEqual([
      [
        'new-policy',
        'fresh',
        '@daily',
        'no success in the last 36 h of metrics',
        'no success in the last 36 h of metrics',
        'no success in the last 36 h of metrics',
        'Metrics record (no Complete Kasten object of this policy)',
      ],
      [
        'weekly',
        'hr',
        '@weekly',
        '3d ago',
        'no success in the last 36 h of metrics',
        'Within expected interval (7d 16h)',
        'Metrics record (no Complete Kasten object of this policy)',
      ],
      [
        'nightly',
        'shop',
        '@daily',
        '50m ago',
        '1h 23m ago',
        'Within expected interval (1d 2h)',
        'Metrics record (no Complete Kasten object of this policy)',
      ],
    ]);
  });

  test('without the rules and with 24 h of metrics: a daily policy without success cannot be judged yet', async () => {
    const answers = { ...FULL, catalogHistory: vector([[{}, 24 * 3600]]) };
    // The look-back ages are asked over the measured 24 h (rounded up to 25 h once the measuring step is
    // added), not the 52 h bound the history itself is measured within.
    const clipped = overviewQueries24h();
    await show(byKey({ ...Q, backupAge: clipped.backupAge, exportAge: clipped.exportAge }, answers));
    const sent = promRequests().map((r) => r.query);
    // Same configuration as the hook's: its unclipped queries are the model's.
    expect(shapeQueries(DEFAULT_PLUGIN_CONFIG, '1h')).toEqual(Q);
    expect(Q.backupAge).toContain('[52h:5m]');
    expect(clipped.backupAge).toContain('[25h:5m]');
    expect(sent).toContain(clipped.backupAge);
    expect(sent).toContain(clipped.exportAge);
    expect(sent).not.toContain(Q.backupAge);
    expect(sent).not.toContain(Q.exportAge);
    expect(panel('recovery-points').getByTestId('recovery-source')).toHaveTextContent(
      'Source: a look-back over the last 24 h of metrics',
    );
    const row = tableRows(screen.getByTestId('recovery-table')).find((r) => r[0] === 'new-policy');
    expect(row?.[3]).toBe('no success in the last 24 h of metrics');
    expect(row?.[5]).toBe('Cannot tell: less history than the expected interval (1d 2h)');
  });

  describe('records without a sample: the PrometheusRule list says why', () => {
    const RULE_GVK = { group: 'monitoring.coreos.com', version: 'v1', kind: 'PrometheusRule' };
    const chartRule = {
      metadata: { name: 'kasten-console-plugin-recovery-points', namespace: 'kasten-io' },
      spec: { groups: [{ name: 'kasten-recovery-point', rules: [{ record: LAST_SUCCESS_RECORD, expr: 'x' }] }] },
    };
    /** Policies as before; the PrometheusRule list of the Kasten namespace answers `rules`. */
    const withRules = (rules: ReturnType<typeof useK8sWatchResource>) =>
      jest
        .mocked(useK8sWatchResource)
        .mockImplementation((r) =>
          r && 'groupVersionKind' in r && r.groupVersionKind?.kind === RULE_GVK.kind
            ? rules
            : watchResult(policies, true),
        );
    const ruleWatches = () =>
      jest
        .mocked(useK8sWatchResource)
        .mock.calls.map(([r]) => r)
        .filter((r) => r && r.groupVersionKind?.kind === RULE_GVK.kind);
    const note = () => panel('recovery-points').getByTestId('recovery-source');

    test('the rule object exists, its records have no sample yet: installed, waiting, and the look-back meanwhile', async () => {
      withRules(watchResult([chartRule], true));
      await show(FULL);
      expect(note()).toHaveTextContent(
        'Source: a look-back over the last 168 h of metrics, all Prometheus holds. The recovery-point recording rules are installed (kasten-console-plugin-recovery-points), waiting for their first evaluation',
      );
      expect(note()).toHaveTextContent('Until their records have a sample, the page uses this look-back.');
      expect(note()).not.toHaveTextContent('not installed');
      expect(note()).toHaveAttribute('data-rules', 'installed');
      // Asked in the Kasten namespace, as a list (the same watch Setup's check opens).
      expect(ruleWatches()).toContainEqual({ groupVersionKind: RULE_GVK, namespace: 'kasten-io', isList: true });
    });

    test('no rule recording the last success: not installed', async () => {
      withRules(watchResult([], true));
      await show(FULL);
      expect(note()).toHaveTextContent(
        'The recovery-point recording rules are not installed (see Setup), so successes older than this history are not seen.',
      );
      expect(note()).toHaveAttribute('data-rules', 'absent');
    });

    test('PrometheusRules not listable: cannot tell, never "not installed"', async () => {
      withRules(watchResult(undefined, false, httpError(403, { message: 'prometheusrules is forbidden' })));
      await show(FULL);
      expect(note()).toHaveTextContent(
        'whether they are installed cannot be told, because you may not list PrometheusRules in kasten-io',
      );
      expect(note()).not.toHaveTextContent('not installed');
      expect(note()).not.toHaveTextContent('are installed (');
    });

    test('the list failed otherwise: cannot tell, with the API words', async () => {
      withRules(watchResult(undefined, false, httpError(500, { message: 'etcdserver: request timed out' })));
      await show(FULL);
      expect(note()).toHaveTextContent('reading PrometheusRules in kasten-io failed: etcdserver: request timed out');
      expect(note()).not.toHaveTextContent('not installed');
    });

    test('the list not answered yet: neither installed nor absent is claimed', async () => {
      withRules(watchResult(undefined, false));
      await show(FULL);
      expect(note()).toHaveTextContent('The recovery-point recording rules have recorded nothing (see Setup).');
      expect(note()).not.toHaveTextContent('not installed');
    });

    test('with records the PrometheusRules are not watched at all', async () => {
      withRules(watchResult([chartRule], true));
      await show(RECORDED);
      expect(note()).toHaveTextContent('Source: the recovery-point recording rules');
      // Every watch of the rule list is the "nothing" watch (null).
      expect(ruleWatches()).toEqual([]);
    });
  });

  test('without the rules: the ages wait for the history measure, the table shows loading meanwhile', async () => {
    const answer = byKey(Q, FULL);
    await show((req) => (req.query === Q.catalogHistory ? new Promise(() => undefined) : answer(req)));
    const sent = promRequests().map((r) => r.query);
    expect(sent).toContain(Q.catalogHistory);
    expect(sent).not.toContain(Q.backupAge);
    expect(sent).not.toContain(Q.exportAge);
    expect(panel('recovery-points').getByTestId('loading')).toHaveAttribute('aria-busy', 'true');
  });

  test('Policy resources forbidden: says so, and judges by the configured maximum age', async () => {
    const denied = httpError(403, { message: 'policies.config.kio.kasten.io is forbidden' });
    jest.mocked(useK8sWatchResource).mockReturnValue(watchResult(undefined, false, denied));
    await show(FULL);
    expect(
      panel('recovery-points').getByText(
        /You may not read Kasten Policy resources, so the maximum age setting is used/,
      ),
    ).toBeInTheDocument();
    const rows = tableRows(screen.getByTestId('recovery-table'));
    // hourly is 5h33m old: stale against @hourly, fine against the 26h maximum age.
    expect(rows.find((r) => r[0] === 'hourly')).toEqual([
      'hourly',
      'crm',
      'unknown',
      '5h 33m ago',
      'no success in the last 168 h of metrics',
      'Within expected interval (1d 2h)',
      'Metrics look-back (Kasten objects not readable: needs k10-basic)',
    ]);
    expect(rows.find((r) => r[0] === 'paused-one')?.[5]).toBe('Older than expected (1d 2h)');
    // The same 403 on Kasten's RestorePoints and actions: the metrics stand, and a note names the permission.
    expect(panel('recovery-points').getByTestId('recovery-objects-denied')).toHaveTextContent(
      'You may not list restorepoints.apps.kio.kasten.io, backupactions.actions.kio.kasten.io, exportactions.actions.kio.kasten.io in crm, fresh, hr, shop.',
    );
  });

  test("the Policy watch is on Kasten's Policy kind in the Kasten namespace", async () => {
    await show(FULL, { config: { kastenNamespace: 'k10' } });
    expect(useK8sWatchResource).toHaveBeenCalledWith({
      groupVersionKind: { group: 'config.kio.kasten.io', version: 'v1alpha1', kind: 'Policy' },
      namespace: 'k10',
      isList: true,
    });
  });
});

describe('Why it failed (an open failure row)', () => {
  const failed = {
    kind: 'BackupAction',
    metadata: { name: 'scheduled-"q"-é', namespace: 'shop', labels: { 'k10.kasten.io/policyName': 'nightly' } },
    status: {
      state: 'Failed',
      startTime: new Date(Date.now() - 120_000).toISOString(),
      endTime: new Date(Date.now() - 60_000).toISOString(),
      error: { message: 'Job failed', cause: '{"message":"no VolumeSnapshotClass"}' },
    },
  };
  const old = {
    ...failed,
    metadata: { ...failed.metadata, name: 'scheduled-old' },
    status: { ...failed.status, endTime: '2020-01-01T00:00:00Z', startTime: '2020-01-01T00:00:00Z' },
  };
  const actionWatches = () =>
    jest
      .mocked(useK8sWatchResource)
      .mock.calls.map(([r]) => r)
      // The failed-actions watches select one policy; the recovery table's Complete-action lists
      // (selected by a set of policies) are open from the start and are not what this test is about.
      .filter((r) => r?.groupVersionKind?.group === 'actions.kio.kasten.io' && !!r.selector?.matchLabels);

  beforeEach(() => {
    jest
      .mocked(useK8sWatchResource)
      .mockImplementation((r) =>
        r?.groupVersionKind?.group === 'actions.kio.kasten.io'
          ? watchResult(r.groupVersionKind.kind === 'BackupAction' ? [failed, old] : [], true)
          : watchResult(policies, true),
      );
  });

  test('rows open with a named, keyboard-reachable toggle; actions are watched only once a row is open', async () => {
    await show(FULL);
    expect(actionWatches()).toEqual([]);
    const toggle = within(screen.getByTestId('new-failures-table')).getByRole('button', {
      name: 'Failed actions of policy nightly in namespace shop',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const details = await screen.findByTestId('failed-actions');
    expect(toggle).toHaveAttribute('aria-controls', details.closest('td')?.id);
    expect(actionWatches()).toContainEqual(
      expect.objectContaining({
        namespace: 'shop',
        selector: { matchLabels: { 'k10.kasten.io/policyName': 'nightly' } },
      }),
    );
    // Only the action that ended in the window; the 2020 one is outside it.
    expect(
      within(details)
        .getAllByTestId('failed-action-link')
        .map((a) => a.textContent),
    ).toEqual(['scheduled-"q"-é']);
    expect(
      within(details)
        .getAllByTestId('action-cause-message')
        .map((m) => m.textContent),
    ).toEqual(['no VolumeSnapshotClass', 'Job failed']);
    fireEvent.click(toggle);
    expect(screen.queryByTestId('failed-actions')).toBeNull();
  });

  test('a retained row lists the actions Kasten still holds, of any age', async () => {
    await show(FULL);
    fireEvent.click(
      within(screen.getByTestId('retained-table')).getByRole('button', {
        name: 'Failed actions of policy nightly in namespace shop',
      }),
    );
    const details = await screen.findByTestId('failed-actions');
    expect(
      within(details)
        .getAllByTestId('failed-action-link')
        .map((a) => a.textContent),
    ).toEqual(['scheduled-"q"-é', 'scheduled-old']);
  });

  test('RunActions refused in the configured Kasten namespace: the BackupActions still show, and the note names exactly the missing permission there, not k10-basic', async () => {
    jest
      .mocked(useK8sWatchResource)
      .mockImplementation((r) =>
        r?.groupVersionKind?.kind === 'RunAction'
          ? watchResult(undefined, false, httpError(403, { message: 'runactions.actions.kio.kasten.io is forbidden' }))
          : r?.groupVersionKind?.group === 'actions.kio.kasten.io'
            ? watchResult(r.groupVersionKind.kind === 'BackupAction' ? [failed] : [], true)
            : watchResult(policies, true),
      );
    const config = { kastenNamespace: 'k10' };
    await show(byKey(shapeQueries({ ...DEFAULT_PLUGIN_CONFIG, ...config }, '1h'), FULL), { config });
    fireEvent.click(
      within(screen.getByTestId('new-failures-table')).getByRole('button', {
        name: 'Failed actions of policy nightly in namespace shop',
      }),
    );
    const details = await screen.findByTestId('failed-actions');
    // The RunAction list is asked for in the configured Kasten namespace, not the application's.
    expect(actionWatches()).toContainEqual(
      expect.objectContaining({ namespace: 'k10', groupVersionKind: expect.objectContaining({ kind: 'RunAction' }) }),
    );
    expect(actionWatches().filter((w) => w?.groupVersionKind?.kind === 'RunAction' && w.namespace !== 'k10')).toEqual(
      [],
    );
    expect(
      within(details)
        .getAllByTestId('failed-action-link')
        .map((a) => a.textContent),
    ).toEqual(['scheduled-"q"-é']);
    const notes = within(details).getAllByTestId('failed-actions-forbidden');
    expect(notes).toHaveLength(1);
    expect(notes[0]).toHaveTextContent('You may not list RunAction in namespace k10.');
    expect(within(notes[0]!).getByTestId('runactions-permission')).toHaveTextContent(
      "Missing permission: list (and watch) on runactions.actions.kio.kasten.io in k10, Kasten's namespace",
    );
    expect(within(notes[0]!).getByTestId('runactions-hint').textContent).toBe(
      [
        'oc create role kasten-runactions-reader --verb=get,list,watch --resource=runactions.actions.kio.kasten.io -n k10',
        'oc create rolebinding kasten-runactions-reader-<user> --role=kasten-runactions-reader --user=<user> -n k10',
      ].join('\n'),
    );
    // k10-basic is not offered for RunActions: Kasten does not document that it grants them.
    expect(within(notes[0]!).queryByTestId('k10-basic-hint')).toBeNull();
  });
});
