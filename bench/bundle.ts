/**
 * Bundle: what each operator's console downloads for the plugin, measured on
 * the real builds (gzip level 9 per file): dist/ for consoles 4.22+ and
 * dist-compat/ for 4.19-4.21, each against the share scope its consoles
 * provide, with proof that those modules are consumed from it, not bundled.
 * Both builds answer to the same budgets (DESIGN.md 3c).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import * as semver from 'semver';
import {
  lazyImports,
  PluginVm,
  shareScopeOf,
  type ConsoleShared,
  type PluginManifest,
  type WebpackRuntime,
} from './plugin-vm';

const ROOT = path.resolve(__dirname, '..');

/** DESIGN.md 3c, in gzip bytes: the same for both builds. */
export const BUDGETS = { pageInitial: 60 * 1024, entry: 4 * 1024, charts: 95 * 1024 } as const;

/** What differs between the two builds' consoles: their shared-module list and versions, and package locations. */
export interface BuildTarget {
  name: string;
  /** Relative to the repository. */
  dist: string;
  consoles: string;
  webpackPlugin: string;
  sdk: string;
}

export const BUILD_TARGETS: BuildTarget[] = [
  {
    name: 'current',
    dist: 'dist',
    consoles: '4.22+',
    webpackPlugin: '@openshift-console/dynamic-plugin-sdk-webpack',
    sdk: '@openshift-console/dynamic-plugin-sdk',
  },
  {
    name: 'compat',
    dist: 'dist-compat',
    consoles: '4.19-4.21',
    webpackPlugin: '@openshift-console/dynamic-plugin-sdk-webpack-4-19',
    sdk: '@openshift-console/dynamic-plugin-sdk-4-19',
  },
];

export interface FileSize {
  file: string;
  raw: number;
  gz: number;
}

export interface ChunkSet {
  name: string;
  files: FileSize[];
  raw: number;
  gz: number;
}

export interface SharedCheck {
  module: string;
  /** The plugin's entry registers a consume for it (so the console's copy is used). */
  consumed: boolean;
  /** Without it in the console's scope, requiring it fails: no fallback copy is bundled. */
  noFallback: boolean | 'not consumed';
  /** A string only that package's own code contains, and in which dist files it was found. */
  marker?: string;
  markerInPackage?: boolean;
  markerInDist: string[];
}

export interface BundleReport {
  build: { name: string; dist: string; consoles: string };
  entry: FileSize;
  pageInitial: ChunkSet;
  namespaceTabInitial: ChunkSet;
  lazy: ChunkSet[];
  allJs: { files: number; raw: number; gz: number };
  shared: SharedCheck[];
  /** Shared modules the plugin itself puts into the scope (e.g. PatternFly fallbacks). */
  providedByPlugin: string[];
  notShared: SharedCheck[];
}

export const sizeOf = (dist: string, file: string): FileSize => {
  const buf = fs.readFileSync(path.join(dist, file));
  return { file, raw: buf.length, gz: zlib.gzipSync(buf, { level: 9 }).length };
};

const chunkSet = (dist: string, name: string, files: string[]): ChunkSet => {
  const sizes = files.map((f) => sizeOf(dist, f));
  return { name, files: sizes, raw: sizes.reduce((n, f) => n + f.raw, 0), gz: sizes.reduce((n, f) => n + f.gz, 0) };
};

const pkgVersion = (name: string): string | undefined => {
  try {
    return (
      JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }
    ).version;
  } catch {
    return undefined;
  }
};

/**
 * The consoles' list of shared modules, from the build's SDK webpack plugin, with versions: 4.22's SDK lists
 * them as peers (this repo pins them), 4.19's as dependencies (the lowest version its range admits).
 */
export const consoleSharedModules = (target: BuildTarget = BUILD_TARGETS[0]!): ConsoleShared[] => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const meta = require(`${target.webpackPlugin}/lib/shared-modules/shared-modules-meta`) as {
    sharedPluginModules: string[];
  };
  const sdk = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', target.sdk, 'package.json'), 'utf8')) as {
    version: string;
    peerDependencies?: Record<string, string>;
    dependencies?: Record<string, string>;
  };
  const lowest = (range: string | undefined) => (range ? semver.minVersion(range)?.version : undefined);
  return meta.sharedPluginModules.map((name) => ({
    name,
    version:
      target.name === 'current'
        ? (pkgVersion(name) ?? sdk.peerDependencies?.[name]?.replace(/^[~^]/, '') ?? sdk.version)
        : (lowest(sdk.dependencies?.[name]) ?? sdk.version),
  }));
};

