/**
 * axe-core (the installed package, injected from disk) run in the page.
 * Returns the serious and critical violations in a form that reads well in a
 * failed expectation, and how many rules passed so an empty scan is caught.
 */
import * as path from 'path';
import type { AxeResults, ImpactValue } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SCRIPT = path.join(path.dirname(require.resolve('axe-core')), 'axe.min.js');
const BLOCKING: ImpactValue[] = ['serious', 'critical'];

export interface AxeSummary {
  /** `rule (impact): help — selectors` per serious or critical violation. */
  blocking: string[];
  /** Rules that found something to check and passed. */
  passed: number;
  /** Elements the scan covered. */
  scannedElements: number;
}

/** Scans `include` (the console's main area by default: the plugin's page, not the stand-in's masthead and nav). */
export const axeScan = async (page: Page, include = 'main'): Promise<AxeSummary> => {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.addScriptTag({ path: AXE_SCRIPT });
  const { results, scannedElements } = await page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResults> } }).axe;
    const r = await axe.run({ include: [selector] }, { resultTypes: ['violations', 'passes'] });
    return {
      results: {
        violations: r.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.map((n) => n.target.join(' ')),
        })),
        passes: r.passes.length,
      },
      scannedElements: document.querySelectorAll(`${selector} *`).length,
    };
  }, include);
  return {
    blocking: results.violations
      .filter((v) => v.impact !== undefined && v.impact !== null && BLOCKING.includes(v.impact))
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.targets.slice(0, 5).join(', ')}${v.targets.length > 5 ? ' …' : ''}`,
      ),
    passed: results.passes,
    scannedElements,
  };
};
