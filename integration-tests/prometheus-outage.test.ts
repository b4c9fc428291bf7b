/**
 * Prometheus taken away mid-test: the console's proxy answers 502, as it does
 * on a cluster; the page says Prometheus cannot be reached, keeps the last
 * data it had (marked as possibly out of date), never shows a blank panel,
 * and recovers on its own once Prometheus is back.
 */
import type { Browser } from 'playwright-core';
import type { Preview } from '../dev/preview';
import { axeScan } from './helpers/axe';
import { byTest, eventually, gotoKasten, openPage, saveScreenshot, tableRows, type TestPage } from './helpers/browser';
import { FAILING_POLICY, startSession } from './helpers/preview';

jest.setTimeout(90_000);

let preview: Preview;
let browser: Browser;
let tp: TestPage;

beforeAll(async () => {
  ({ preview, browser } = await startSession());
}, 120_000);

afterAll(async () => {
  await tp?.close();
  await browser?.close();
  await preview?.stop();
});

/** The shortest refresh the page offers, so it notices the outage and the recovery by itself. */
const REFRESH = 'refreshInterval=15000';
/** Two refreshes: the change lands between ticks, and the next round then answers. */
const NEXT_ROUND = { timeout: 40_000 };

const errorKinds = () =>
  tp.page.locator('[data-test="query-error"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-error-kind')));

test('with data on screen, stopping Prometheus shows "cannot be reached" over the last data', async () => {
  tp = await openPage(browser);
  const { page } = tp;
  await gotoKasten(page, preview.consoleUrl, `/kasten?${REFRESH}`);
  await byTest(page, 'new-failures-table').waitFor();
  expect(await page.locator('[data-test="query-error"]').count()).toBe(0);

  await preview.stopPrometheus();
  const kinds = await eventually(async () => {
    const k = await errorKinds();
    // One message per panel: status counts, new failures, retained failures, recovery points.
    expect(k.length).toBeGreaterThanOrEqual(4);
    return k;
  }, NEXT_ROUND);
  expect(new Set(kinds)).toEqual(new Set(['unreachable']));
  const message = await byTest(page, 'query-error').first().innerText();
  expect(message).toContain('Prometheus cannot be reached (HTTP 502)');
  expect(message).toContain('Showing the last data received; it may be out of date.');
  expect(await page.locator('[data-test="query-error"]').first().getAttribute('role')).toBe('alert');
  // The last good data stays below the message.
  expect((await tableRows(page, 'new-failures-table'))[0]?.[0]).toBe(FAILING_POLICY);
  expect(await byTest(page, 'status-failed').count()).toBe(1);
  expect(tp.pageErrors).toEqual([]);
});

test('a view opened while Prometheus is down shows the error in every panel, no skeleton left and no blank panel', async () => {
  const { page } = tp;
  await byTest(page, 'tab-history').click();
  await eventually(async () => expect((await errorKinds()).length).toBe(3));
  expect(new Set(await errorKinds())).toEqual(new Set(['unreachable']));
  const panels = page.locator('[data-test^="panel-history-"]');
  expect(await panels.count()).toBe(3);
  for (const panel of await panels.all()) {
    expect(await panel.locator('[data-test="query-error"]').count()).toBe(1);
    expect(await panel.locator('[data-test="loading"]').count()).toBe(0);
    // Nothing was received yet, so nothing is called out of date.
    expect(await panel.innerText()).not.toContain('Showing the last data received');
  }
  await saveScreenshot(page, 'history-prometheus-unreachable');
  const scan = await axeScan(page);
  expect(scan.blocking).toEqual([]);
  expect(tp.pageErrors).toEqual([]);
});

test('after Prometheus restarts the page recovers by itself: errors go, charts and tables come back', async () => {
  const { page } = tp;
  await preview.startPrometheus();
  await eventually(async () => expect(await page.locator('[data-test="query-error"]').count()).toBe(0), NEXT_ROUND);
  await byTest(page, 'panel-history-status').locator('[data-test="chart"] svg[role="img"]').waitFor();

  await byTest(page, 'tab-overview').click();
  await eventually(async () => expect((await tableRows(page, 'new-failures-table'))[0]?.[0]).toBe(FAILING_POLICY));
  expect(await page.locator('[data-test="query-error"]').count()).toBe(0);
  expect(tp.pageErrors).toEqual([]);
});
