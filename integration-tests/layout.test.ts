/**
 * What a person sees at a narrow and a wide window, in both themes: every view
 * is saved as a screenshot at 1024 px and 1600 px, and no table header, chart
 * axis label or legend entry is clipped (a header's or legend entry's text fits
 * its box; an SVG label lies inside its chart). Below the toolbar's breakpoint its controls fold behind a toggle
 * and open in a portal, which proves the plugin's createPortal shim renders.
 */
import type { Locator, Page } from 'playwright-core';
import { CHART_PADDING } from '../src/components/history/chart-scales';
import { rangeStepSeconds } from '../src/hooks/time-range';
import { actionsByStatusHistory } from '../src/promql/history';
import { formatNumber } from '../src/utils/format';
import { byTest, eventually, gotoKasten, openPage, saveScreenshot, type TestPage } from './helpers/browser';
import { axeScan } from './helpers/axe';
import { promInstant } from './helpers/preview';
import { browserSession } from './helpers/session';

jest.setTimeout(90_000);

const s = browserSession();

const VIEWS: Array<{ name: string; ready: string }> = [
  { name: 'overview', ready: 'new-failures-table' },
  { name: 'history', ready: 'chart' },
  { name: 'resources', ready: 'memory-value' },
];

const settle = async (page: Page, ready: string) => {
  await byTest(page, ready).first().waitFor();
  await eventually(async () => expect(await page.locator('[data-test="loading"]').count()).toBe(0));
};

/** Header cells (and their text boxes) whose content is wider than their box: the text is cut. */
const clippedHeaders = (page: Page) =>
  page
    .locator('main thead th')
    .evaluateAll((ths) =>
      ths.flatMap((th) =>
        [th, ...Array.from(th.querySelectorAll('*'))]
          .filter((el) => el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
          .map((el) => `"${(th.textContent ?? '').trim()}": ${el.tagName} ${el.scrollWidth} > ${el.clientWidth}`),
      ),
    );

/** Chart legend entries (HTML) whose text is wider than their box. */
const clippedLegends = (page: Page) =>
  page
    .locator('main [data-test="chart-legend"] li')
    .evaluateAll((lis) =>
      lis
        .filter((li) => li.clientWidth > 0 && li.scrollWidth > li.clientWidth + 1)
        .map((li) => `"${(li.textContent ?? '').trim()}": ${li.scrollWidth} > ${li.clientWidth}`),
    );

/** Chart axis texts that stick out of their SVG, and how many texts there are. */
const svgTexts = (page: Page) =>
  page.locator('main [data-test="chart"] svg[role="img"]').evaluateAll((svgs) => {
    const out: string[] = [];
    let count = 0;
    for (const svg of svgs) {
      const box = svg.getBoundingClientRect();
      for (const text of Array.from(svg.querySelectorAll('text'))) {
        const r = text.getBoundingClientRect();
        if (!r.width) continue;
        count += 1;
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
          out.push(`"${text.textContent ?? ''}" [${r.left}, ${r.right}] outside [${box.left}, ${box.right}]`);
      }
    }
    return { clipped: out, count };
  });

describe.each([1024, 1600])('%i px wide', (width) => {
  describe.each(['light', 'dark'] as const)('%s theme', (theme) => {
    let tp: TestPage;

    beforeAll(async () => {
      tp = await openPage(s.browser);
      await tp.page.setViewportSize({ width, height: 900 });
      await gotoKasten(tp.page, s.preview.consoleUrl, `/kasten?theme=${theme}`);
    });

    afterAll(async () => {
      const errors = tp.pageErrors;
      await tp.close();
      expect(errors).toEqual([]);
    });

    test.each(VIEWS)(
      '$name: no header, axis label or legend entry is clipped; screenshot saved',
      async ({ name, ready }) => {
        const { page } = tp;
        await byTest(page, `tab-${name}`).click();
        await settle(page, ready);
        await saveScreenshot(page, `${name}-${width}-${theme}`);
        if (name === 'overview') expect(await page.locator('main thead th').count()).toBeGreaterThan(5);
        expect(await clippedHeaders(page)).toEqual([]);
        if (name !== 'overview') {
          const texts = await svgTexts(page);
          expect(texts.count).toBeGreaterThan(10);
          expect(texts.clipped).toEqual([]);
          expect(await page.locator('main [data-test="chart-legend"] li').count()).toBeGreaterThan(0);
          expect(await clippedLegends(page)).toEqual([]);
        }
      },
    );
  });
});

test('below the breakpoint the toolbar folds its controls behind a toggle that opens them in a portal', async () => {
  const tp = await openPage(s.browser);
  try {
    const { page } = tp;
    await page.setViewportSize({ width: 1024, height: 900 });
    await gotoKasten(page, s.preview.consoleUrl, '/kasten');
    await expect(byTest(page, 'time-range').isVisible()).resolves.toBe(false);
    await byTest(page, 'refresh-now').waitFor({ state: 'visible' });
    const toggle = page.getByRole('toolbar').getByRole('button', { name: 'Show filters' });
    await toggle.click();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    const range = byTest(page, 'time-range');
    await range.waitFor({ state: 'visible' });
    await range.selectOption('7200000');
    await eventually(async () => expect(new URL(page.url()).searchParams.get('timeRange')).toBe('7200000'));
    await page.getByRole('heading', { name: 'New failures in the last 2h' }).waitFor();
    expect(tp.pageErrors).toEqual([]);
  } finally {
    await tp.close();
  }
});

/** The chart tooltip's time (ms) and its rows, read at once so a refresh cannot fall between them. */
const readTooltip = (tooltip: Locator) =>
  tooltip.evaluate((el) => ({
    time: Number(el.getAttribute('data-time')),
    rows: Array.from(el.children)
      .slice(1)
      .map((d) => (d.textContent ?? '').trim()),
  }));

/** What the tooltip must say at `atMs`: each status' count, as Prometheus answers it at that instant. */
const statusesAt = async (atMs: number) =>
  (await promInstant(s.preview, actionsByStatusHistory(s.config), atMs))
    .map((r) => `${r.labels.status ?? ''}: ${formatNumber(r.value, 'en', 0)}`)
    .sort();

test('the pointer and the arrow keys move a cursor whose tooltip reads each series’ exact value at that time', async () => {
  const tp = await openPage(s.browser);
  try {
    const { page } = tp;
    await gotoKasten(page, s.preview.consoleUrl, '/kasten?tab=history');
    const panel = byTest(page, 'panel-history-status');
    const plot = panel.locator('[data-test="chart-plot"]');
    const svg = plot.locator('svg[role="img"]');
    await svg.waitFor();
    const tooltip = panel.locator('[data-test="chart-tooltip"]');
    const box = await svg.boundingBox();
    if (!box) throw new Error('the chart has no box');

    // The pointer: the cursor goes to the time nearest it, and the tooltip reads Prometheus' values there.
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
    await tooltip.waitFor();
    const hovered = await readTooltip(tooltip);
    expect(hovered.rows.length).toBeGreaterThanOrEqual(2);
    expect([...hovered.rows].sort()).toEqual(await statusesAt(hovered.time));
    const cursorX = Number(await panel.locator('[data-test="chart-cursor"] line').getAttribute('x1'));
    const stepPx = (box.width - CHART_PADDING.left - CHART_PADDING.right) / (3600 / rangeStepSeconds(3_600_000));
    expect(Math.abs(cursorX - box.width / 2)).toBeLessThanOrEqual(stepPx / 2 + 1);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height + 200);
    await tooltip.waitFor({ state: 'detached' });

    // The keyboard: Tab-focusable, Home to the first time, then one step right; the readout is announced.
    await plot.focus();
    await expect(plot.getAttribute('aria-label')).resolves.toMatch(
      /^Actions by status: use the left and right arrow keys/,
    );
    await expect(plot.getAttribute('tabindex')).resolves.toBe('0');
    // Focus alone shows the latest time; Home goes to the first.
    const latest = await eventually(async () => {
      const r = await readTooltip(tooltip);
      expect(r.time).toBeGreaterThan(hovered.time);
      return r;
    });
    await page.keyboard.press('Home');
    const first = await eventually(async () => {
      const r = await readTooltip(tooltip);
      expect(r.time).toBeLessThan(hovered.time);
      return r;
    });
    expect(latest.time - first.time).toBeGreaterThanOrEqual(3600_000 - 2 * rangeStepSeconds(3_600_000) * 1000);
    await page.keyboard.press('ArrowRight');
    const second = await eventually(async () => {
      const r = await readTooltip(tooltip);
      expect(r.time).toBe(first.time + rangeStepSeconds(3_600_000) * 1000);
      return r;
    });
    expect([...second.rows].sort()).toEqual(await statusesAt(second.time));
    const readout = panel.locator('[data-test="chart-readout"]');
    await expect(readout.getAttribute('aria-live')).resolves.toBe('polite');
    await expect(plot.getAttribute('aria-describedby')).resolves.toBe(await readout.getAttribute('id'));
    const said = (await readout.textContent()) ?? '';
    for (const row of second.rows) expect(said).toContain(row.replace(': ', ' '));
    await page.keyboard.press('Escape');
    await tooltip.waitFor({ state: 'detached' });
    expect(tp.pageErrors).toEqual([]);
  } finally {
    await tp.close();
  }
});

