/**
 * The namespace view, for an admin: the Kasten tab on Namespace and Project
 * pages narrows every panel to that application namespace, and the Observe
 * page's namespace filter does the same through the URL.
 */
import type { Page } from 'playwright-core';
import { buildScenario, DEFAULT_SCENARIO } from '../dev/simulator/scenario';
import { actionCountsByStatus, newFailedActions } from '../src/promql';
import { DEFAULT_CONSOLE, TESTED_CONSOLES } from './helpers/consoles';
import { browserSession } from './helpers/session';
import { axeScan } from './helpers/axe';
import { byTest, eventually, saveScreenshot, tableRows, type TestPage } from './helpers/browser';
import { FAILING_NAMESPACE, FAILING_POLICY, promInstant, storyNewFailures } from './helpers/preview';

jest.setTimeout(60_000);

/** The preview's default world: which policies protect which application namespace. */
const scenario = buildScenario(DEFAULT_SCENARIO);
const OTHER_NAMESPACE = scenario.appNamespaces.find((ns) => ns !== FAILING_NAMESPACE)!;
const policiesOf = (ns: string) =>
  scenario.policies_
    .filter((p) => p.appNamespace === ns)
    .map((p) => p.name)
    .sort();

const sentQueries = (p: TestPage): string[] => p.prometheusRequests.map((u) => u.searchParams.get('query') ?? '');

/** Policies and namespaces of the recovery-point table, once every policy of the namespace is listed. */
const recoveryRows = (page: Page) =>
  eventually(async () => {
    const rows = await tableRows(page, 'recovery-table');
    expect(rows.length).toBeGreaterThan(0);
    return rows.map((r) => ({ policy: r[0], namespace: r[1] }));
  });

