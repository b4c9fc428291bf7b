/**
 * A partial answer from Thanos (a store such as the user-workload Prometheus
 * unreachable: `status: success`, the store's series missing, a warning) in
 * real Chromium: the Overview must show the warning in every panel and never
 * its all-clear ("No new failed or cancelled action").
 */
import { byTest, eventually, gotoKasten, saveScreenshot, tableRows } from './helpers/browser';
import { FAILING_POLICY } from './helpers/preview';
import { browserSession } from './helpers/session';

jest.setTimeout(60_000);

const s = browserSession({}, { pagePerTest: true });

const STORE = 'prometheus-user-workload-0.prometheus-operated.openshift-user-workload-monitoring.svc:10901';
const PANELS = ['status-counts', 'new-failures', 'retained-failures', 'recovery-points'];

afterEach(() => s.preview.setPrometheusFaults({}));

test('with a store unreachable, every Overview panel says the answer is partial, with the warning, and no all-clear', async () => {
  s.preview.setPrometheusFaults({ storeUnreachable: STORE });
  const { page } = s.tp;
  await gotoKasten(page, s.preview.consoleUrl, '/kasten');
  for (const id of PANELS) {
    const notice = byTest(page, `panel-${id}`).locator('[data-test="query-partial"]');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(`receive series from Addr: ${STORE}`);
  }
  const text = await page.locator('main').innerText();
  expect(text).not.toContain('No new failed or cancelled action');
  expect(text).not.toContain('No Kasten action has been recorded yet');
  expect(await byTest(page, 'empty').count()).toBe(0);
  await saveScreenshot(page, 'overview-partial-response');
});

test('once the store answers again the same page shows the failing policy, without the warning', async () => {
  const { page } = s.tp;
  await gotoKasten(page, s.preview.consoleUrl, '/kasten');
  await eventually(async () => expect((await tableRows(page, 'new-failures-table'))[0]?.[0]).toBe(FAILING_POLICY));
  expect(await byTest(page, 'query-partial').count()).toBe(0);
});
