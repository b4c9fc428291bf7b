/**
 * The new-failures table with thousands of rows: time from the overview's data
 * arriving to the table painted, and frame times while scrolling it from top
 * to bottom one screenful per frame.
 */
import type { Browser } from 'playwright-core';
import type { Preview } from '../dev/preview';
import { BenchPage } from './browser';
import { median } from './stats';
import { SLOW_LOAD_MS, waitPrometheusIdle } from './views';

export interface ScrollRun {
  frames: number;
  maxFrameMs: number;
  p95FrameMs: number;
  over50ms: number;
  /** Most table rows in the DOM at any point of the scroll. */
  maxDomRows: number;
  reachedLastRow: boolean;
}

export interface TableResult {
  rows: number;
  note?: string;
  runs: Array<{
    table: string;
    renderMs: number;
    sortMs: number;
    failedQueries: number;
    dataArrivedAt: number;
    paintedAt: number;
    scroll: ScrollRun;
  }>;
  median: { renderMs: number; sortMs: number; maxFrameMs: number; p95FrameMs: number; over50ms: number };
}

/** Click on a column header -> next frame: sorting all rows and rendering the visible ones. Median of 4 sorts. */
const resort = (page: BenchPage['page'], testId: string): Promise<number> =>
  page.evaluate(async (testId) => {
    const table = document.querySelector(`[data-test="${testId}"]`) as HTMLElement;
    const times: number[] = [];
    for (const col of ['policy', 'policy', 'namespace', 'count']) {
      const button = table.querySelector(`[data-test="sort-${col}"] button`) as HTMLButtonElement;
      const t0 = performance.now();
      button.click();
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    return (times[1]! + times[2]!) / 2;
  }, testId);

/** Scrolls by one screenful per animation frame and records every frame's duration. */
const scrollToBottom = (page: BenchPage['page'], testId: string): Promise<ScrollRun> =>
  page.evaluate(async (testId) => {
    const el = document.querySelector(`[data-test="${testId}"]`) as HTMLElement;
    const deltas: number[] = [];
    let maxDomRows = 0;
    el.scrollTop = 0;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await new Promise<void>((resolve) => {
      let last = performance.now();
      const step = (now: number) => {
        deltas.push(now - last);
        last = now;
        maxDomRows = Math.max(maxDomRows, el.querySelectorAll('tbody tr[aria-rowindex]').length);
        if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) return resolve();
        el.scrollTop += el.clientHeight;
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const rowCount = Number(el.querySelector('table')?.getAttribute('aria-rowcount') ?? '0');
    const reachedLastRow = !!el.querySelector(`tbody tr[aria-rowindex="${rowCount}"]`);
    const frames = deltas.slice(1);
    const sorted = [...frames].sort((a, b) => a - b);
    return {
      frames: frames.length,
      maxFrameMs: sorted[sorted.length - 1] ?? 0,
      p95FrameMs: sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)] ?? 0,
      over50ms: frames.filter((d) => d > 50).length,
      maxDomRows,
      reachedLastRow,
    };
  }, testId);

export const measureTable = async (
  browser: Browser,
  preview: Preview,
  opts: { runs: number; setupQueries: Set<string> },
): Promise<TableResult> => {
  const runs: TableResult['runs'] = [];
  let rows = 0;
  let slowNote: string | undefined;
  for (let i = 0; i < opts.runs; i++) {
    await waitPrometheusIdle(preview.prometheusUrl, 90_000);
    const bp = await BenchPage.open(browser);
    try {
      await bp.goto(preview.consoleUrl, 'overview');
      const st = await bp.settle();
      // Both failures tables are the same component; at thousands of policies the new-failures query can
      // time out, and then the retained-failures table is the one with rows.
      const testId = ['new-failures-table', 'retained-table'].find((id) => st.tables[id]?.paintedAt);
      const shown = testId ? st.tables[testId] : undefined;
      if (!testId || !shown?.paintedAt) throw new Error('neither failures table rendered rows');
      const paintedAt = shown.paintedAt;
      // The overview's round settles when its last query answers or is given up; the setup banner's
      // checks are a separate round that does not feed the table.
      const tableAt = shown.at;
      const own = (q: string) => !opts.setupQueries.has(q);
      const answered = (await bp.promTimings())
        .filter((t) => own(t.query) && t.responseEnd <= tableAt)
        .map((t) => t.responseEnd);
      const failed = st.failedAt
        .filter((f) => own(new URL(f.url, 'http://x').searchParams.get('query') ?? '') && f.at <= tableAt)
        .map((f) => f.at);
      const dataArrivedAt = Math.max(...answered, ...failed);
      rows = Number(await bp.page.locator(`[data-test="${testId}"] table`).getAttribute('aria-rowcount')) - 1;
      // Prometheus may still be busy with queries the page gave up on; let it finish before timing frames.
      await waitPrometheusIdle(preview.prometheusUrl, 90_000);
      const sortMs = await resort(bp.page, testId);
      const scroll = await scrollToBottom(bp.page, testId);
      runs.push({
        table: testId,
        renderMs: paintedAt - dataArrivedAt,
        sortMs,
        failedQueries: failed.length,
        dataArrivedAt,
        paintedAt,
        scroll,
      });
      if (dataArrivedAt > SLOW_LOAD_MS) {
        slowNote = `1 run: the overview took ${(dataArrivedAt / 1000).toFixed(0)} s to settle (${failed.length} queries timed out)`;
        break;
      }
    } finally {
      await bp.close();
    }
  }
  return {
    rows,
    note: slowNote,
    runs,
    median: {
      renderMs: median(runs.map((r) => r.renderMs)),
      sortMs: median(runs.map((r) => r.sortMs)),
      maxFrameMs: median(runs.map((r) => r.scroll.maxFrameMs)),
      p95FrameMs: median(runs.map((r) => r.scroll.p95FrameMs)),
      over50ms: median(runs.map((r) => r.scroll.over50ms)),
    },
  };
};
