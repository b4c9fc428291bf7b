/**
 * Per view and policy count: Prometheus queries per refresh (counted by the
 * preview's proxy), time to data next to the slowest single query of the same
 * page load, and the JS heap over refreshes.
 */
import type { Browser } from 'playwright-core';
import type { Preview } from '../dev/preview';
import { BenchPage, type PromTiming, type View } from './browser';
import { median } from './stats';

/** Milliseconds since navigation start, from the page's own Resource Timing entries. */
export interface LoadRun {
  /** Navigation start -> every panel shows data (or its empty message / error). */
  timeToData: number;
  /** The plugin entry requested -> data: what the plugin itself costs (the stand-in's own start-up is before it). */
  pluginTimeToData: number;
  /** First Prometheus request sent -> data. */
  queryPhase: number;
  /** Slowest single Prometheus request of the load, from sending to its last byte (browser queueing excluded). */
  slowestQuery: number;
  /** The same, including time queued in the browser (6 connections per host) before it was sent. */
  slowestQueryQueued: number;
  slowestQueryText: string;
  entryAt: number;
  configLoadedAt: number;
  firstQueryAt: number;
  lastQueryEndAt: number;
  /** When the charts chunk was requested, if this view loads it. */
  chartsRequestedAt?: number;
  queries: number;
  panelErrors: number;
}

export interface ViewResult {
  view: View;
  runs: LoadRun[];
  median: {
    timeToData: number;
    pluginTimeToData: number;
    queryPhase: number;
    slowestQuery: number;
    ratio: number;
    pluginRatio: number;
    queryPhaseRatio: number;
  };
  /** Prometheus requests for one manual refresh: reaching the proxy, and issued by the page. */
  perRefresh: { total: number; sentByPage: number; byPath: Record<string, number>; queries: string[] };
  /** Requests the page sent on opening the view. */
  onLoad: number;
  /** Heap after a forced GC: once warm, then after each block of refreshes. */
  heap?: { readings: number[]; every: number };
  pluginScripts: string[];
  pageErrors: string[];
  notes: string[];
}

const first = (ts: PromTiming[], pred: (t: PromTiming) => boolean): PromTiming | undefined => ts.find(pred);

const measureLoad = async (bp: BenchPage, preview: Preview, view: View): Promise<LoadRun> => {
  await bp.goto(preview.consoleUrl, view);
  const st = await bp.settle();
  const readyAt = st.readyAt ?? NaN;
  const all = await bp.timings();
  const prom = all.filter((t) => t.path.startsWith('/api/prometheus') && t.responseEnd <= readyAt);
  const sent = (t: PromTiming) => t.responseEnd - (t.requestStart || t.startTime);
  const slowest = prom.reduce((a, b) => (sent(b) > sent(a) ? b : a));
  const entryAt = first(all, (t) => /\/plugin-entry\.[^/]*\.js$/.test(t.path))?.startTime ?? NaN;
  const firstQueryAt = Math.min(...prom.map((t) => t.startTime));
  return {
    timeToData: readyAt,
    pluginTimeToData: readyAt - entryAt,
    queryPhase: readyAt - firstQueryAt,
    slowestQuery: sent(slowest),
    slowestQueryQueued: Math.max(...prom.map((t) => t.responseEnd - t.startTime)),
    slowestQueryText: slowest.query.slice(0, 100),
    entryAt,
    configLoadedAt: first(all, (t) => t.path.endsWith('/plugin-config.json'))?.responseEnd ?? NaN,
    firstQueryAt,
    lastQueryEndAt: Math.max(...prom.map((t) => t.responseEnd)),
    chartsRequestedAt: first(all, (t) => /\/charts-chunk-[^/]*\.js$/.test(t.path))?.startTime,
    queries: prom.length,
    panelErrors: st.errors,
  };
};

/**
 * Prometheus's own count of queries it is executing. The preview's proxy does not cancel an upstream
 * query when the browser gives up on it, so a slow round can still be running when the next load starts.
 */
