/**
 * A querier slower than the refresh interval, in real Chromium: the console's
 * stand-in proxy holds every answer longer than the plugin's 30 s query
 * timeout while the page refreshes every 15 s. Refresh ticks must not abort
 * the round in flight, so the timeout fires and each panel says Prometheus did
 * not answer in time, instead of a skeleton forever.
 */
import { byTest, eventually, gotoKasten } from './helpers/browser';
import { browserSession } from './helpers/session';

jest.setTimeout(120_000);

const s = browserSession({}, { pagePerTest: true });

afterEach(() => s.preview.setPrometheusFaults({}));

test('every Overview panel ends in "did not answer in time", with no skeleton left, while ticks keep coming', async () => {
  // Longer than the query timeout (30 s), so only the timeout can end the first round.
  s.preview.setPrometheusFaults({ delayMs: 45_000 });
  const { page } = s.tp;
  await gotoKasten(page, s.preview.consoleUrl, '/kasten?refreshInterval=15000');
  const panels = ['status-counts', 'new-failures', 'retained-failures', 'recovery-points'];
  await eventually(
    async () => {
      for (const id of panels) {
        const panel = byTest(page, `panel-${id}`);
        expect(await panel.locator('[data-test="query-error"][data-error-kind="timeout"]').count()).toBe(1);
        expect(await panel.locator('[data-test="loading"]').count()).toBe(0);
      }
    },
    { timeout: 75_000, interval: 1000 },
  );
  expect(await byTest(page, 'query-error').first().innerText()).toContain('Prometheus did not answer in time');
});
