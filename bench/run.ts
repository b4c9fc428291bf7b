/**
 * `npm run bench`: the plugin's size and speed, measured (not asserted).
 * Prints tables and writes reports/bench/latest.json and latest.md.
 *
 *   --sizes 10,100,1000,5000   policy counts for the preview
 *   --runs 3                   page loads per view and size (medians are printed)
 *   --heap-refreshes 10        refreshes between the two heap readings
 *   --table-rows 5000          failing policies for the table benchmark (0: skip)
 *   --only bundle,views,table  run a subset
 *   --views setup,resources,history,overview  views to time (with the rules)
 *   --recovery rules,lookback  the Overview with the chart's recovery-point recording rules evaluated
 *                              (every view is measured), and without them (the Overview alone: the
 *                              other views do not read the records)
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { startPreview, type Preview } from '../dev/preview';
import { waitForRecoveryRecords } from '../dev/prometheus/recovery-rules';
import { launchBrowser, VIEWS, type View } from './browser';
import { BUDGETS, BUILD_TARGETS, measureBundle, sizeOf, type BuildTarget, type BundleReport } from './bundle';
import { kib, markdownTable, median, mib, ms } from './stats';
import { measureTable, type TableResult } from './table';
import { measureView, type ViewResult } from './views';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'reports/bench');
/** Copies of dist/ and dist-compat/ taken at the start: a rebuild during the run must not mix two builds in one report. */
const snapshotOf = (target: BuildTarget) => path.join(OUT, target.dist);
const SNAPSHOT = snapshotOf(BUILD_TARGETS[0]!);

const machine = () => {
  const cpu =
    /model name\s*:\s*(.+)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? os.cpus()[0]?.model ?? '?';
  return {
    cpu,
    nproc: os.availableParallelism(),
    memory: execFileSync('free', ['-h'], { encoding: 'utf8' }).split('\n')[1]?.replace(/\s+/g, ' ').trim() ?? '',
    node: process.version,
    loadAtStart: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    loadAtEnd: '',
    chromium: '',
  };
};

