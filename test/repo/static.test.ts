/**
 * The repository's own promises, as tests: strict types, lint, translations in
 * step with the code, and a build whose manifest carries our extensions.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as semver from 'semver';

const root = path.resolve(__dirname, '../..');
const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, FORCE_COLOR: '0' } });

test('TypeScript compiles in strict mode with no errors', () => {
  expect(() => run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])).not.toThrow();
}, 180_000);

test('the plugin source also compiles against consoles 4.19-4.21 (React 17, react-i18next 11, v6 router, SDK 4.19)', () => {
  expect(() => run('npx', ['tsc', '-p', 'tsconfig.compat.json'])).not.toThrow();
}, 180_000);

test('ESLint (strict type rules, one SDK seam) reports nothing', () => {
  expect(() => run('npx', ['eslint', '--max-warnings=0', '.'])).not.toThrow();
}, 180_000);

test('Prettier finds nothing to reformat', () => {
  expect(() =>
    run('npx', [
      'prettier',
      '--check',
      'src/**/*.{ts,tsx}',
      'dev/**/*.{ts,tsx}',
      'test/**/*.ts',
      'bench/**/*.ts',
      'integration-tests/**/*.ts',
    ]),
  ).not.toThrow();
}, 120_000);

test('every translated string in the code is in locales/en and nothing stale is left there', () => {
  expect(() => run('node', ['scripts/i18n-extract.mjs', '--check'])).not.toThrow();
});

const BUILDS = [
  {
    dist: 'dist',
    range: '>=4.22.0-0',
    admits: ['4.22.0', '4.22.0-rc.1', '4.23.4', '5.0.0'],
    refuses: ['4.21.27', '4.19.0'],
    // Console 4.22 loads plugins with @openshift/dynamic-plugin-sdk's PluginStore.
    entryCallback: '__load_plugin_entry__',
    consumes: { react: '1,18', 'react-router': '' },
    mustNotConsume: ['react-router-dom-v5-compat'],
  },
  {
    dist: 'dist-compat',
    range: '>=4.19.0-0 <4.22.0-0',
    admits: ['4.19.0', '4.20.5', '4.21.27', '4.21.0-ec.1'],
    refuses: ['4.18.30', '4.22.0', '4.22.0-rc.1'],
    // Consoles 4.19-4.21 register window.loadPluginEntry (console-dynamic-plugin-sdk/src/runtime/plugin-loader.ts).
    entryCallback: 'loadPluginEntry',
    consumes: { react: '1,17', 'react-router-dom-v5-compat': '1,6', 'react-i18next': '1,11' },
    // Under these names those consoles share react-router 5.
    mustNotConsume: ['react-router', 'react-router-dom'],
  },
];

describe.each(BUILDS)('built plugin manifest ($dist/ from scripts/test.sh)', (build) => {
  const dist = path.join(root, build.dist);
  type Ext = { type: string; properties: Record<string, unknown> };
  const manifest = (): {
    name: string;
    extensions: Ext[];
    loadScripts: string[];
    registrationMethod: string;
    dependencies: Record<string, string>;
  } => JSON.parse(fs.readFileSync(path.join(dist, 'plugin-manifest.json'), 'utf8'));
  const entry = () => fs.readFileSync(path.join(dist, manifest().loadScripts[0]!), 'utf8');

  test(`names the plugin, depends on console ${build.range} and loads a hashed entry`, () => {
    const m = manifest();
    expect(m.name).toBe('kasten-console-plugin');
    expect(m.dependencies['@console/pluginAPI']).toBe(build.range);
    expect(m.registrationMethod).toBe('callback');
    expect(m.loadScripts).toEqual([expect.stringMatching(/^plugin-entry\.[0-9a-f]+\.min\.js$/)]);
    expect(fs.existsSync(path.join(dist, m.loadScripts[0]!))).toBe(true);
  });

  test('its range admits exactly the consoles it is built for (the console checks it with pre-releases included)', () => {
    const range = manifest().dependencies['@console/pluginAPI']!;
    const ok = (v: string) => semver.satisfies(v, range, { includePrerelease: true });
    expect(build.admits.filter((v) => !ok(v))).toEqual([]);
    expect(build.refuses.filter(ok)).toEqual([]);
  });

  test("its entry registers through that console's callback and takes React and the router from its share scope", () => {
    const text = entry();
    expect(text).toContain(`${build.entryCallback}("kasten-console-plugin`);
    // webpack's consume registrations: ("default","<module>",<eager>,[<range>]).
    const consumed = new Map(
      [...text.matchAll(/"default","([^"]+)",!\d,\[([\d,]+)\]/g)].map((m) => [m[1]!, m[2]!] as const),
    );
    for (const [module, rangePrefix] of Object.entries(build.consumes)) {
      expect(consumed.has(module)).toBe(true);
      expect(consumed.get(module)).toMatch(new RegExp(`^${rangePrefix}`));
    }
    for (const module of build.mustNotConsume) expect(consumed.has(module)).toBe(false);
  });

  test('carries Observe > Kasten, both routes and the Namespace and Project tabs', () => {
    const exts = manifest().extensions;
    const nav = exts.find((e) => e.type === 'console.navigation/href');
    expect(nav?.properties).toMatchObject({
      href: '/kasten',
      section: 'observe',
      perspective: 'admin',
      insertAfter: ['targets', 'dashboards'],
    });
    const route = exts.find((e) => e.type === 'console.page/route');
    expect(route?.properties.path).toEqual(['/kasten', '/kasten/ns/:ns']);
    const tabs = exts.filter((e) => e.type === 'console.tab/horizontalNav').map((e) => e.properties.model);
    expect(tabs).toEqual([
      { version: 'v1', kind: 'Namespace' },
      { group: 'project.openshift.io', version: 'v1', kind: 'Project' },
    ]);
  });

  test('ships its English strings for the console to load', () => {
    expect(fs.existsSync(path.join(dist, 'locales/en/plugin__kasten-console-plugin.json'))).toBe(true);
  });
});