/** Strings found only in one package's production code: present in the package, so their absence in dist/ means something. */
interface Marker {
  module: string;
  marker: string;
  file: string | (() => string | undefined);
}
const MARKERS: Marker[] = [
  {
    module: 'react',
    marker: 'act(...) is not supported in production builds of React',
    file: 'react/cjs/react.production.min.js',
  },
  {
    module: 'react-i18next',
    marker: 'You will need to pass in an i18next instance',
    file: 'react-i18next/dist/es/useTranslation.js',
  },
  {
    module: 'react-router',
    marker: 'may be used only in the context of a <Router> component',
    file: () => {
      const dir = path.join(ROOT, 'node_modules/react-router/dist/production');
      const hit = fs
        .readdirSync(dir)
        .find((f) => f.endsWith('.mjs') && fs.readFileSync(path.join(dir, f), 'utf8').includes('<Router> component'));
      return hit && `react-router/dist/production/${hit}`;
    },
  },
  {
    module: '@openshift-console/dynamic-plugin-sdk',
    marker: '@console/dynamic-plugin-sdk/src',
    file: '@openshift-console/dynamic-plugin-sdk/lib/api/core-api.js',
  },
  {
    module: '@openshift/dynamic-plugin-sdk',
    marker: 'Failed to resolve dependencies of plugin',
    file: '@openshift/dynamic-plugin-sdk/dist/index.esm.js',
  },
  // Not console-shared in 4.22, and the plugin must not need it: PatternFly's portals would pull it in.
  {
    module: 'react-dom',
    marker: 'unstable_renderSubtreeIntoContainer',
    file: 'react-dom/cjs/react-dom.production.min.js',
  },
];

/** The same, in the packages consoles 4.19-4.21 share (npm aliases here). */
const COMPAT_MARKERS: Marker[] = [
  // React 17 has no production act(); its no-op update queue is in react alone (not react-dom, not the JSX runtime).
  { module: 'react', marker: 'isMounted:function(){return!1}', file: 'react-17/cjs/react.production.min.js' },
  {
    module: 'react-i18next',
    marker: 'You will need to pass in an i18next instance',
    file: 'react-i18next-11/dist/es/useTranslation.js',
  },
  {
    module: 'react-router-dom-v5-compat',
    marker: 'may be used only in the context of a <Router> component',
    file: 'react-router-dom-v5-compat-6-11/node_modules/react-router/dist/index.js',
  },
  {
    module: '@openshift-console/dynamic-plugin-sdk',
    marker: '@console/dynamic-plugin-sdk/src',
    file: '@openshift-console/dynamic-plugin-sdk-4-19/lib/api/core-api.js',
  },
  {
    module: 'react-dom',
    marker: 'unstable_renderSubtreeIntoContainer',
    file: 'react-dom-17/cjs/react-dom.production.min.js',
  },
];

const markerCheck = (module: string, jsFiles: Array<{ file: string; text: string }>, target: BuildTarget) => {
  const m = (target.name === 'current' ? MARKERS : COMPAT_MARKERS).find((x) => x.module === module);
  if (!m) return { markerInDist: [] as string[] };
  const rel = typeof m.file === 'string' ? m.file : m.file();
  const inPackage =
    rel !== undefined &&
    fs.existsSync(path.join(ROOT, 'node_modules', rel)) &&
    fs.readFileSync(path.join(ROOT, 'node_modules', rel), 'utf8').includes(m.marker);
  return {
    marker: m.marker,
    markerInPackage: inPackage,
    markerInDist: jsFiles.filter((f) => f.text.includes(m.marker)).map((f) => f.file),
  };
};

