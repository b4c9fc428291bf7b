/**
 * Contrast of chart text (axis ticks, legend) against what is behind it.
 * axe-core leaves SVG text out of its color-contrast rule, so a chart whose
 * labels vanish in the dark theme passes axe; this measures them the WCAG way.
 */
import type { Locator } from 'playwright-core';

export interface TextContrast {
  text: string;
  fill: string;
  background: string;
  ratio: number;
}

/** Every non-empty `<text>` of each chart SVG under `scope`, with its contrast ratio. */
export const chartTextContrast = (scope: Locator): Promise<TextContrast[]> =>
  scope.locator('[data-test="chart"] svg[role="img"]').evaluateAll((svgs) => {
    type Rgba = [number, number, number, number];
    const parse = (c: string): Rgba | undefined => {
      const m = /rgba?\(([^)]+)\)/.exec(c);
      if (!m) return undefined;
      const parts = m[1]!
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const luminance = ([r, g, b]: Rgba): number => {
      const lin = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const over = (top: Rgba, under: Rgba): Rgba => {
      const a = top[3];
      return [top[0] * a + under[0] * (1 - a), top[1] * a + under[1] * (1 - a), top[2] * a + under[2] * (1 - a), 1];
    };
    /** The opaque colour behind an element: its ancestors' backgrounds composed from the page down. */
    const backgroundOf = (el: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c[3] > 0) layers.push(c);
        if (c && c[3] >= 1) break;
      }
      let bg: Rgba = [255, 255, 255, 1];
      for (const layer of layers.reverse()) bg = over(layer, bg);
      return bg;
    };
    const out: Array<{ text: string; fill: string; background: string; ratio: number }> = [];
    for (const svg of svgs) {
      const bg = backgroundOf(svg);
      for (const t of Array.from(svg.querySelectorAll('text'))) {
        const text = (t.textContent ?? '').trim();
        if (!text) continue;
        // Victory puts the label's style on its <tspan>s.
        const style = getComputedStyle(t.querySelector('tspan') ?? t);
        const fill = parse(style.fill);
        if (!fill) continue;
        const fg = over(
          [fill[0], fill[1], fill[2], fill[3] * Number(style.fillOpacity || 1) * Number(style.opacity || 1)],
          bg,
        );
        const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
        out.push({
          text,
          fill: style.fill,
          background: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`,
          ratio: (l1 + 0.05) / (l2 + 0.05),
        });
      }
    }
    return out;
  });
