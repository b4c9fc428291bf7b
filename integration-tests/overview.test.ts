/**
 * Observe > Kasten in real Chromium against the local preview: the menu entry,
 * the failing policy with the count the story and Prometheus agree on, the
 * time range in the URL, the failure filter, "Open in Metrics" and keyboard
 * use of the tabs.
 */
import { wallClock } from '../dev/simulator/scenario';
import { actionCountsByStatus, newFailedActions, retainedFailedActions } from '../src/promql';
import { byTest, eventually, gotoKasten, tableRows, type TestPage } from './helpers/browser';
import {
  assertQuietStory,
  FAILING_NAMESPACE,
  FAILING_POLICY,
  promInstant,
  storyLastFailure,
  storyLiveFailed,
  storyNewFailures,
} from './helpers/preview';

import { DEFAULT_CONSOLE, TESTED_CONSOLES } from './helpers/consoles';
import { browserSession, type BrowserSession } from './helpers/session';

// Room for a page refresh (30 s) inside the waits below, should a window edge pass between two readings.
jest.setTimeout(120_000);
/** Long enough for the page's 30 s refresh to catch up with a window edge that passed between readings. */
const PAGE_REFRESH_WAIT = { timeout: 45_000 };

const TEN_MINUTES_MS = 600_000;
const ONE_HOUR_MS = 3_600_000;

/** Sum of a failures query's values for the failing policy, straight from Prometheus (now or at `atMs`). */
const promFailures = async (s: BrowserSession, query: string, atMs?: number): Promise<number> => {
  const rows = await promInstant(s.preview, query, atMs);
  return rows.filter((r) => r.labels.policy === FAILING_POLICY).reduce((n, r) => n + r.value, 0);
};

const newFailureRows = (p: TestPage) => tableRows(p.page, 'new-failures-table');

const sentQueries = (p: TestPage): string[] => p.prometheusRequests.map((u) => u.searchParams.get('query') ?? '');

