/**
 * Time limits for unit tests that do a lot of work per test, instead of jest's 5 s default.
 *
 * They are failsafes, not assertions on speed (speed belongs in `npm run bench`): a test that hangs still
 * fails, only later. Measured alone on this 2-core machine these tests take 0.6-3 s; with a build and the
 * browser suite running beside them (load 10) two of them passed 5 s in the last stop's runs.
 */

/**
 * A whole page mounted per test (providers, dashboard, a tab): the first test to open a tab also loads
 * that tab's lazy chunk (the charts, the table), which ts-jest transpiles on first import.
 */
export const PAGE_RENDER_TIMEOUT_MS = 20_000;

/** A 5000-row table rendered, sorted and scrolled in jsdom: the size the windowing exists for. */
export const LARGE_TABLE_TIMEOUT_MS = 15_000;
