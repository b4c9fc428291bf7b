/**
 * The recovery-point table says which source it read, in real Chromium against the preview:
 * with the chart's recording rules evaluated by the preview's Prometheus (the default), and
 * without them (`recoveryRules: false`, `--without-recovery-rules`), where the look-back covers
 * exactly the history Prometheus holds. Both wait for the data itself: the records exist only
 * after the rules' first evaluations.
 */
import { waitForRecoveryRecords } from '../dev/prometheus/recovery-rules';
import { overviewQueries, recoveryPointLookback } from '../src/models/overview';
import { catalogHistorySeconds, HISTORY_START_RECORD, LAST_FAILURE_RECORD, recoveryFromRecords } from '../src/promql';
import { byTest, eventually, gotoKasten, tableRows, type TestPage } from './helpers/browser';
import { promInstant } from './helpers/preview';
import { browserSession } from './helpers/session';

jest.setTimeout(180_000);

const sentQueries = (p: TestPage): string[] => p.prometheusRequests.map((u) => u.searchParams.get('query') ?? '');
const sourceNote = (p: TestPage) => byTest(p.page, 'recovery-source').innerText();
/** Every policy row has been answered: an age, or the look-back's "no success" text. */
const recoveryRowsWithAges = async (p: TestPage): Promise<string[][]> => {
  const rows = await tableRows(p.page, 'recovery-table');
  if (rows.length === 0) throw new Error('no recovery rows yet');
  return rows;
};

describe("with the chart's recovery-point recording rules", () => {
  const s = browserSession({}, { pagePerTest: true });

  test('the Overview reads the records with one query and says so', async () => {
    // The rules' first evaluation comes up to a group interval after Prometheus starts.
    await waitForRecoveryRecords(s.preview.prometheusUrl, s.config.kastenNamespace);
    await gotoKasten(s.tp.page, s.preview.consoleUrl, '/kasten?refreshInterval=15000');
    const note = await eventually(
      async () => {
        const text = await sourceNote(s.tp);
        if (!text.startsWith('Source: the recovery-point recording rules')) throw new Error(`source: ${text}`);
        return text;
      },
      { timeout: 60_000 },
    );
    const recordedFor = Number(/recorded for (\d+) h/.exec(note)?.[1]);
    const [start] = await promInstant(s.preview, `time() - min(${HISTORY_START_RECORD})`);
    expect(recordedFor).toBe(Math.max(1, Math.floor((start?.value ?? NaN) / 3600)));
    expect(await recoveryRowsWithAges(s.tp)).not.toEqual([]);
    const sent = sentQueries(s.tp);
    // The page's window is the default hour: the records query also carries the last-failure times for it.
    const lookback = overviewQueries(s.config, '1h');
    expect(lookback.recoveryRecords).toBe(recoveryFromRecords(s.config, undefined, '1h'));
    expect(lookback.recoveryRecords).toContain(LAST_FAILURE_RECORD);
    expect(sent).toContain(lookback.recoveryRecords);
    // The look-back is never sent once the records answer.
    expect(sent).not.toContain(lookback.catalogHistory);
    expect(sent.some((q) => q.includes('max_over_time(timestamp(') && q.startsWith('time() - '))).toBe(false);
  });
});