/** dist/ older than the sources would measure yesterday's plugin. */
const assertFreshBuild = () => {
  const manifest = path.join(ROOT, 'dist/plugin-manifest.json');
  if (!fs.existsSync(manifest)) throw new Error('no dist/: run npm run build');
  const built = fs.statSync(manifest).mtimeMs;
  const newest = (dir: string): number =>
    Math.max(
      0,
      ...fs
        .readdirSync(dir, { withFileTypes: true })
        .map((e) => (e.isDirectory() ? newest(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs)),
    );
  if (newest(path.join(ROOT, 'src')) > built)
    process.stderr.write('bench: WARNING dist/ is older than src/: run npm run build first\n');
};

/** With the chart's recording rules evaluated, or without them (the Overview's look-back fallback). */
type RecoveryMode = 'rules' | 'lookback';
const RECOVERY_MODES: readonly RecoveryMode[] = ['rules', 'lookback'];

interface SizeResult {
  policies: number;
  mode: RecoveryMode;
  /** Seconds from Prometheus up to the records existing (rules mode): the rules' first evaluation. */
  recordsAfterSeconds?: number;
  namespaces: number;
  startSeconds: number;
  views: ViewResult[];
}

const MEASURE_ORDER: View[] = ['setup', 'resources', 'history', 'overview'];

const namespacesFor = (policies: number) => Math.max(6, Math.round(policies / 10));

/** Stopped on Ctrl-C too, so no Prometheus is left behind. */
let running: Preview | undefined;
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, () => {
    process.stderr.write(`bench: ${sig}, stopping the preview\n`);
    void (running?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  });

const startSized = async (
  policies: number,
  failingPolicies?: number,
  mode: RecoveryMode = 'rules',
): Promise<{ preview: Preview; seconds: number }> => {
  const t0 = Date.now();
  const preview = await startPreview({
    recoveryRules: mode === 'rules',
    policies,
    namespaces: namespacesFor(policies),
    failingPolicies,
    port: 0,
    // One hour covers the default window (1 h) and the failures before the story starts.
    backfillHours: 1,
    backfillStep: 60,
    buildHost: 'if-stale',
    pluginDist: SNAPSHOT,
  });
  running = preview;
  return { preview, seconds: (Date.now() - t0) / 1000 };
};

const bundleTables = (b: BundleReport): string => {
  const rows: Array<Array<string | number>> = [
    ['entry (every console page)', b.entry.file, kib(b.entry.gz), kib(b.entry.raw)],
    ...b.pageInitial.files.map((f) => ['  page initial file', f.file, kib(f.gz), kib(f.raw)]),
    [
      '**page initial (Observe > Kasten)**',
      `${b.pageInitial.files.length} files`,
      kib(b.pageInitial.gz),
      kib(b.pageInitial.raw),
    ],
    [
      'namespace tab initial',
      `${b.namespaceTabInitial.files.length} files`,
      kib(b.namespaceTabInitial.gz),
      kib(b.namespaceTabInitial.raw),
    ],
    ...b.lazy.map((l) => [`lazy: ${l.name}`, l.files.map((f) => f.file).join(' '), kib(l.gz), kib(l.raw)]),
    [`all JS in ${b.build.dist}/`, `${b.allJs.files} files`, kib(b.allJs.gz), kib(b.allJs.raw)],
  ];
  const shared = [...b.shared, ...b.notShared].map((s) => [
    s.module,
    s.consumed ? 'yes' : 'no',
    s.noFallback === 'not consumed' ? '–' : s.noFallback ? 'none' : 'BUNDLED',
    s.marker
      ? s.markerInPackage
        ? s.markerInDist.length
          ? `FOUND in ${s.markerInDist.join(', ')}`
          : 'absent'
        : 'marker not in package!'
      : '–',
  ]);
  return [
    markdownTable(['what', 'files', 'KiB gz', 'KiB raw'], rows),
    '',
    markdownTable(
      ['shared module', 'consumed from console', 'fallback in bundle', 'package code in dist/ (marker)'],
      shared,
    ),
    `Shared modules the plugin registers itself: ${b.providedByPlugin.length ? b.providedByPlugin.join(', ') : 'none'}.`,
  ].join('\n');
};

/** Both builds against the same budgets (DESIGN.md 3c). */
const budgetTable = (bundles: BundleReport[]): string => {
  const charts = (b: BundleReport) => b.lazy.find((l) => l.name.includes('charts'))?.gz;
  const rows: Array<[string, number, (b: BundleReport) => number | undefined]> = [
    ['page initial (Observe > Kasten)', BUDGETS.pageInitial, (b) => b.pageInitial.gz],
    ['entry (every console page)', BUDGETS.entry, (b) => b.entry.gz],
    ['lazy charts chunk', BUDGETS.charts, charts],
  ];
  const cell = (v: number | undefined, budget: number) =>
    v === undefined ? 'not found' : `${kib(v)}${v <= budget ? '' : ' **OVER**'}`;
  return markdownTable(
    ['KiB gz', 'budget', ...bundles.map((b) => `${b.build.dist}/ (consoles ${b.build.consoles})`)],
    rows.map(([label, budget, get]) => [label, kib(budget), ...bundles.map((b) => cell(get(b), budget))]),
  );
};

const modeLabel = (s: SizeResult) => (s.mode === 'rules' ? 'records' : 'look-back');

/** One column per policy count and recovery mode (the look-back mode measures the Overview alone). */
const viewTables = (sizes: SizeResult[], setupQueries: Set<string>): string => {
  const q = markdownTable(
    ['view', ...sizes.map((s) => `${s.policies} policies, ${modeLabel(s)}`)],
    VIEWS.map((v) => [
      v,
      ...sizes.map((s) => {
        const r = s.views.find((x) => x.view === v);
        if (!r) return '–';
        const banner = v === 'setup' ? 0 : r.perRefresh.queries.filter((x) => setupQueries.has(x)).length;
        const lost = r.perRefresh.sentByPage !== r.perRefresh.total ? ` [page sent ${r.perRefresh.sentByPage}]` : '';
        return `${r.perRefresh.total}${banner ? ` (${r.perRefresh.total - banner} + ${banner} banner)` : ''}${lost}; load ${r.onLoad}`;
      }),
    ]),
  );
  const t = markdownTable(
    [
      'view',
      'policies',
      'recovery source',
      'nav → data',
      'plugin entry → data',
      'first query → data',
      'slowest query',
      'ratios (nav / plugin / query phase)',
      'config → first query',
      'charts chunk asked after data',
      'errors',
    ],
    sizes.flatMap((s) =>
      s.views.map((r) => {
        const med = (f: (x: ViewResult['runs'][number]) => number) => median(r.runs.map(f));
        const charts = r.runs.every((x) => x.chartsRequestedAt !== undefined)
          ? `${ms(med((x) => (x.chartsRequestedAt ?? 0) - x.lastQueryEndAt))} ms`
          : '–';
        return [
          r.view,
          s.policies,
          `${modeLabel(s)}${s.recordsAfterSeconds !== undefined ? ` (records after ${s.recordsAfterSeconds.toFixed(0)} s)` : ''}`,
          ms(r.median.timeToData),
          ms(r.median.pluginTimeToData),
          ms(r.median.queryPhase),
          ms(r.median.slowestQuery),
          `${r.median.ratio.toFixed(1)} / ${r.median.pluginRatio.toFixed(1)} / ${r.median.queryPhaseRatio.toFixed(2)}`,
          ms(med((x) => x.firstQueryAt - x.configLoadedAt)),
          charts,
          r.runs.reduce((n, x) => n + x.panelErrors, 0) + r.pageErrors.length,
        ];
      }),
    ),
  );
  const h = markdownTable(
    ['view', ...sizes.map((s) => `${s.policies} policies, ${modeLabel(s)}`)],
    VIEWS.map((v) => [
      v,
      ...sizes.map((s) => {
        const heap = s.views.find((x) => x.view === v)?.heap;
        return heap ? heap.readings.map(mib).join(' → ') : '–';
      }),
    ]),
  );
  const every = sizes.flatMap((s) => s.views).find((v) => v.heap)?.heap?.every ?? 0;
  const notes = sizes.flatMap((s) =>
    s.views.flatMap((r) => [
      ...r.notes.map((n) => `- ${r.view} at ${s.policies} (${modeLabel(s)}): ${n}`),
      ...(r.median.slowestQuery > 1000
        ? [
            `- ${r.view} at ${s.policies} (${modeLabel(s)}): slowest query (${ms(r.median.slowestQuery)} ms): \`${r.runs[0]?.slowestQueryText ?? ''}…\``,
          ]
        : []),
    ]),
  );
  return [
    "Prometheus requests per manual refresh (the setup banner's checks are part of the other tabs' refresh), and on opening the view:",
    q,
    '',
    'Time to data, ms (medians over the runs):',
    t,
    '',
    `JS heap after a forced GC, MiB: warm, after ${every} refreshes, after ${2 * every}:`,
    h,
    ...(notes.length ? ['', 'Notes:', ...notes] : []),
  ].join('\n');
};

const downloads = (sizes: SizeResult[]): string => {
  const dist = SNAPSHOT;
  const views = sizes[0]?.views ?? [];
  return markdownTable(
    ['view opened (fresh browser)', 'plugin JS files fetched', 'KiB gz'],
    views.map((v) => [
      v.view,
      v.pluginScripts.map((f) => f.replace(/(-chunk)?[-.][0-9a-f]{20}\.min\.js$/, '')).join(' '),
      kib(v.pluginScripts.reduce((n, f) => n + sizeOf(dist, f).gz, 0)),
    ]),
  );
};

const tableTable = (t: TableResult): string =>
  markdownTable(
    [
      'table',
      'rows',
      'data → table painted ms',
      'sort click → painted ms',
      'scroll frames',
      'max frame ms',
      'p95 frame ms',
      'frames > 50 ms',
      'max rows in DOM',
      'reached last row',
    ],
    [
      [
        [...new Set(t.runs.map((r) => r.table))].join(', '),
        t.rows,
        ms(t.median.renderMs),
        ms(t.median.sortMs),
        t.runs[0]?.scroll.frames ?? 0,
        t.median.maxFrameMs.toFixed(1),
        t.median.p95FrameMs.toFixed(1),
        t.median.over50ms,
        Math.max(...t.runs.map((r) => r.scroll.maxDomRows)),
        t.runs.every((r) => r.scroll.reachedLastRow) ? 'yes' : 'NO',
      ],
    ],
  );

const main = async () => {
  const { values } = parseArgs({
    options: {
      sizes: { type: 'string', default: '10,100,1000,5000' },
      runs: { type: 'string', default: '3' },
      'heap-refreshes': { type: 'string', default: '10' },
      'table-rows': { type: 'string', default: '5000' },
      only: { type: 'string', default: 'bundle,views,table' },
      recovery: { type: 'string', default: RECOVERY_MODES.join(',') },
      views: { type: 'string', default: MEASURE_ORDER.join(',') },
    },
  });
  const modes = (values.recovery ?? '')
    .split(',')
    .filter((m): m is RecoveryMode => RECOVERY_MODES.includes(m as RecoveryMode));
  const chosenViews = new Set((values.views ?? '').split(','));
  const measured = MEASURE_ORDER.filter((v) => chosenViews.has(v));
  if (modes.length === 0) throw new Error(`--recovery wants one or more of ${RECOVERY_MODES.join(',')}`);
  const only = new Set((values.only ?? '').split(','));
  const sizes = (values.sizes ?? '')
    .split(',')
    .map(Number)
    .filter((n) => n > 0);
  const runs = Math.max(1, Number(values.runs));
  const heapRefreshes = Number(values['heap-refreshes']);
  const tableRows = Number(values['table-rows']);
  const log = (s: string) => process.stderr.write(`bench: ${s}\n`);
  const t0 = Date.now();
  assertFreshBuild();
  fs.mkdirSync(OUT, { recursive: true });
  for (const target of BUILD_TARGETS) {
    fs.rmSync(snapshotOf(target), { recursive: true, force: true });
    if (fs.existsSync(path.join(ROOT, target.dist)))
      fs.cpSync(path.join(ROOT, target.dist), snapshotOf(target), { recursive: true });
  }
  const info = machine();
  const report: Record<string, unknown> = { date: new Date().toISOString(), machine: info, runs };
  const sections: string[] = [];

  const errors: string[] = [];
  report.errors = errors;
  const save = () => fs.writeFileSync(path.join(OUT, 'latest.json'), JSON.stringify(report, null, 2));
  /** One part failing (a preview that will not start, a page that never settles) must not lose the others. */
  const part = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      const msg = `${name}: ${e instanceof Error ? e.message : String(e)}`;
      log(`FAILED ${msg}`);
      errors.push(msg);
      sections.push(`## ${name}\nFAILED: ${msg}`);
    }
    save();
  };

  if (only.has('bundle'))
    await part('Bundle', async () => {
      const bundles: BundleReport[] = [];
      for (const target of BUILD_TARGETS) {
        log(`bundle ${target.dist}/`);
        if (!fs.existsSync(snapshotOf(target))) throw new Error(`no ${target.dist}/: run npm run build`);
        bundles.push(await measureBundle(target, snapshotOf(target)));
      }
      report.bundle = bundles[0];
      report.bundles = bundles;
      sections.push(`## Budgets (DESIGN.md 3c), both builds\n${budgetTable(bundles)}`);
      for (const b of bundles)
        sections.push(
          `## Bundle ${b.build.dist}/ for consoles ${b.build.consoles} (gzip -9 per file; cold share scope)\n${bundleTables(b)}`,
        );
    });

  let setupQueries = new Set<string>();
  if (only.has('views') || only.has('table')) {
    const browser = await launchBrowser();
    info.chromium = browser.version();
    try {
      if (only.has('views')) {
        const results: SizeResult[] = [];
        report.views = results;
        for (const policies of sizes)
          for (const mode of modes)
            await part(`${policies} policies, ${mode}`, async () => {
              const { preview, seconds } = await startSized(policies, undefined, mode);
              log(`${policies} policies (${mode}): preview up in ${seconds.toFixed(1)} s`);
              try {
                let recordsAfterSeconds: number | undefined;
                if (mode === 'rules') {
                  // The page reads the records only once the rules have been evaluated: wait for the data itself.
                  const t0 = Date.now();
                  await waitForRecoveryRecords(preview.prometheusUrl, 'kasten-io');
                  recordsAfterSeconds = seconds + (Date.now() - t0) / 1000;
                  log(`  records present ${recordsAfterSeconds.toFixed(0)} s after the start`);
                }
                const views: ViewResult[] = [];
                // The overview last: at large sizes its slow queries keep Prometheus busy after the page gave up on them.
                for (const view of mode === 'rules' ? measured : measured.filter((v) => v === 'overview')) {
                  const r = await measureView(browser, preview, view, { runs, heapRefreshes }).catch((e: unknown) => {
                    throw new Error(`${view}: ${e instanceof Error ? e.message : String(e)}`);
                  });
                  log(`  ${view}: ${ms(r.median.timeToData)} ms to data, ${r.perRefresh.total} queries/refresh`);
                  views.push(r);
                }
                results.push({
                  policies,
                  mode,
                  recordsAfterSeconds,
                  namespaces: namespacesFor(policies),
                  startSeconds: seconds,
                  views,
                });
              } finally {
                await preview.stop();
              }
            });
        setupQueries = new Set(
          results.flatMap((r) => r.views).find((v) => v.view === 'setup')?.perRefresh.queries ?? [],
        );
        sections.push(`## Queries, time to data, heap\n${viewTables(results, setupQueries)}`);
        sections.push(
          `## Plugin JS a browser fetched per view (cross-check of the bundle table)\n${downloads(results)}`,
        );
      }
      if (only.has('table') && tableRows > 0)
        await part('Failures table', async () => {
          const { preview, seconds } = await startSized(tableRows, tableRows);
          log(`table: preview with ${tableRows} failing policies up in ${seconds.toFixed(1)} s`);
          try {
            if (!setupQueries.size) {
              const setup = await measureView(browser, preview, 'setup', { runs: 1, heapRefreshes: 0 });
              setupQueries = new Set(setup.perRefresh.queries);
            }
            const table = await measureTable(browser, preview, { runs, setupQueries });
            report.table = table;
            sections.push(`## Failures table\n${tableTable(table)}${table.note ? `\nNote: ${table.note}.` : ''}`);
          } finally {
            await preview.stop();
          }
        });
    } finally {
      await browser.close();
    }
  }

  info.loadAtEnd = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  report.seconds = (Date.now() - t0) / 1000;
  const head = [
    `Machine: ${info.cpu}, ${info.nproc} cores; memory ${info.memory}; Node ${info.node}; Chromium ${info.chromium || '–'}.`,
    `Load average (1/5/15 min) at start ${info.loadAtStart}, at end ${info.loadAtEnd}. ${runs} run(s) per measurement; ${report.seconds} s in all.`,
  ].join('\n');
  const text = [head, ...sections].join('\n\n');
  save();
  fs.writeFileSync(path.join(OUT, 'latest.md'), `${text}\n`);
  process.stdout.write(`${text}\n\nWritten: reports/bench/latest.json, reports/bench/latest.md\n`);
  if (errors.length) process.exitCode = 1;
};

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