describe.each(TESTED_CONSOLES)('console %s', (consoleVersion) => {
  const s = browserSession({ console: consoleVersion }, { pagePerTest: true });

  test('Observe > Kasten opens from the menu, placed after Targets', async () => {
    const { page } = s.tp;
    await page.goto(`${s.preview.consoleUrl}/monitoring/alerts`);
    // The stand-in really is that console: the release version its loader checked the plugin's range against.
    await expect(
      page.evaluate(
        () => (window as unknown as { SERVER_FLAGS: { releaseVersion: string } }).SERVER_FLAGS.releaseVersion,
      ),
    ).resolves.toBe(`${consoleVersion}.0`);
    const observe = byTest(page, 'nav-observe');
    await observe.getByRole('link', { name: 'Kasten' }).waitFor();
    expect(await observe.getByRole('link').allInnerTexts()).toEqual([
      'Alerting',
      'Metrics',
      'Dashboards',
      'Targets',
      'Kasten',
    ]);

    await observe.getByRole('link', { name: 'Kasten' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kasten' }).waitFor();
    // The console's own page heading: the title, the page's subtitle and the console's favourites star.
    const heading = byTest(page, 'page-heading');
    await expect(heading.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('Kasten');
    await expect(heading.innerText()).resolves.toContain('Backup health of Veeam Kasten from OpenShift monitoring');
    await heading.getByRole('button', { name: 'Add to favorites' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/kasten');
    await expect(page.title()).resolves.toBe('Kasten · Red Hat OpenShift');
    await expect(observe.getByRole('link', { name: 'Kasten' }).getAttribute('class')).resolves.toContain(
      'pf-m-current',
    );
    await expect(byTest(page, 'tab-overview').getAttribute('aria-selected')).resolves.toBe('true');
    await byTest(page, 'status-counts').waitFor();
    expect(await page.locator('[data-test="plugin-load-error"]').count()).toBe(0);
  });

  test('the failing policy appears with the count the story and Prometheus give, and nothing else fails', async () => {
    await gotoKasten(s.tp.page, s.preview.consoleUrl, `/kasten?timeRange=${TEN_MINUTES_MS}`);
    await byTest(s.tp.page, 'new-failures-table').waitFor();
    assertQuietStory(s.preview);

    const query = newFailedActions(s.config, '10m');
    expect(sentQueries(s.tp)).toContain(query);
    expect(await s.tp.page.getByRole('heading', { name: 'New failures in the last 10m' }).count()).toBe(1);
    // The story, Prometheus (evaluated at the same instant) and the page agree. The story is frozen, so only the
    // window's edge moves; should it pass a failure between two readings, the next try reads again.
    await eventually(async () => {
      const at = Date.now();
      const expected = storyNewFailures(s.preview, TEN_MINUTES_MS / 1000, at);
      expect(Math.round(await promFailures(s, query, at))).toBe(expected);
      const rows = await newFailureRows(s.tp);
      expect(rows.map((r) => r.slice(0, 4))).toEqual([[FAILING_POLICY, 'backup', FAILING_NAMESPACE, String(expected)]]);
    }, PAGE_REFRESH_WAIT);
    // The last failure is the story's latest (35 s), stamped at the next rise-counting step (30 s) at the latest.
    const stamp = await byTest(s.tp.page, 'new-failures-table').locator('tbody time').getAttribute('datetime');
    const lastFailure = Date.parse(stamp ?? '') / 1000;
    expect(storyLastFailure(s.preview)).toBe(35);
    expect(lastFailure).toBeGreaterThanOrEqual(wallClock(s.preview.storyStartMs, storyLastFailure(s.preview)));
    expect(lastFailure).toBeLessThanOrEqual(wallClock(s.preview.storyStartMs, storyLastFailure(s.preview) + 30 + 3));

    // Failed actions the catalog holds now: the story's live count, on the status counts and the retained table.
    const liveFailed = storyLiveFailed(s.preview);
    const failedByStatus = (await promInstant(s.preview, actionCountsByStatus(s.config))).find(
      (r) => r.labels.status === 'failed',
    );
    expect(failedByStatus?.value).toBe(liveFailed);
    await expect(byTest(s.tp.page, 'status-failed').innerText()).resolves.toBe(String(liveFailed));
    expect(Math.round(await promFailures(s, retainedFailedActions(s.config)))).toBe(liveFailed);
    expect(await tableRows(s.tp.page, 'retained-table')).toEqual([
      [FAILING_POLICY, 'backup', FAILING_NAMESPACE, String(liveFailed)],
    ]);

    // The application namespace is the console's resource link: the Namespace badge, and its page on a click.
    const nsLink = byTest(s.tp.page, 'retained-table').getByRole('link', { name: FAILING_NAMESPACE, exact: true });
    await expect(nsLink.getAttribute('href')).resolves.toBe(`/k8s/cluster/namespaces/${FAILING_NAMESPACE}`);
    await expect(
      byTest(s.tp.page, 'retained-table')
        .locator('.co-resource-item', { has: s.tp.page.getByRole('link', { name: FAILING_NAMESPACE, exact: true }) })
        .locator('.co-m-resource-icon')
        .innerText(),
    ).resolves.toBe('NS');
    await nsLink.click();
    await s.tp.page.waitForURL((u) => u.pathname === `/k8s/cluster/namespaces/${FAILING_NAMESPACE}`);
  });

  // Below: the page's own behaviour, the same code on every console.
  if (consoleVersion !== DEFAULT_CONSOLE) return;

  test('changing the time range updates the URL, the query sent and the count; Back restores them', async () => {
    const { page } = s.tp;
    await gotoKasten(page, s.preview.consoleUrl, `/kasten?timeRange=${TEN_MINUTES_MS}`);
    await byTest(page, 'new-failures-table').waitFor();
    assertQuietStory(s.preview);
    // Each count is the story's at the instant it is read: the window edges slide over the frozen story.
    const tenMinutes = () => storyNewFailures(s.preview, TEN_MINUTES_MS / 1000);
    const oneHour = () => storyNewFailures(s.preview, ONE_HOUR_MS / 1000);
    // The story has failures before and within the last 10 minutes, so the two windows must show different numbers.
    expect(oneHour()).toBeGreaterThan(tenMinutes());
    await eventually(
      async () => expect((await newFailureRows(s.tp))[0]?.[3]).toBe(String(tenMinutes())),
      PAGE_REFRESH_WAIT,
    );

    await byTest(page, 'time-range').selectOption(String(ONE_HOUR_MS));
    await eventually(async () => expect(new URL(page.url()).searchParams.get('timeRange')).toBe(String(ONE_HOUR_MS)));
    await page.getByRole('heading', { name: 'New failures in the last 1h' }).waitFor();
    await eventually(
      async () => expect((await newFailureRows(s.tp))[0]?.[3]).toBe(String(oneHour())),
      PAGE_REFRESH_WAIT,
    );
    const query = newFailedActions(s.config, '1h');
    expect(sentQueries(s.tp)).toContain(query);
    await eventually(async () => {
      const at = Date.now();
      expect(Math.round(await promFailures(s, query, at))).toBe(storyNewFailures(s.preview, ONE_HOUR_MS / 1000, at));
    });

    await page.goBack();
    await page.getByRole('heading', { name: 'New failures in the last 10m' }).waitFor();
    await expect(byTest(page, 'time-range').inputValue()).resolves.toBe(String(TEN_MINUTES_MS));
    await eventually(
      async () => expect((await newFailureRows(s.tp))[0]?.[3]).toBe(String(tenMinutes())),
      PAGE_REFRESH_WAIT,
    );
  });

  test('the failure filter narrows the table and is kept in the URL', async () => {
    const { page } = s.tp;
    await gotoKasten(page, s.preview.consoleUrl, '/kasten');
    await byTest(page, 'new-failures-table').waitFor();
    await byTest(page, 'failure-filter').fill('app-1');
    await eventually(async () => expect(new URL(page.url()).searchParams.get('filter')).toBe('app-1'));
    await expect(byTest(page, 'panel-new-failures').locator('[data-test="empty"]').innerText()).resolves.toBe(
      'No new failure matches the filter.',
    );
    await page.reload();
    await byTest(page, 'panel-new-failures').locator('[data-test="empty"]').waitFor();
    await expect(byTest(page, 'failure-filter').inputValue()).resolves.toBe('app-1');

    await byTest(page, 'failure-filter').fill('PACMAN');
    const rows = await eventually(async () => {
      const r = await newFailureRows(s.tp);
      expect(r).toHaveLength(1);
      return r;
    });
    expect(rows[0]?.[0]).toBe(FAILING_POLICY);
  });

  test('"Show queries" shows the PromQL and "Open in Metrics" opens the console\'s Metrics page with it', async () => {
    const { page } = s.tp;
    await gotoKasten(page, s.preview.consoleUrl, '/kasten');
    const panel = byTest(page, 'panel-new-failures');
    const toggle = panel.locator('[data-test="show-queries"]');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    const expected = newFailedActions(s.config, '1h');
    await expect(panel.locator('[data-test="promql"]').first().innerText()).resolves.toBe(expected);

    await panel.locator('[data-test="open-in-metrics"]').first().click();
    await byTest(page, 'metrics-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/monitoring/query-browser');
    await expect(byTest(page, 'metrics-query0').innerText()).resolves.toBe(expected);
  });

  test('the tabs work from the keyboard: arrows move and select, only the selected tab is in the tab order', async () => {
    const { page } = s.tp;
    await gotoKasten(page, s.preview.consoleUrl, '/kasten');
    const focusedTab = () => page.evaluate(() => document.activeElement?.getAttribute('data-test') ?? null);
    const selected = () => page.locator('[role="tab"][aria-selected="true"]').getAttribute('data-test');
    const tabParam = () => new URL(page.url()).searchParams.get('tab');

    expect(await page.locator('[role="tab"][tabindex="0"]').count()).toBe(1);
    await byTest(page, 'tab-overview').focus();
    await page.keyboard.press('ArrowRight');
    await eventually(async () => expect(await focusedTab()).toBe('tab-history'));
    await eventually(async () => expect(await selected()).toBe('tab-history'));
    await eventually(async () => expect(tabParam()).toBe('history'));
    await byTest(page, 'panel-history-status').waitFor();

    // Tab leaves the tab list for the panel's first control instead of walking through the other tabs; Shift+Tab comes back.
    await page.keyboard.press('Tab');
    await eventually(async () => expect(await focusedTab()).toBe('isolate-policy'));
    await page.keyboard.press('Shift+Tab');
    await eventually(async () => expect(await focusedTab()).toBe('tab-history'));

    await page.keyboard.press('ArrowRight');
    await eventually(async () => expect(await focusedTab()).toBe('tab-resources'));
    await eventually(async () => expect(tabParam()).toBe('resources'));
    await byTest(page, 'memory-value').waitFor();

    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await eventually(async () => expect(await focusedTab()).toBe('tab-overview'));
    await eventually(async () => expect(tabParam()).toBeNull());
    // Wraps around from the first tab to the last.
    await page.keyboard.press('ArrowLeft');
    await eventually(async () => expect(await focusedTab()).toBe('tab-setup'));
    await eventually(async () => expect(await selected()).toBe('tab-setup'));
    await eventually(async () => expect(tabParam()).toBe('setup'));
  });

  test('a refresh interval from a link the page does not offer: the control shows the one used, and a note says the URL value was ignored', async () => {
    const { page } = s.tp;
    // 5 s would poll faster than a slow Prometheus answers; the page raises it to the shortest offered, 15 s.
    await gotoKasten(page, s.preview.consoleUrl, '/kasten?refreshInterval=5000');
    await byTest(page, 'status-counts').waitFor();
    const control = byTest(page, 'refresh-interval');
    await expect(control.inputValue()).resolves.toBe('15000');
    await expect(byTest(page, 'ignored-param').innerText()).resolves.toBe(
      'refreshInterval=5000 in the URL is ignored: refreshing every 15s, an interval the page offers.',
    );
  });
});
