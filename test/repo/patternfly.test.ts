/**
 * The views use PatternFly React, not its CSS classes by hand: hand-written
 * `pf-v6-c-*` markup ties the plugin to PatternFly's internals and loses its
 * keyboard, screen-reader and responsive behaviour. And PatternFly is imported
 * module by module, so only what the views use is bundled.
 */
import * as fs from 'fs';
import * as path from 'path';

const SRC = path.resolve(__dirname, '../../src');

const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(tsx?|css)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });

const offending = (pattern: RegExp) =>
  sources(SRC).flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .map((line, i) => ({ at: `${path.relative(SRC, file)}:${i + 1}`, line: line.trim() }))
      .filter(({ line }) => pattern.test(line)),
  );

test('the sources find something to check', () => {
  expect(sources(SRC).length).toBeGreaterThan(50);
});

test('no PatternFly component class is written by hand in src/ (tests aside)', () => {
  expect(offending(/pf-v\d+-c-/)).toEqual([]);
});

test('PatternFly React is imported per module (dist/esm/...), never from a package index', () => {
  expect(offending(/from '@patternfly\/react-(core|table|icons)'/)).toEqual([]);
});

test('nothing in src/ imports react-dom itself: the bundle gets the createPortal shim instead', () => {
  expect(offending(/from 'react-dom'/).filter(({ at }) => !at.startsWith('shims/'))).toEqual([]);
});

test("PatternFly's Tabs are bundled without their overflow menu and tab tooltips, so nothing asks for them", () => {
  // webpack.config.ts swaps those two imports for src/shims/pf-tabs-without-popper.ts, which throws if rendered.
  const tabFiles = sources(SRC).filter((file) => /components\/Tabs\//.test(fs.readFileSync(file, 'utf8')));
  expect(tabFiles.map((f) => path.relative(SRC, f))).toEqual(['components/layout/TabBar.tsx']);
  expect(
    offending(/isOverflowHorizontal|\btooltip[=:]/).filter(({ at }) => at.startsWith('components/layout/TabBar')),
  ).toEqual([]);
});
