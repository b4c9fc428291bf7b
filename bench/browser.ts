/**
 * Headless Chromium against the local preview: a page that knows when every
 * panel of the open tab shows data, which requests it sent, and its JS heap.
 */
import { type Browser, type BrowserContext, type CDPSession, type Page, type Request } from 'playwright-core';
import { launchChromium } from '../integration-tests/helpers/browser';
import * as path from 'path';
import { QUERY_TIMEOUT_MS } from '../src/data/prometheus/fetch-round';

/** The browser tests' launcher: Debian's Chromium with the flags this machine needs, a fresh profile each time. */
export const launchBrowser = launchChromium;

export type View = 'overview' | 'history' | 'resources' | 'setup';
export const VIEWS: View[] = ['overview', 'history', 'resources', 'setup'];

/**
 * Runs in the page before any of its scripts. `readyAt` is the last moment the
 * open tab went from "something still loading" to "every panel shows data, its
 * empty message or its error" (performance.now(), i.e. ms since navigation
 * start); it is reset whenever a panel goes back to loading.
 */
const READY_SCRIPT = `(() => {
  const b = (window.__bench = { readyAt: null, tables: {}, errors: 0, failedAt: [] });
  // Aborted and timed-out queries leave no Resource Timing entry: note when they gave up.
  const origFetch = window.fetch;
  window.fetch = function (input, init) {
    const url = typeof input === 'string' ? input : (input && input.url) || String(input);
    const p = origFetch.call(this, input, init);
    if (url.includes('/api/prometheus')) {
      p.catch(() => b.failedAt.push({ url, at: performance.now() }));
    }
    return p;
  };
  const isReady = (panel) => {
    if (panel.querySelector('[data-test="loading"]')) return false;
    const tab = (panel.getAttribute('aria-labelledby') || '').replace('kasten-tab-', '');
    if (tab === 'setup') {
      const checks = panel.querySelector('[data-test="setup-checks"]');
      const summary = checks && checks.querySelector('[aria-live]');
      return !!summary && !/Still checking/.test(summary.textContent || '');
    }
    const panels = panel.querySelectorAll('[data-test^="panel-"]');
    if (!panels.length) return false;
    for (const p of panels) {
      const body = p.querySelector('.pf-v6-c-card__body');
      if (!body || (!body.textContent.trim() && !body.querySelector('svg, table'))) return false;
    }
    return true;
  };
  const check = () => {
    const panel = document.getElementById('kasten-panel');
    const ready = !!panel && isReady(panel);
    if (ready && b.readyAt === null) {
      b.readyAt = performance.now();
      b.errors = panel.querySelectorAll('[data-test="query-error"]').length;
    }
    if (!ready) b.readyAt = null;
    for (const id of ['new-failures-table', 'retained-table']) {
      if (b.tables[id] || !document.querySelector('[data-test="' + id + '"] tbody tr[aria-rowindex]')) continue;
      const t = (b.tables[id] = { at: performance.now(), paintedAt: null });
      requestAnimationFrame(() => { t.paintedAt = performance.now(); });
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
})();`;

export interface BenchState {
  readyAt: number | null;
  /** When each failures table first had rows in the DOM, and the frame after. */
  tables: Record<string, { at: number; paintedAt: number | null } | undefined>;
  errors: number;
  /** Prometheus fetches that failed (aborted, timed out), with when. */
  failedAt: Array<{ url: string; at: number }>;
}

export interface PromTiming {
  query: string;
  path: string;
  startTime: number;
  requestStart: number;
  responseEnd: number;
}

/** The page gives up on a query after this long, so an older open request no longer holds up its round. */
const ABANDONED_AFTER_MS = QUERY_TIMEOUT_MS + 2_000;

