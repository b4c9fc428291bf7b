/**
 * "Why it failed" in real Chromium against the preview: the failing policy's row on the Overview and on
 * its namespace's tab opens (by keyboard) to the Failed actions the stand-in's Kubernetes API holds for
 * it — the hostile name verbatim, the long nested multi-line error innermost first, the action with no
 * error, each linking to its console page — and passes axe open; a user with cluster-monitoring-view
 * but no Kasten role is told which role binding would let them see the actions.
 */
import type { Page } from 'playwright-core';
import { errorCauseChain } from '../src/models/action-error';
import { actionHref } from '../src/models/failed-actions';
import { axeScan } from './helpers/axe';
import { byTest, eventually, gotoKasten, saveScreenshot, tableRows } from './helpers/browser';
import { FAILING_NAMESPACE, FAILING_POLICY } from './helpers/preview';
import { browserSession } from './helpers/session';

jest.setTimeout(90_000);

const s = browserSession({}, { pagePerTest: true });

interface ActionObject {
  kind: string;
  metadata: { name: string; namespace: string };
  status: { state: string; endTime?: string; error?: unknown };
}

/** The failing policy's Failed and Cancelled actions, straight from the console's Kubernetes proxy as admin. */
const failedFromApi = async (): Promise<ActionObject[]> => {
  const out: ActionObject[] = [];
  const selector = encodeURIComponent(`k10.kasten.io/policyName=${FAILING_POLICY}`);
  for (const [namespace, plural, kind] of [
    [FAILING_NAMESPACE, 'backupactions', 'BackupAction'],
    [FAILING_NAMESPACE, 'exportactions', 'ExportAction'],
    ['kasten-io', 'runactions', 'RunAction'],
  ] as const) {
    const res = await fetch(
      `${s.preview.consoleUrl}/api/kubernetes/apis/actions.kio.kasten.io/v1alpha1/namespaces/${namespace}/${plural}?labelSelector=${selector}`,
    );
    expect(res.status).toBe(200);
    const list = (await res.json()) as { items: ActionObject[] };
    out.push(...list.items.map((i) => ({ ...i, kind })));
  }
  return out.filter((a) => a.status.state === 'Failed' || a.status.state === 'Cancelled');
};

const TOGGLE = `Failed actions of policy ${FAILING_POLICY} in namespace ${FAILING_NAMESPACE}`;

/** Opens the failing policy's row of the new-failures table with the keyboard, as a keyboard user would. */
const openFailingRow = async (page: Page) => {
  await eventually(async () => expect((await tableRows(page, 'new-failures-table'))[0]?.[0]).toBe(FAILING_POLICY));
  const toggle = byTest(page, 'new-failures-table').getByRole('button', { name: TOGGLE });
  await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
  const controls = await toggle.getAttribute('aria-controls');
  const details = page.locator(`[id="${controls}"]`);
  await details.waitFor();
  return details;
};

/** Every failed action the API holds is listed, verbatim, with its link, times and Kasten's cause chain. */
const checkActionsShown = async (page: Page, details: ReturnType<Page['locator']>) => {
  const api = await failedFromApi();
  expect(api.length).toBeGreaterThan(1);
  const items = details.locator('[data-test="failed-action"]');
  // The list waits for its watches; the objects it shows must be the API's (all ended within the 1 h window).
  await eventually(async () => {
    const names = await items.locator('[data-test="failed-action-link"]').allTextContents();
    expect([...names].sort()).toEqual(api.map((a) => a.metadata.name).sort());
  });
  for (const a of api) {
    const item = items.filter({
      has: page.locator('[data-test="failed-action-link"]', { hasText: a.metadata.name }),
    });
    const link = item.locator('[data-test="failed-action-link"]');
    await expect(link.textContent()).resolves.toBe(a.metadata.name);
    await expect(link.getAttribute('href')).resolves.toBe(actionHref(a.kind, a.metadata.namespace, a.metadata.name));
    await expect(item.locator('[data-test="failed-action-kind"]').textContent()).resolves.toBe(a.kind);
    // The console's resource link without its badge (the kind is written out), and the namespace linked to its page.
    await expect(link.getAttribute('class')).resolves.toBe('co-resource-item__resource-name');
    await expect(
      item
        .locator('.co-resource-item', { has: page.locator('[data-test="failed-action-link"]') })
        .locator('.co-m-resource-icon')
        .count(),
    ).resolves.toBe(0);
    await expect(
      item.getByRole('link', { name: a.metadata.namespace, exact: true }).getAttribute('href'),
    ).resolves.toBe(`/k8s/cluster/namespaces/${a.metadata.namespace}`);
    await expect(item.locator('[data-test="failed-action-end"] time').getAttribute('datetime')).resolves.toBe(
      new Date(a.status.endTime!).toISOString(),
    );
    const chain = errorCauseChain(a.status.error);
    if (chain.length === 0) {
      await expect(item.locator('[data-test="action-error-empty"]').innerText()).resolves.toBe(
        'Kasten recorded no error message for this action (status.error is empty).',
      );
    } else {
      // innerText is what the user sees: line breaks kept (pre-wrap), innermost cause first.
      await expect(item.locator('[data-test="action-cause-message"]').allInnerTexts()).resolves.toEqual(
        chain.map((c) => c.message),
      );
    }
  }
  // The story's two kinds of failure are both on screen.
  const hostile = api.find((a) => /"quoted"-ünïcødé-漢字$/.test(a.metadata.name));
  expect(hostile).toBeDefined();
  expect(errorCauseChain(hostile!.status.error)[0]!.message.split('\n')).toHaveLength(3);
  expect(api.some((a) => a.kind === 'BackupAction' && errorCauseChain(a.status.error).length === 0)).toBe(true);
  // The long innermost line wraps inside the row instead of widening the table.
  const table = byTest(page, 'new-failures-table');
  const overflow = await table.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
};

