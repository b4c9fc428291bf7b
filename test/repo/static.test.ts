/**
 * The repository's own promises, as tests: strict types, lint, translations in
 * step with the code, and a build whose manifest carries our extensions.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '../..');
const run = (cmd: string, args: string[]) =>
  execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: 'pipe', env: { ...process.env, FORCE_COLOR: '0' } });

test('TypeScript compiles in strict mode with no errors', () => {
  expect(() => run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'])).not.toThrow();
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

describe('built plugin manifest (dist/ from scripts/test.sh)', () => {
  const manifestPath = path.join(root, 'dist/plugin-manifest.json');
  type Ext = { type: string; properties: Record<string, unknown> };
  const manifest = (): {
    name: string;
    extensions: Ext[];
    loadScripts: string[];
    dependencies: Record<string, string>;
  } => JSON.parse(fs.readFileSync(manifestPath, 'utf8'));

  test('names the plugin, depends on console 4.22+ and loads a hashed entry', () => {
    const m = manifest();
    expect(m.name).toBe('kasten-console-plugin');
    expect(m.dependencies['@console/pluginAPI']).toBe('>=4.22.0-0');
    expect(m.loadScripts).toEqual([expect.stringMatching(/^plugin-entry\.[0-9a-f]+\.min\.js$/)]);
    expect(fs.existsSync(path.join(root, 'dist', m.loadScripts[0]!))).toBe(true);
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
    expect(fs.existsSync(path.join(root, 'dist/locales/en/plugin__kasten-console-plugin.json'))).toBe(true);
  });
});