/** Consume registrations in the entry: module id -> shared key (`<id>:()=>s("default","react",...)`). */
const consumesOf = (entryText: string): Map<string, string> =>
  new Map([...entryText.matchAll(/(\d+):\(\)=>\w+\("default","([^"]+)"/g)].map((m) => [m[1]!, m[2]!]));

/**
 * How each lazy part is named in the tables: by its webpackChunkName (the prefix of its named file), or, for
 * the parts with no named chunk, by a string only their code holds. The charts label must keep "charts":
 * the budget row finds the chunk by it.
 */
const LAZY_LABELS: Array<{ chunk: string; label: string } | { needle: string; label: string }> = [
  { chunk: 'charts', label: 'charts (TimeSeriesChart)' },
  { chunk: 'alert', label: 'alert (PatternFly Alert: query errors, notes)' },
  { chunk: 'table', label: "data table (the views' tables)" },
  { chunk: 'queries', label: 'query blocks ("Show queries")' },
  { chunk: 'failed-actions', label: 'failed actions and action details (Overview)' },
  { chunk: 'volumes', label: 'volumes table (Resources)' },
  { chunk: 'action-resources', label: 'action resources (Namespace tab)' },
  { needle: '"data-test":"setup-checks"', label: 'setup checks (Setup tab)' },
  { needle: '"data-test":"setup-banner"', label: 'setup banner (Overview)' },
];

const lazyLabel = (files: string[], texts: string): string | undefined =>
  LAZY_LABELS.filter((l) =>
    'chunk' in l ? files.some((f) => f.startsWith(`${l.chunk}-chunk-`)) : texts.includes(l.needle),
  )
    .map((l) => l.label)
    .join(' + ') || undefined;

export const measureBundle = async (
  target: BuildTarget = BUILD_TARGETS[0]!,
  dist = path.join(ROOT, target.dist),
): Promise<BundleReport> => {
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'plugin-manifest.json'), 'utf8')) as PluginManifest;
  const consoleModules = consoleSharedModules(target);
  const fresh = async (scopeModules = consoleModules) => {
    const pvm = new PluginVm(dist, manifest);
    await pvm.init(shareScopeOf(scopeModules, pvm.consumed));
    return pvm;
  };

  const page = await fresh();
  await page.getExposed('KastenPage');
  const pageFiles = [...page.requested];
  const entryFile = manifest.loadScripts[0]!;

  const nsTab = await fresh();
  await nsTab.getExposed('KastenNamespaceTab');

  // Lazy chunks: each import() found in the loaded code, requested through the runtime after the page's own chunks.
  const lazy: ChunkSet[] = [];
  const seen = new Set<string>();
  let pending = lazyImports(page.runtime as WebpackRuntime);
  for (let depth = 0; depth < 3 && pending.length; depth++) {
    const next: typeof pending = [];
    for (const imp of pending) {
      const key = imp.chunkIds.join(',');
      if (seen.has(key)) continue;
      seen.add(key);
      const pvm = await fresh();
      await pvm.getExposed('KastenPage');
      const before = pvm.requested.length;
      await pvm.loadChunks(imp.chunkIds);
      const files = pvm.requested.slice(before);
      const texts = files.map((f) => fs.readFileSync(path.join(dist, f), 'utf8')).join('\n');
      lazy.push(chunkSet(dist, lazyLabel(files, texts) ?? `import() of module ${imp.moduleId}`, files));
      next.push(...lazyImports(pvm.runtime as WebpackRuntime));
    }
    pending = next;
  }

  const jsFiles = fs
    .readdirSync(dist)
    .filter((f) => f.endsWith('.js'))
    .map((file) => ({ file, text: fs.readFileSync(path.join(dist, file), 'utf8') }));
  const consumes = consumesOf(fs.readFileSync(path.join(dist, entryFile), 'utf8'));
  const consumedNames = new Set(consumes.values());

  const shared: SharedCheck[] = [];
  for (const mod of consoleModules) {
    let noFallback: SharedCheck['noFallback'] = 'not consumed';
    const id = [...consumes.entries()].find(([, name]) => name === mod.name)?.[0];
    if (id !== undefined) {
      // Take the module out of the console's scope: with a bundled fallback the require would still succeed.
      const pvm = await fresh(consoleModules.filter((m) => m.name !== mod.name));
      await pvm.getExposed('KastenPage');
      try {
        (pvm.runtime as unknown as (id: string) => unknown)(id);
        noFallback = false;
      } catch (e) {
        noFallback = /doesn't exist in shared scope/.test(String(e));
      }
    }
    shared.push({
      module: mod.name,
      consumed: consumedNames.has(mod.name),
      noFallback,
      ...markerCheck(mod.name, jsFiles, target),
    });
  }
  const consoleNames = new Set(consoleModules.map((m) => m.name));
  const scopeKeys = Object.keys(
    (page.runtime as unknown as { S?: Record<string, Record<string, unknown>> }).S?.default ?? {},
  );
  const all = chunkSet(
    dist,
    'all',
    jsFiles.map((f) => f.file),
  );
  return {
    build: { name: target.name, dist: target.dist, consoles: target.consoles },
    entry: sizeOf(dist, entryFile),
    pageInitial: chunkSet(dist, 'KastenPage initial (entry + chunks before the page module runs)', pageFiles),
    namespaceTabInitial: chunkSet(dist, 'KastenNamespaceTab initial', [...nsTab.requested]),
    lazy,
    allJs: { files: all.files.length, raw: all.raw, gz: all.gz },
    shared,
    providedByPlugin: scopeKeys.filter((k) => !consoleNames.has(k)),
    notShared: [
      {
        module: 'react-dom',
        consumed: false,
        noFallback: 'not consumed',
        ...markerCheck('react-dom', jsFiles, target),
      },
    ],
  };
};
