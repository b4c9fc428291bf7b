/**
 * The nginx configuration the chart mounts, run by a real nginx (Debian's) over the built plugin
 * in dist/: TLS, compression of JS and JSON on the wire, cache headers, and the settings file
 * served next to the manifest. Only the host paths and the listen address are rewritten for the
 * test (loopback, a free port, a temporary root and a self-signed certificate).
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { freePort } from '../../dev/prometheus/harness';
import { only, render, ROOT } from './helm';

jest.setTimeout(60_000);

const DIST = path.join(ROOT, 'dist');

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let dir: string;
let port: number;
let ca: string;
let nginx: ChildProcess | undefined;
let nginxBin = 'nginx';
let settings: string;
const log: string[] = [];

const get = (p: string, gzip: boolean): Promise<Reply> =>
  new Promise((resolve, reject) => {
    const req = https.get(
      {
        host: '127.0.0.1',
        port,
        path: p,
        ca,
        servername: 'localhost',
        headers: gzip ? { 'Accept-Encoding': 'gzip' } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      },
    );
    req.on('error', reject);
  });

const manifest = (): { name: string; loadScripts: string[] } =>
  JSON.parse(fs.readFileSync(path.join(DIST, 'plugin-manifest.json'), 'utf8'));

beforeAll(async () => {
  // Debian puts nginx in /usr/sbin, which a non-root PATH often lacks.
  const found = spawnSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n')[0];
  if (!found) throw new Error('nginx not found: run scripts/ensure-deps.sh (installs the Debian nginx package)');
  nginxBin = found;
  if (!fs.existsSync(path.join(DIST, 'plugin-manifest.json')))
    throw new Error('dist/ is missing: npm run build (scripts/test.sh builds first)');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-nginx-'));
  // nginx started as root serves through workers running as nobody.
  fs.chmodSync(dir, 0o755);
  port = await freePort();
  const objects = render({ plugin: { port } });
  const conf = only(objects, 'ConfigMap', 'kasten-console-plugin-nginx').data!['nginx.conf']!;
  settings = only(objects, 'ConfigMap', 'kasten-console-plugin-config').data!['plugin-config.json']!;

  fs.cpSync(DIST, path.join(dir, 'root'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'config'));
  fs.writeFileSync(path.join(dir, 'config/plugin-config.json'), settings);
  fs.mkdirSync(path.join(dir, 'cert'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost',
      '-keyout',
      path.join(dir, 'cert/tls.key'),
      '-out',
      path.join(dir, 'cert/tls.crt'),
    ],
    { stdio: 'pipe' },
  );
  ca = fs.readFileSync(path.join(dir, 'cert/tls.crt'), 'utf8');
  const local = conf
    .split(' /tmp/')
    .join(` ${dir}/`)
    .replace(`listen ${port} ssl;`, `listen 127.0.0.1:${port} ssl;`)
    .replace(`listen [::]:${port} ssl;`, '')
    .split('/var/cert/')
    .join(`${dir}/cert/`)
    .split('/etc/kasten-console-plugin/config/')
    .join(`${dir}/config/`)
    .split('/opt/app-root/src')
    .join(`${dir}/root`);
  expect(local).not.toMatch(/\/tmp\/nginx|\/var\/cert|\/opt\/app-root/);
  fs.writeFileSync(path.join(dir, 'nginx.conf'), local);

  // The access log goes to /dev/stdout, which nginx opens by path: a socket (jest's pipes) cannot be opened that way.
  nginx = spawn(nginxBin, ['-e', 'stderr', '-c', path.join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  nginx.stderr?.on('data', (d: Buffer) => log.push(d.toString()));
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode}:\n${log.join('')}`);
    try {
      await get('/plugin-manifest.json', false);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx not answering:\n${log.join('')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
});

afterAll(async () => {
  if (nginx && nginx.exitCode === null) {
    const exited = new Promise((r) => nginx?.once('exit', r));
    nginx.kill('SIGQUIT');
    await exited;
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
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

test('translations are not cached, unknown paths are 404', async () => {
  expect((await get('/locales/en/plugin__kasten-console-plugin.json', false)).headers['cache-control']).toBe(
    'no-cache',
  );
  expect((await get('/no-such-file.js', false)).status).toBe(404);
});