describe.each(TESTED_CONSOLES)('console %s', (consoleVersion) => {
  const s = browserSession({ console: consoleVersion }, { pagePerTest: true });

  test('Namespaces > mcourcy-pacman > Kasten: only that namespace, from the tab link', async () => {
    const { page } = s.tp;
    await page.goto(`${s.preview.consoleUrl}/k8s/cluster/namespaces/${FAILING_NAMESPACE}`);
    await byTest(page, 'namespace-details').getByRole('tab', { name: 'Kasten' }).click();
    await byTest(page, 'new-failures-table').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/k8s/cluster/namespaces/${FAILING_NAMESPACE}/kasten`);
    // The namespace is fixed here: no filter field.
    expect(await byTest(page, 'namespace-filter').count()).toBe(0);

    const filter = { exportedNamespace: FAILING_NAMESPACE };
    expect(sentQueries(s.tp)).toEqual(
      expect.arrayContaining([actionCountsByStatus(s.config, filter), newFailedActions(s.config, '1h', filter)]),
    );
    expect(sentQueries(s.tp)).not.toContain(actionCountsByStatus(s.config));

    // The story is frozen; the count is still the story's at the instant it is read, as the 1h window slides.
    await eventually(
      async () =>
        expect((await tableRows(page, 'new-failures-table')).map((r) => r.slice(0, 4))).toEqual([
          [FAILING_POLICY, 'backup', FAILING_NAMESPACE, String(storyNewFailures(s.preview, 3600))],
        ]),
      { timeout: 45_000 },
    );
    const recovery = await recoveryRows(page);
    expect(recovery.map((r) => r.policy).sort()).toEqual(policiesOf(FAILING_NAMESPACE));
    expect(new Set(recovery.map((r) => r.namespace))).toEqual(new Set([FAILING_NAMESPACE]));

    await page.getByRole('tab', { name: 'History' }).click();
    await byTest(page, 'panel-history-status').locator('[data-test="chart"] svg[role="img"]').waitFor();
    // The chart's hover layer on this console's React (17 on 4.19-4.21): the keyboard shows and hides the cursor.
    const plot = byTest(page, 'panel-history-status').locator('[data-test="chart-plot"]');
    await plot.focus();
    await page.keyboard.press('Home');
    const tooltip = byTest(page, 'panel-history-status').locator('[data-test="chart-tooltip"]');
    await tooltip.waitFor();
    expect(await tooltip.locator(':scope > div').count()).toBeGreaterThanOrEqual(2);
    expect(await byTest(page, 'panel-history-status').locator('[data-test="chart-readout"]').textContent()).toMatch(
      /\d/,
    );
    await page.keyboard.press('Escape');
    await tooltip.waitFor({ state: 'detached' });
    expect(new URL(page.url()).pathname).toBe(`/k8s/cluster/namespaces/${FAILING_NAMESPACE}/kasten`);
    expect(new URL(page.url()).searchParams.get('tab')).toBe('history');
  });

  test('the namespace tab passes axe and is saved as a screenshot', async () => {
    const { page } = s.tp;
    await page.goto(`${s.preview.consoleUrl}/k8s/cluster/namespaces/${FAILING_NAMESPACE}/kasten`);
    await byTest(page, 'new-failures-table').waitFor();
    await eventually(async () => expect(await page.locator('[data-test="loading"]').count()).toBe(0));
    await saveScreenshot(page, `namespace-tab-${consoleVersion}`);
    const scan = await axeScan(page);
    expect(scan.blocking).toEqual([]);
    expect(scan.passed).toBeGreaterThan(10);
  });

  // Below: the page's own behaviour, the same code on every console.
  if (consoleVersion !== DEFAULT_CONSOLE) return;

  test(`Projects > ${OTHER_NAMESPACE} > Kasten: no failure there, its own policies only`, async () => {
    const { page } = s.tp;
    await page.goto(`${s.preview.consoleUrl}/k8s/cluster/projects/${OTHER_NAMESPACE}/kasten`);
    await byTest(page, 'panel-new-failures').locator('[data-test="empty"]').waitFor();
    // Prometheus agrees: nothing failed in this namespace.
    const fromProm = await promInstant(
      s.preview,
      newFailedActions(s.config, '1h', { exportedNamespace: OTHER_NAMESPACE }),
    );
    expect(fromProm.filter((r) => r.value > 0)).toEqual([]);
    await expect(byTest(page, 'panel-new-failures').locator('[data-test="empty"]').innerText()).resolves.toBe(
      'No new failed or cancelled action in the last 1h.',
    );
    expect(await byTest(page, 'status-failed').count()).toBe(0);
    const recovery = await recoveryRows(page);
    expect(recovery.map((r) => r.policy).sort()).toEqual(policiesOf(OTHER_NAMESPACE));
    expect(new Set(recovery.map((r) => r.namespace))).toEqual(new Set([OTHER_NAMESPACE]));
  });

  test('Observe > Kasten: the namespace filter narrows the page and moves into the URL, and clearing it goes back', async () => {
    const { page } = s.tp;
    await page.goto(`${s.preview.consoleUrl}/kasten?timeRange=3600000`);
    await byTest(page, 'new-failures-table').waitFor();
    const input = byTest(page, 'namespace-filter');
    await input.fill(OTHER_NAMESPACE);
    await input.press('Enter');
    await eventually(async () => expect(new URL(page.url()).pathname).toBe(`/kasten/ns/${OTHER_NAMESPACE}`));
    // Other parameters survive the move.
    expect(new URL(page.url()).searchParams.get('timeRange')).toBe('3600000');
    await byTest(page, 'panel-new-failures').locator('[data-test="empty"]').waitFor();
    await eventually(async () => {
      const recovery = await recoveryRows(page);
      expect(new Set(recovery.map((r) => r.namespace))).toEqual(new Set([OTHER_NAMESPACE]));
    });
    await expect(page.title()).resolves.toBe(`Kasten · ${OTHER_NAMESPACE} · Red Hat OpenShift`);

    await input.fill('');
    await input.press('Enter');
    await eventually(async () => expect(new URL(page.url()).pathname).toBe('/kasten'));
    await eventually(async () => expect((await tableRows(page, 'new-failures-table'))[0]?.[0]).toBe(FAILING_POLICY));
  });
});