export class BenchPage {
  /** Open Prometheus requests and when each was sent (Node's clock). */
  private readonly open = new Map<Request, number>();
  private lastActivity = Date.now();
  /** Requests still open when the page's own timeout had long passed (a stand-in or browser oddity worth knowing). */
  abandoned = 0;
  /** Prometheus requests the page has issued (some may be aborted while queued, before reaching the proxy). */
  promSent = 0;
  /** Plugin JS files the page fetched, in order. */
  readonly pluginScripts: string[] = [];
  readonly pageErrors: string[] = [];
  private cdp?: CDPSession;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
  ) {
    const isProm = (url: string) => new URL(url).pathname.startsWith('/api/prometheus');
    page.on('request', (r) => {
      if (!isProm(r.url())) return;
      this.open.set(r, Date.now());
      this.promSent++;
      this.lastActivity = Date.now();
    });
    const done = (r: Request) => {
      if (!this.open.delete(r)) return;
      this.lastActivity = Date.now();
    };
    page.on('requestfinished', done);
    page.on('requestfailed', done);
    page.on('response', (r) => {
      const p = new URL(r.url()).pathname;
      if (p.startsWith('/api/plugins/') && p.endsWith('.js')) this.pluginScripts.push(p.split('/').pop() ?? p);
    });
    page.on('pageerror', (e) => this.pageErrors.push(e.message));
  }

  /** A fresh context (empty HTTP cache, nothing in storage), as an operator opening the console. */
  static async open(browser: Browser): Promise<BenchPage> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(READY_SCRIPT);
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    return new BenchPage(context, page);
  }

  async goto(consoleUrl: string, view: View): Promise<void> {
    // Automatic refresh off: every refresh in the benchmark is one the benchmark asked for.
    await this.page.goto(`${consoleUrl}/kasten?tab=${view}&refreshInterval=off`);
  }

  state(): Promise<BenchState> {
    return this.page.evaluate(() => (window as unknown as { __bench: BenchState }).__bench);
  }

  private inflight(): number {
    const now = Date.now();
    let n = 0;
    for (const [r, sent] of this.open) {
      if (now - sent < ABANDONED_AFTER_MS) n++;
      else {
        this.open.delete(r);
        this.abandoned++;
      }
    }
    return n;
  }

  /** Waits until the tab shows data and no Prometheus request has been in flight for `quietMs`. */
  async settle(quietMs = 700, timeoutMs = 120_000): Promise<BenchState> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const st = await this.state();
      if (st.readyAt !== null && this.inflight() === 0 && Date.now() - this.lastActivity >= quietMs) return st;
      if (Date.now() > until) {
        const shown = await this.page
          .evaluate(() => (document.getElementById('kasten-panel') ?? document.body).innerText.slice(0, 300))
          .catch(() => '?');
        await this.page
          .screenshot({ path: path.resolve(__dirname, '../reports/bench/not-ready.png') })
          .catch(() => undefined);
        throw new Error(
          `page not ready after ${timeoutMs} ms (in flight: ${this.inflight()}, state: ${JSON.stringify(st)}, shows: ${JSON.stringify(shown)}; screenshot reports/bench/not-ready.png)`,
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** One manual refresh, then wait for its round (and any follow-up) to finish. */
  async refresh(): Promise<void> {
    const before = this.lastActivity;
    await this.page.locator('[data-test="refresh-now"]').click();
    const until = Date.now() + 10_000;
    while (this.lastActivity === before && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    await this.settle(300);
  }

  /** Resource timings of every request of the page (ms since navigation start). */
  timings(): Promise<PromTiming[]> {
    return this.page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => {
        const u = new URL(e.name);
        return {
          query: u.searchParams.get('query') ?? '',
          path: u.pathname,
          startTime: e.startTime,
          requestStart: e.requestStart,
          responseEnd: e.responseEnd,
        };
      }),
    );
  }

  /** Resource timings of the page's Prometheus requests. */
  async promTimings(): Promise<PromTiming[]> {
    return (await this.timings()).filter((t) => t.path.startsWith('/api/prometheus'));
  }

  /** JS heap in use after a forced garbage collection. */
  async heapUsed(): Promise<number> {
    this.cdp ??= await this.context.newCDPSession(this.page);
    await this.cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await this.cdp.send('Runtime.getHeapUsage');
    return usedSize;
  }

  close(): Promise<void> {
    return this.context.close();
  }
}
