/**
 * Kasten's objects as the recovery table's second source, in Chromium: the preview's weekly policy
 * last succeeded 3 days before the story, older than the 2 h of metrics the preview holds, so the
 * metrics cannot tell its age; its RestorePoint can, to the second. A user without Kasten's
 * k10-basic keeps the metrics' answer and is told which permission would add the exact one.
 *
 * The previews run without the chart's recording rules: with them, the page switches from the look-back
 * to the records at their first evaluation (about a minute after start), so the metrics' source named
 * in a row would depend on when the test reads it. recovery-source.test.ts covers the records.
 */
import type { Page } from 'playwright-core';
import { buildScenario, DEFAULT_SCENARIO, wallClock, WEEKLY_LAST_SUCCESS } from '../dev/simulator/scenario';
import { recoveryPointLookback } from '../src/models/overview';
import { recoveryPointAgeSeconds } from '../src/promql';
import { formatAge } from '../src/utils/format';
import { byTest, eventually, gotoKasten, tableRows } from './helpers/browser';
import { promInstant } from './helpers/preview';
import { browserSession, type BrowserSession } from './helpers/session';

jest.setTimeout(90_000);

const scenario = buildScenario(DEFAULT_SCENARIO);
const WEEKLY = scenario.policies_.find((p) => p.frequency === '@weekly')!;
/** The weekly policy's allowed age as the page computes it: 7 days + 10 % + 10 min. */
const ALLOWED = formatAge(Math.round(7 * 86400 * 1.1) + 600);

/** The weekly policy's row of the recovery table, once `check` holds for it. */
const weeklyRow = (page: Page, check: (row: string[]) => void) =>
  eventually(
    async () => {
      const row = (await tableRows(page, 'recovery-table')).find((r) => r[0] === WEEKLY.name);
      expect(row).toBeDefined();
      check(row!);
      return row!;
    },
    { timeout: 30_000 },
  );

/** The look-back query's answer, straight from Prometheus: no age for the weekly policy. */
const expectNoMetricsAge = async (s: BrowserSession) => {
  const query = recoveryPointAgeSeconds(s.config, recoveryPointLookback(s.config.recoveryPointMaxAgeSeconds), 'backup');
  const rows = await promInstant(s.preview, query);
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.filter((r) => r.labels.policy === WEEKLY.name)).toEqual([]);
};

describe('an admin (may list RestorePoints and actions)', () => {
  const s = browserSession({ recoveryRules: false }, { pagePerTest: true });

  test.each([
    ['Observe > Kasten', '/kasten'],
    ["the application namespace's Kasten tab", `/k8s/cluster/namespaces/${WEEKLY.appNamespace}/kasten`],
  ])('%s: the weekly policy shows its exact last success from Kasten objects', async (_name, url) => {
    await expectNoMetricsAge(s);
    const { page } = s.tp;
    await gotoKasten(page, s.preview.consoleUrl, url);
    const at = wallClock(s.preview.storyStartMs, WEEKLY_LAST_SUCCESS);
    // The backup age is the RestorePoint's; the export age (none seen) is the look-back's, and the cell names both.
    const row = await weeklyRow(page, (r) =>
      expect(r[6]).toBe(
        'Backup: Kasten objects (older than the metrics history); export: Metrics look-back (no Complete Kasten object of this policy)',
      ),
    );
    expect(row.slice(1, 3)).toEqual([WEEKLY.appNamespace, '@weekly']);
    expect(row[3]).toBe(`${formatAge(Date.now() / 1000 - at)} ago`);
    expect(row[5]).toBe(`Within expected interval (${ALLOWED})`);
    // The exact instant, to the second, is the RestorePoint's.
    const time = byTest(page, 'recovery-table')
      .locator('tbody tr')
      .filter({ hasText: WEEKLY.name })
      .locator('[data-test="backup-time"]');
    await expect(time.getAttribute('datetime')).resolves.toBe(new Date(at * 1000).toISOString());
    // The policy exports nothing: that column stays the metrics' answer.
    expect(row[4]).toMatch(/^no success in the last \d+ h of metrics$/);
    expect(await byTest(page, 'recovery-objects-denied').count()).toBe(0);
  });
});

describe('a user with cluster-monitoring-view but not k10-basic', () => {
  const s = browserSession({ user: 'metrics-only', recoveryRules: false }, { pagePerTest: true });

  test("keeps the metrics' answer, and a note names the permission that would add the exact one", async () => {
    await expectNoMetricsAge(s);
    const { page } = s.tp;
    await gotoKasten(page, s.preview.consoleUrl, '/kasten');
    const row = await weeklyRow(page, (r) =>
      expect(r[6]).toBe('Metrics look-back (Kasten objects not readable: needs k10-basic)'),
    );
    expect(row[5]).toBe(`Cannot tell: less history than the expected interval (${ALLOWED})`);
    expect(await byTest(page, 'recovery-table').locator('[data-test="backup-time"]').count()).toBe(0);
    const note = byTest(page, 'recovery-objects-denied');
    await note.waitFor();
    const text = await note.innerText();
    expect(text).toContain(
      `You may not list restorepoints.apps.kio.kasten.io, backupactions.actions.kio.kasten.io, exportactions.actions.kio.kasten.io in ${[...scenario.appNamespaces].sort().join(', ')}.`,
    );
    expect(text).toContain(
      "Kasten's k10-basic role, bound in the namespace, grants list on all three (restorepoints.apps.kio.kasten.io, backupactions and exportactions.actions.kio.kasten.io) and would add the exact time of each policy's last success.",
    );
  });
});

describe('a user who may list Kasten actions but not RestorePoints (actions-reader)', () => {
  const s = browserSession({ user: 'actions-reader', recoveryRules: false }, { pagePerTest: true });

  test('the BackupActions still give the exact last success, and the note names only the RestorePoint list', async () => {
    await expectNoMetricsAge(s);
    const { page } = s.tp;
    await gotoKasten(page, s.preview.consoleUrl, '/kasten');
    const at = wallClock(s.preview.storyStartMs, WEEKLY_LAST_SUCCESS);
    const row = await weeklyRow(page, (r) =>
      expect(r[6]).toBe(
        'Backup: Kasten objects (older than the metrics history); export: Metrics look-back (no Complete Kasten object of this policy)',
      ),
    );
    expect(row[3]).toBe(`${formatAge(Date.now() / 1000 - at)} ago`);
    expect(row[5]).toBe(`Within expected interval (${ALLOWED})`);
    // The instant is the Complete BackupAction's end (the same backup the refused RestorePoint records).
    const time = byTest(page, 'recovery-table')
      .locator('tbody tr')
      .filter({ hasText: WEEKLY.name })
      .locator('[data-test="backup-time"]');
    await expect(time.getAttribute('datetime')).resolves.toBe(new Date(at * 1000).toISOString());
    const refused = byTest(page, 'recovery-objects-refused');
    await refused.first().waitFor();
    expect(await refused.count()).toBe(1);
    expect(await refused.getAttribute('data-lists')).toBe('restorePoints');
    const text = await refused.innerText();
    expect(text).toMatch(/^You may not list restorepoints\.apps\.kio\.kasten\.io in /);
    expect(text).not.toContain('backupactions');
    expect(text).not.toContain('exportactions');
  });
});
