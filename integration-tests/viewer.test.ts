/**
 * An application team's user: `view` in its own namespace only, so neither
 * cluster-monitoring-view nor the tenancy proxy reaches Kasten's metrics. On
 * its namespace's Kasten tab the page sends no metrics request, says why, and
 * lists Kasten's action resources in the namespace from the Kubernetes API.
 */
import { browserSession } from './helpers/session';
import { axeScan } from './helpers/axe';
import { byTest, eventually, saveScreenshot, tableRows } from './helpers/browser';
import { FAILING_NAMESPACE, FAILING_POLICY, storyLiveFailed } from './helpers/preview';
import { errorCauseChain } from '../src/models/action-error';

jest.setTimeout(60_000);

const s = browserSession({ user: `viewer:${FAILING_NAMESPACE}` }, { pagePerTest: true });

interface ActionObject {
  kind?: string;
  metadata: { name: string; labels?: Record<string, string> };
  status?: { state?: string; error?: unknown };
}

/** The namespace's Kasten actions as the viewer may read them, straight from the console's Kubernetes proxy. */
const actionsFromApi = async (): Promise<ActionObject[]> => {
  const out: ActionObject[] = [];
  for (const [plural, kind] of [
    ['backupactions', 'BackupAction'],
    ['exportactions', 'ExportAction'],
    ['restoreactions', 'RestoreAction'],
  ] as const) {
    const res = await fetch(
      `${s.preview.consoleUrl}/api/kubernetes/apis/actions.kio.kasten.io/v1alpha1/namespaces/${FAILING_NAMESPACE}/${plural}`,
    );
    expect(res.status).toBe(200);
    const list = (await res.json()) as { items: ActionObject[] };
    out.push(...list.items.map((i) => ({ ...i, kind })));
  }
  return out;
};

const TAB = `/k8s/cluster/namespaces/${FAILING_NAMESPACE}/kasten`;

test("the namespace tab: a note on the missing permission, no metrics request, and the namespace's action resources", async () => {
  const { page } = s.tp;
  await page.goto(`${s.preview.consoleUrl}${TAB}`);
  const note = byTest(page, 'metrics-fallback-note');
  await note.waitFor();
  await expect(note.innerText()).resolves.toBe(
    `Kasten's metrics live in namespace kasten-io, which you may not read (it needs cluster-monitoring-view, or view in kasten-io). Showing Kasten's action resources in ${FAILING_NAMESPACE} from the Kubernetes API instead.`,
  );
  await byTest(page, 'action-resources').waitFor();

  const api = await actionsFromApi();
  const rows = await eventually(async () => {
    const r = await tableRows(page, 'action-resources');
    expect(r.map((x) => x[1]).sort()).toEqual(api.map((a) => a.metadata.name).sort());
    return r;
  });
  // Columns: kind, name, policy, state, ended, reason.
  const failed = rows.filter((r) => r[3] === 'Failed');
  expect(failed).toHaveLength(storyLiveFailed(s.preview));
  for (const r of failed) {
    expect(r[0]).toBe('BackupAction');
    expect(r[2]).toBe(FAILING_POLICY);
    // The reason column shows Kasten's innermost cause (empty when the action has no error).
    expect(r[5]).toBe(errorCauseChain(api.find((a) => a.metadata.name === r[1])?.status?.error)[0]?.message ?? '');
  }
  expect(rows.filter((r) => r[3] === 'Complete').length).toBe(api.filter((a) => a.status?.state === 'Complete').length);
  // The page knows it may not read the metrics, so it does not try.
  expect(s.tp.prometheusRequests.map((u) => u.pathname)).toEqual([]);
});

describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
  test('the fallback view passes axe and is saved as a screenshot', async () => {
    const { page } = s.tp;
    await page.goto(`${s.preview.consoleUrl}${TAB}${theme === 'dark' ? '?theme=dark' : ''}`);
    await byTest(page, 'action-resources').waitFor();
    await saveScreenshot(page, theme === 'dark' ? 'namespace-tab-viewer-dark' : 'namespace-tab-viewer');
    const scan = await axeScan(page);
    expect(scan.blocking).toEqual([]);
    expect(scan.passed).toBeGreaterThan(10);
  });
});
