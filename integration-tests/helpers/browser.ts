/**
 * Debian's Chromium driven by playwright-core: no browser is ever downloaded.
 * One browser per test file; each test gets a fresh context (so the stand-in's
 * theme choice in localStorage never leaks between tests), and every page
 * records uncaught errors so a test can require there were none.
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOT_DIR = path.resolve(__dirname, '../../reports/screenshots');

/** Playwright gives every launch its own fresh, temporary user-data directory and removes it on close. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });

export interface TestPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions in the page. */
  pageErrors: string[];
  /** Every request the page sent to the console's Prometheus proxy, as URLs. */
  prometheusRequests: URL[];
  close(): Promise<void>;
}

export const openPage = async (browser: Browser): Promise<TestPage> => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const pageErrors: string[] = [];
  const prometheusRequests: URL[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/prometheus')) prometheusRequests.push(url);
  });
  return { page, context, pageErrors, prometheusRequests, close: () => context.close() };
};

const sel = (testId: string) => `[data-test="${testId}"]`;
export const byTest = (page: Page, testId: string) => page.locator(sel(testId));

/** Opens a console URL and waits for the plugin's Kasten tab bar (the plugin has loaded and rendered). */
export const gotoKasten = async (page: Page, consoleUrl: string, pathAndQuery: string): Promise<void> => {
  await page.goto(`${consoleUrl}${pathAndQuery}`);
  await page.locator('[role="tablist"] [data-test^="tab-"]').first().waitFor();
};

/**
 * Whole-page PNG under reports/screenshots/, the suite's artifacts. The
 * console scrolls inside its main container, not the document, so the
 * viewport is stretched to the content's height for the shot.
 */
export const saveScreenshot = async (page: Page, name: string): Promise<string> => {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
  const contentHeight = await page.evaluate(() =>
    Math.max(
      ...['.pf-v6-c-page__main-container', '.pf-v6-c-page__main', 'body']
        .map((s) => document.querySelector(s))
        .map((el) => (el ? Math.ceil(el.getBoundingClientRect().top + el.scrollHeight + 32) : 0)),
    ),
  );
  await page.setViewportSize({
    width: viewport.width,
    height: Math.min(Math.max(viewport.height, contentHeight), 12_000),
  });
  try {
    await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  } finally {
    await page.setViewportSize(viewport);
  }
  return file;
};

/**
 * Cell texts of a DataTable's body rows (spacer rows of windowed tables excluded). A cell holding the
 * console's resource link reads as the object's name: its kind badge and screen-reader kind are the
 * console's (tests that care check them on the link).
 */
export const tableRows = async (page: Page, testId: string): Promise<string[][]> =>
  page.locator(`${sel(testId)} tbody tr:not([aria-hidden="true"]):not([data-test="row-details"])`).evaluateAll((rows) =>
    rows.map((row) =>
      Array.from(row.querySelectorAll('td, th'))
        // An expandable row's toggle cell holds no data.
        .filter((c) => !c.querySelector('[data-test="row-toggle"]'))
        .map((c) => ((c.querySelector('.co-resource-item__resource-name') ?? c).textContent ?? '').trim()),
    ),
  );

/**
 * Retries `check` until it stops throwing, then returns its value; after
 * `timeout` the last failure is thrown. The jest counterpart of expect.poll.
 */
export const eventually = async <T>(
  check: () => Promise<T>,
  { timeout = 20_000, interval = 250 }: { timeout?: number; interval?: number } = {},
): Promise<T> => {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (e) {
      if (Date.now() > deadline) throw e;
    }
    await new Promise((r) => setTimeout(r, interval));
  }
};