describe.each(['light', 'dark'] as const)('%s theme, a chart with its cursor shown', (theme) => {
  test('passes axe, and the tooltip text has AA contrast on its background; screenshot saved', async () => {
    const tp = await openPage(s.browser);
    try {
      const { page } = tp;
      await gotoKasten(page, s.preview.consoleUrl, `/kasten?tab=history&theme=${theme}`);
      const panel = byTest(page, 'panel-history-status');
      await panel.locator('[data-test="chart"] svg[role="img"]').waitFor();
      await panel.locator('[data-test="chart-plot"]').focus();
      const tooltip = panel.locator('[data-test="chart-tooltip"]');
      await tooltip.waitFor();
      await saveScreenshot(page, `history-chart-tooltip-${theme}`);
      const scan = await axeScan(page, '[data-test="panel-history-status"]');
      expect(scan.blocking).toEqual([]);
      expect(scan.passed).toBeGreaterThan(5);
      // axe may skip an aria-hidden box: the tooltip's own text is measured the WCAG way.
      const contrast = await tooltip.evaluate((el) => {
        const rgba = (c: string) =>
          (/rgba?\(([^)]+)\)/.exec(c)?.[1] ?? '')
            .split(/[ ,/]+/)
            .filter(Boolean)
            .map(Number);
        const lum = ([r = 0, g = 0, b = 0]: number[]) =>
          [r, g, b]
            .map((v) => v / 255)
            .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i]!, 0);
        const bg = rgba(getComputedStyle(el).backgroundColor);
        const fg = rgba(getComputedStyle(el.lastElementChild ?? el).color);
        const [hi, lo] = [lum(fg), lum(bg)].sort((a, b) => b - a) as [number, number];
        return { bgAlpha: bg[3] ?? 1, ratio: (hi + 0.05) / (lo + 0.05) };
      });
      expect(contrast.bgAlpha).toBe(1);
      expect(contrast.ratio).toBeGreaterThanOrEqual(4.5);
      expect(tp.pageErrors).toEqual([]);
    } finally {
      await tp.close();
    }
  });
});