test('Overview: the failing policy row opens to its failed actions, verbatim, and passes axe open', async () => {
  s.preview.setUser('admin');
  const { page } = s.tp;
  await gotoKasten(page, s.preview.consoleUrl, '/kasten');
  const details = await openFailingRow(page);
  await checkActionsShown(page, details);
  await saveScreenshot(page, 'failed-actions-overview');
  const scan = await axeScan(page);
  expect(scan.blocking).toEqual([]);
  expect(scan.passed).toBeGreaterThan(10);
  // Closing the row removes the list.
  await byTest(page, 'new-failures-table').getByRole('button', { name: TOGGLE }).press('Enter');
  await details.waitFor({ state: 'detached' });
});

test('namespace tab: the same list for that namespace', async () => {
  s.preview.setUser('admin');
  const { page } = s.tp;
  await gotoKasten(page, s.preview.consoleUrl, `/k8s/cluster/namespaces/${FAILING_NAMESPACE}/kasten`);
  const details = await openFailingRow(page);
  await checkActionsShown(page, details);
  const scan = await axeScan(page);
  expect(scan.blocking).toEqual([]);
});

describe.each([
  ['Overview', '/kasten'],
  ['namespace tab', `/k8s/cluster/namespaces/${FAILING_NAMESPACE}/kasten`],
])('%s, user with cluster-monitoring-view and no Kasten role', (_where, path) => {
  afterEach(() => s.preview.setUser('admin'));

  test("the row opens to the k10-basic role binding for the application's actions, and the exact RunAction permission in Kasten's namespace", async () => {
    s.preview.setUser('monitoring-viewer');
    const { page } = s.tp;
    await gotoKasten(page, s.preview.consoleUrl, path);
    const details = await openFailingRow(page);
    const notes = details.locator('[data-test="failed-actions-forbidden"]');
    await eventually(async () => expect(await notes.count()).toBe(2));
    await expect(notes.nth(0).locator('[data-test="k10-basic-hint"]').innerText()).resolves.toBe(
      `oc create rolebinding k10-basic-<user> --clusterrole=k10-basic --user=<user> -n ${FAILING_NAMESPACE}`,
    );
    await expect(notes.nth(0).innerText()).resolves.toContain(
      `You may not list BackupAction, ExportAction in namespace ${FAILING_NAMESPACE}.`,
    );
    // RunActions live in Kasten's namespace; k10-basic is not claimed to cover them, the permission is named.
    const kasten = s.config.kastenNamespace;
    await expect(notes.nth(1).innerText()).resolves.toContain(`You may not list RunAction in namespace ${kasten}.`);
    expect(await notes.nth(1).locator('[data-test="k10-basic-hint"]').count()).toBe(0);
    await expect(notes.nth(1).locator('[data-test="runactions-permission"]').innerText()).resolves.toContain(
      `Missing permission: list (and watch) on runactions.actions.kio.kasten.io in ${kasten}, Kasten's namespace`,
    );
    await expect(notes.nth(1).locator('[data-test="runactions-hint"]').innerText()).resolves.toBe(
      [
        `oc create role kasten-runactions-reader --verb=get,list,watch --resource=runactions.actions.kio.kasten.io -n ${kasten}`,
        `oc create rolebinding kasten-runactions-reader-<user> --role=kasten-runactions-reader --user=<user> -n ${kasten}`,
      ].join('\n'),
    );
    expect(await details.locator('[data-test="failed-action"]').count()).toBe(0);
    const scan = await axeScan(page);
    expect(scan.blocking).toEqual([]);
  });
});
