/**
 * The nginx configuration the chart mounts, run by a real nginx (Debian's) over the built plugin
 * laid out as the Dockerfile's image holds it (dist/ plus the .gz files its build writes): TLS,
 * compression on the wire, cache and security headers, and the settings file served next to the
 * manifest. test/chart/package.test.ts serves the chart's own ConfigMap layout the same way.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { only, render, ROOT } from './helm';
import { freePort, startNginx, type Reply, type ServedNginx } from './nginx-harness';

jest.setTimeout(60_000);

const DIST = path.join(ROOT, 'dist');

let server: ServedNginx;
let settings: string;
const get = (p: string, gzip: boolean): Promise<Reply> => server.get(p, gzip);

const manifest = (): { name: string; loadScripts: string[] } =>
  JSON.parse(fs.readFileSync(path.join(DIST, 'plugin-manifest.json'), 'utf8'));

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'plugin-manifest.json')))
    throw new Error('dist/ is missing: npm run build (scripts/test.sh builds first)');
  const port = await freePort();
  const objects = render({ plugin: { port } });
  const conf = only(objects, 'ConfigMap', 'kasten-console-plugin-nginx').data!['nginx.conf']!;
  settings = only(objects, 'ConfigMap', 'kasten-console-plugin-config').data!['plugin-config.json']!;
  server = await startNginx(conf, port, settings, (root) => {
    fs.cpSync(DIST, root, { recursive: true });
    // What the Dockerfile's build stage does after `npm run build`.
    execFileSync('find', [
      root,
      '-type',
      'f',
      '(',
      '-name',
      '*.js',
      '-o',
      '-name',
      '*.json',
      ')',
      '-exec',
      'gzip',
      '-9',
      '-k',
      '{}',
      '+',
    ]);
  });
});

afterAll(async () => {
  await server?.stop();
});

test('serves the manifest over TLS, never cached', async () => {
  const r = await get('/plugin-manifest.json', false);
  expect(r.status).toBe(200);
  expect(r.headers['cache-control']).toBe('no-cache');
  expect(JSON.parse(r.body.toString()).name).toBe('kasten-console-plugin');
});

test('compresses the entry bundle on the wire and caches it for a year', async () => {
  const entry = manifest().loadScripts[0]!;
  const r = await get(`/${entry}`, true);
  expect(r.status).toBe(200);
  expect(r.headers['content-encoding']).toBe('gzip');
  expect(r.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  expect(zlib.gunzipSync(r.body).equals(fs.readFileSync(path.join(DIST, entry)))).toBe(true);
  expect(r.body.length).toBeLessThan(fs.statSync(path.join(DIST, entry)).size);
});

test('compresses every JS chunk and the JSON files', async () => {
  const files = fs.readdirSync(DIST).filter((f) => f.endsWith('.min.js') && fs.statSync(path.join(DIST, f)).size > 256);
  expect(files.length).toBeGreaterThan(1);
  for (const f of [...files, 'plugin-manifest.json', 'locales/en/plugin__kasten-console-plugin.json']) {
    const r = await get(`/${f}`, true);
    expect(`${f} ${r.status} ${String(r.headers['content-encoding'])}`).toBe(`${f} 200 gzip`);
  }
});

test('serves the settings rendered from values at /plugin-config.json, never cached', async () => {
  const r = await get('/plugin-config.json', false);
  expect(r.status).toBe(200);
  expect(r.headers['content-type']).toBe('application/json');
  expect(r.headers['cache-control']).toBe('no-cache');
  expect(JSON.parse(r.body.toString())).toEqual(JSON.parse(settings));
});

test('every answer, errors included, tells browsers not to guess the type (nosniff)', async () => {
  const entry = manifest().loadScripts[0]!;
  for (const [p, gzip] of [
    ['/plugin-manifest.json', false],
    [`/${entry}`, true],
    [`/${entry}`, false],
    ['/plugin-config.json', false],
    ['/locales/en/plugin__kasten-console-plugin.json', true],
    ['/no-such-file.js', false],
  ] as Array<[string, boolean]>) {
    expect(`${p} ${String((await get(p, gzip)).headers['x-content-type-options'])}`).toBe(`${p} nosniff`);
  }
});

test('a client that does not accept gzip gets the plain bytes of the stored .gz file', async () => {
  const entry = manifest().loadScripts[0]!;
  const r = await get(`/${entry}`, false);
  expect(r.status).toBe(200);
  expect(r.headers['content-encoding']).toBeUndefined();
  expect(r.headers['content-type']).toBe('application/javascript');
  expect(r.body.equals(fs.readFileSync(path.join(DIST, entry)))).toBe(true);
});

test('translations are not cached, unknown paths are 404', async () => {
  expect((await get('/locales/en/plugin__kasten-console-plugin.json', false)).headers['cache-control']).toBe(
    'no-cache',
  );
  expect((await get('/no-such-file.js', false)).status).toBe(404);
});