export const waitPrometheusIdle = async (prometheusUrl: string, timeoutMs = 180_000): Promise<number> => {
  const t0 = Date.now();
  for (;;) {
    const text = await (await fetch(`${prometheusUrl}/metrics`)).text();
    const running = Number(/^prometheus_engine_queries (\S+)$/m.exec(text)?.[1] ?? '0');
    // The scrape of /metrics is not a query; anything above 0 is someone's PromQL still running.
    if (running <= 0 || Date.now() - t0 > timeoutMs) return Date.now() - t0;
    await new Promise((r) => setTimeout(r, 250));
  }
};

/** A load slower than this gets one run and no heap series: the bench has to end in minutes. */
export const SLOW_LOAD_MS = 8_000;

export const measureView = async (
  browser: Browser,
  preview: Preview,
  view: View,
  opts: { runs: number; heapRefreshes: number },
): Promise<ViewResult> => {
  const runs: LoadRun[] = [];
  let perRefresh: ViewResult['perRefresh'] = { total: 0, sentByPage: 0, byPath: {}, queries: [] };
  let onLoad = 0;
  let heap: ViewResult['heap'];
  let pluginScripts: string[] = [];
  const pageErrors: string[] = [];
  const notes: string[] = [];
  for (let i = 0; i < opts.runs; i++) {
    const waited = await waitPrometheusIdle(preview.prometheusUrl, 90_000);
    if (waited > 1000) notes.push(`waited ${(waited / 1000).toFixed(0)} s for Prometheus to finish earlier queries`);
    const bp = await BenchPage.open(browser);
    let slow = false;
    try {
      preview.resetStats();
      const run = await measureLoad(bp, preview, view);
      runs.push(run);
      slow = run.timeToData > SLOW_LOAD_MS;
      pageErrors.push(...bp.pageErrors);
      if (i === 0) {
        onLoad = preview.stats().total;
        pluginScripts = [...bp.pluginScripts];
        preview.resetStats();
        const sent0 = bp.promSent;
        await bp.refresh();
        const s = preview.stats();
        perRefresh = {
          total: s.total,
          sentByPage: bp.promSent - sent0,
          byPath: s.byPath,
          queries: Object.keys(s.byQuery).sort(),
        };
        if (opts.heapRefreshes > 0 && slow)
          notes.push(`heap series skipped: one load took ${(run.timeToData / 1000).toFixed(0)} s`);
        if (opts.heapRefreshes > 0 && !slow) {
          // Two blocks of refreshes: growth in the second block would be growth without bound.
          const readings = [await bp.heapUsed()];
          for (let block = 0; block < 2; block++) {
            for (let r = 0; r < opts.heapRefreshes; r++) await bp.refresh();
            readings.push(await bp.heapUsed());
          }
          heap = { readings, every: opts.heapRefreshes };
        }
        pageErrors.push(...bp.pageErrors.filter((e) => !pageErrors.includes(e)));
      }
    } finally {
      await bp.close();
    }
    if (slow) {
      if (opts.runs > 1) notes.push(`1 run instead of ${opts.runs}: the load took over ${SLOW_LOAD_MS / 1000} s`);
      break;
    }
  }
  const m = (f: (r: LoadRun) => number) => median(runs.map(f));
  return {
    view,
    runs,
    median: {
      timeToData: m((r) => r.timeToData),
      pluginTimeToData: m((r) => r.pluginTimeToData),
      queryPhase: m((r) => r.queryPhase),
      slowestQuery: m((r) => r.slowestQuery),
      ratio: m((r) => r.timeToData / r.slowestQuery),
      pluginRatio: m((r) => r.pluginTimeToData / r.slowestQuery),
      queryPhaseRatio: m((r) => r.queryPhase / r.slowestQuery),
    },
    perRefresh,
    onLoad,
    heap,
    pluginScripts,
    pageErrors,
    notes,
  };
};
