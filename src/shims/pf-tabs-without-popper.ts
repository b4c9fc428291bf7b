/**
 * What PatternFly's Tabs get in the bundle for their overflow menu (`Tabs.js` → `./OverflowTab`) and for a
 * tab's tooltip (`Tab.js` → `../Tooltip`): webpack swaps these two imports of those two files only
 * (webpack.config.ts), every other Tooltip is PatternFly's own.
 *
 * Both render only when asked for (`isOverflowHorizontal` on Tabs, `tooltip` on a Tab), which the TabBar
 * never does (test/repo/patternfly.test.ts). Statically imported, they would still pull Popper, Menu and
 * Tooltip (about 11 KiB gz) into the chunk that opens the page, where nothing else needs them: the
 * Tooltips the page does use load with their own lazy chunks. Tests and the preview's unit runs use the
 * real modules; should a Tab ever ask for either, it fails loudly here instead of rendering wrong.
 */
const notBundled = (what: string) => (): never => {
  throw new Error(`${what} is not bundled with the plugin's tabs (see src/shims/pf-tabs-without-popper.ts)`);
};

export const OverflowTab = notBundled("PatternFly Tabs' isOverflowHorizontal");
export const Tooltip = notBundled("a PatternFly Tab's tooltip");