describe('without the recording rules (--without-recovery-rules)', () => {
  const s = browserSession({ recoveryRules: false }, { pagePerTest: true });

  test('the Overview falls back to a look-back over the history Prometheus holds, and says how much', async () => {
    // The history grows while the test runs, so the page's measurement lies between one taken before it and one after.
    const bound = recoveryPointLookback(s.config.recoveryPointMaxAgeSeconds);
    const heldNow = async () => (await promInstant(s.preview, catalogHistorySeconds(s.config, bound)))[0]?.value ?? NaN;
    const heldBefore = await heldNow();
    await gotoKasten(s.tp.page, s.preview.consoleUrl, '/kasten');
    const note = await eventually(
      async () => {
        const text = await sourceNote(s.tp);
        if (!/^Source: a look-back over the last \d+ h of metrics/.test(text)) throw new Error(`source: ${text}`);
        return text;
      },
      { timeout: 60_000 },
    );
    // No rules: no records, whatever the wait.
    expect(await promInstant(s.preview, HISTORY_START_RECORD)).toEqual([]);
    // N is the history Prometheus holds, measured with the page's own query.
    const heldAfter = await heldNow();
    const hours = (held: number) => Math.max(1, Math.floor(held / 3600));
    const n = Number(/last (\d+) h of metrics/.exec(note)?.[1]);
    expect(n).toBeGreaterThanOrEqual(hours(heldBefore));
    expect(n).toBeLessThanOrEqual(hours(heldAfter));
    expect(await recoveryRowsWithAges(s.tp)).not.toEqual([]);
    // The ages were asked over that history (rounded up to the hour), not over the whole bound. Seconds apart, the two
    // measurements cross at most one hour boundary, so the page's own rounding equals one of theirs.
    const sent = sentQueries(s.tp);
    const clipped = [heldBefore, heldAfter].map((held) => overviewQueries(s.config, '1h', undefined, held));
    expect(clipped.some((q) => sent.includes(q.backupAge) && sent.includes(q.exportAge))).toBe(true);
    for (const q of clipped) expect(q.backupAge).not.toBe(overviewQueries(s.config, '1h').backupAge);
    // No PrometheusRule records the last success in the Kasten namespace: now "not installed" is true. The note
    // first says "recorded nothing" until the PrometheusRule list answers, so wait for that answer, then read it.
    await eventually(
      async () => {
        const rules = await byTest(s.tp.page, 'recovery-source').getAttribute('data-rules');
        if (rules !== 'absent') throw new Error(`data-rules: ${rules}`);
      },
      { timeout: 30_000 },
    );
    expect(await sourceNote(s.tp)).toContain('The recovery-point recording rules are not installed (see Setup)');
  });

  test("Setup's Apply installs the rules; until Prometheus evaluates them the Overview says installed and waiting, not 'not installed'", async () => {
    const { page } = s.tp;
    await gotoKasten(page, s.preview.consoleUrl, '/kasten?tab=setup');
    const check = byTest(page, 'check-recovery-rules');
    await eventually(async () => expect(await check.getAttribute('data-status')).toBe('fail'));
    const apply = check.locator('[data-test="apply-fix"]');
    await apply.click();
    const result = check.locator('[data-test="apply-result"]');
    await eventually(async () => expect(await result.getAttribute('data-outcome')).toBe('created'));
    const created = (await (await fetch(`${s.preview.consoleUrl}/__preview/created`)).json()) as Array<{
      kind: string;
      metadata: { name: string; namespace?: string };
    }>;
    const rule = created.find((o) => o.kind === 'PrometheusRule');
    expect(rule?.metadata.namespace).toBe(s.config.kastenNamespace);

    await gotoKasten(page, s.preview.consoleUrl, '/kasten');
    const note = await eventually(
      async () => {
        const text = await sourceNote(s.tp);
        if (!text.includes('are installed')) throw new Error(`source: ${text}`);
        return text;
      },
      { timeout: 60_000 },
    );
    expect(note).toMatch(/^Source: a look-back over the last \d+ h of metrics, all Prometheus holds\./);
    expect(note).toContain(
      `The recovery-point recording rules are installed (${rule!.metadata.name}), waiting for their first evaluation`,
    );
    expect(note).not.toContain('not installed');
    // The preview's Prometheus never loads a rule created through the API: its records truly have no sample.
    expect(await promInstant(s.preview, HISTORY_START_RECORD)).toEqual([]);
  });
});

describe('a user who may not list PrometheusRules (monitoring-viewer), without the rules', () => {
  const s = browserSession({ user: 'monitoring-viewer', recoveryRules: false }, { pagePerTest: true });

  test("the Overview says it cannot tell whether the rules are installed, never 'not installed'", async () => {
    await gotoKasten(s.tp.page, s.preview.consoleUrl, '/kasten');
    const note = await eventually(
      async () => {
        const text = await sourceNote(s.tp);
        if (!text.includes('cannot be told')) throw new Error(`source: ${text}`);
        return text;
      },
      { timeout: 60_000 },
    );
    expect(note).toContain(
      `whether they are installed cannot be told, because you may not list PrometheusRules in ${s.config.kastenNamespace}`,
    );
    expect(note).not.toContain('not installed');
    expect(await byTest(s.tp.page, 'recovery-source').getAttribute('data-rules')).toBe('forbidden');
  });
});
