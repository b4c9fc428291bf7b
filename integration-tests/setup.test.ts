/**
 * A broken setup, as a cluster admin meets it: Kasten's NetworkPolicies let
 * nothing from user-workload monitoring in (the `no-networkpolicy` scenario:
 * the catalog target is down). The Overview says a setup check fails and
 * leads to the Setup tab, which names the NetworkPolicy problem, shows the
 * fix as YAML and creates the object through the console's Kubernetes API.
 */
import type { Browser } from 'playwright-core';
import type { Preview } from '../dev/preview';
import { axeScan } from './helpers/axe';
import { byTest, eventually, gotoKasten, openPage, saveScreenshot, type TestPage } from './helpers/browser';
import { TESTED_CONSOLES } from './helpers/consoles';
import { startSession } from './helpers/preview';

jest.setTimeout(60_000);

describe.each(TESTED_CONSOLES)('console %s', (consoleVersion) => {
  let preview: Preview;
  let browser: Browser;
  let tp: TestPage;

  beforeAll(async () => {
    ({ preview, browser } = await startSession({ scenario: 'no-networkpolicy', console: consoleVersion }));
    tp = await openPage(browser);
  }, 120_000);

  afterAll(async () => {
    await tp?.close();
    await browser?.close();
    await preview?.stop();
  });

  interface Created {
    kind: string;
    metadata: { name: string; namespace?: string };
  }

  const created = async (): Promise<Created[]> =>
    (await (await fetch(`${preview.consoleUrl}/__preview/created`)).json()) as Created[];

  const networkPolicyCheck = () =>
    tp.page
      .locator('[data-test^="check-"][data-status="fail"]')
      .filter({ has: tp.page.locator('h3', { hasText: 'NetworkPolicy' }) });

  test('the Overview says a setup check fails and its button opens the Setup tab', async () => {
    const { page } = tp;
    await gotoKasten(page, preview.consoleUrl, '/kasten');
    const banner = byTest(page, 'setup-banner');
    await banner.waitFor();
    await expect(banner.innerText()).resolves.toContain('NetworkPolicy');
    await byTest(page, 'open-setup').click();
    await byTest(page, 'setup-checks').waitFor();
    expect(new URL(page.url()).searchParams.get('tab')).toBe('setup');
    await expect(byTest(page, 'tab-setup').getAttribute('aria-selected')).resolves.toBe('true');
    expect(tp.pageErrors).toEqual([]);
  });

  test('Setup names the NetworkPolicy problem and shows the fix as a NetworkPolicy in the Kasten namespace', async () => {
    const check = networkPolicyCheck();
    await eventually(async () => expect(await check.count()).toBe(1));
    const yaml = await check.locator('[data-test="fix-yaml"]').innerText();
    expect(yaml).toContain('kind: NetworkPolicy');
    expect(yaml).toContain('namespace: kasten-io');
    expect(yaml).toContain('openshift-user-workload-monitoring');

    await eventually(async () => expect(await tp.page.locator('[data-test="loading"]').count()).toBe(0));
    await saveScreenshot(tp.page, `setup-no-networkpolicy-${consoleVersion}`);
    const scan = await axeScan(tp.page);
    expect(scan.blocking).toEqual([]);
    expect(scan.passed).toBeGreaterThan(10);
  });

  test('Apply creates the NetworkPolicy through the Kubernetes API, once', async () => {
    const check = networkPolicyCheck();
    const apply = check.locator('[data-test="apply-fix"]');
    const label = await apply.innerText();
    const target = /NetworkPolicy ([a-z0-9-]+)\/([a-z0-9-]+)/.exec(label);
    expect(target).not.toBeNull();
    expect(await created()).toEqual([]);

    await apply.click();
    const result = check.locator('[data-test="apply-result"]');
    await eventually(async () => expect(await result.getAttribute('data-outcome')).toBe('created'));
    await expect(result.innerText()).resolves.toBe(`Created NetworkPolicy ${target![1]}/${target![2]}.`);
    expect(await apply.isDisabled()).toBe(true);
    expect((await created()).map((o) => [o.kind, o.metadata.namespace, o.metadata.name])).toEqual([
      ['NetworkPolicy', target![1], target![2]],
    ]);
    expect(tp.pageErrors).toEqual([]);
  });
});
