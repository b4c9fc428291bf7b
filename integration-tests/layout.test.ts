/**
 * What a person sees at a narrow and a wide window, in both themes: every view
 * is saved as a screenshot at 1024 px and 1600 px, and no table header or chart
 * axis label is clipped (a header's text fits its box; an SVG label lies inside
 * its chart). Below the toolbar's breakpoint its controls fold behind a toggle
 * and open in a portal, which proves the plugin's createPortal shim renders.
 */
import type { Page } from 'playwright-core';
import { byTest, eventually, gotoKasten, openPage, saveScreenshot, type TestPage } from './helpers/browser';
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

/** Chart texts (axis ticks, legend) that stick out of their SVG, and how many texts there are. */
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

    test.each(VIEWS)('$name: no header or axis label is clipped; screenshot saved', async ({ name, ready }) => {
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
      }
    });
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

test('hovering a chart shows each series’ exact value at that time', async () => {
  const tp = await openPage(s.browser);
  try {
    const { page } = tp;
    await gotoKasten(page, s.preview.consoleUrl, '/kasten?tab=history');
    const svg = byTest(page, 'panel-history-status').locator('[data-test="chart"] svg[role="img"]').first();
    await svg.waitFor();
    const box = await svg.boundingBox();
    if (!box) throw new Error('the chart has no box');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 3);
    const tooltip = await eventually(async () => {
      const texts = await svg.locator('text').allTextContents();
      const hit = texts.find((t) => /^(complete|failed|cancelled|running|[a-z]+): \d+ \(.+\)$/.test(t.trim()));
      expect(hit).toBeDefined();
      return hit!;
    });
    expect(tooltip).toMatch(/: \d+ \(/);
    expect(tp.pageErrors).toEqual([]);
  } finally {
    await tp.close();
  }
});
