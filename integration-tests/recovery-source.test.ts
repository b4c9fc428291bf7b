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
    const bound = recoveryPointLookback(s.config.recoveryPointMaxAgeSeconds);
    const [held] = await promInstant(s.preview, catalogHistorySeconds(s.config, bound));
    const heldSeconds = held?.value ?? NaN;
    expect(Number(/last (\d+) h of metrics/.exec(note)?.[1])).toBe(Math.max(1, Math.floor(heldSeconds / 3600)));
    expect(await recoveryRowsWithAges(s.tp)).not.toEqual([]);
    // The ages were asked over that history (rounded up to the hour), not over the whole bound.
    const clipped = overviewQueries(s.config, '1h', undefined, heldSeconds);
    const sent = sentQueries(s.tp);
    expect(sent).toContain(clipped.backupAge);
    expect(sent).toContain(clipped.exportAge);
    expect(clipped.backupAge).not.toBe(overviewQueries(s.config, '1h').backupAge);
  });
});
