/**
 * Debian's nginx running the chart's rendered nginx.conf over a folder the test fills (the plugin
 * files, as the image or the chart's ConfigMap volume would hold them). Only host paths and the
 * listen address are rewritten: loopback, a free port, a temporary root and a self-signed
 * certificate.
 */
import { spawn, spawnSync, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as https from 'https';
import * as os from 'os';
import * as path from 'path';
import { freePort } from '../../dev/prometheus/harness';
import { selfSignedCertificate } from '../../dev/tls';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface ServedNginx {
  port: number;
  /** The plugin's files go here before `start`. */
  root: string;
  get: (p: string, gzip: boolean) => Promise<Reply>;
  stop: () => Promise<void>;
}

const nginxBinary = (): string => {
  // Debian puts nginx in /usr/sbin, which a non-root PATH often lacks.
  const found = spawnSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n')[0];
  if (!found) throw new Error('nginx not found: run scripts/ensure-deps.sh (installs the Debian nginx package)');
  return found;
};

/** `conf` is the chart's rendered nginx.conf for `port`; `fill` writes the served files into the root. */
export const startNginx = async (
  conf: string,
  port: number,
  settings: string,
  fill: (root: string) => void,
): Promise<ServedNginx> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-nginx-'));
  // nginx started as root serves through workers running as nobody.
  fs.chmodSync(dir, 0o755);
  const root = path.join(dir, 'root');
  fs.mkdirSync(root);
  fill(root);
  fs.mkdirSync(path.join(dir, 'config'));
  fs.writeFileSync(path.join(dir, 'config/plugin-config.json'), settings);
  fs.mkdirSync(path.join(dir, 'cert'));
  const ca = fs.readFileSync(selfSignedCertificate(path.join(dir, 'cert'), 'localhost').certFile, 'utf8');
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
    .join(root);
  if (/\/tmp\/nginx|\/var\/cert|\/opt\/app-root/.test(local))
    throw new Error('nginx.conf has a path the test did not map');
  fs.writeFileSync(path.join(dir, 'nginx.conf'), local);

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

  const log: string[] = [];
  // The access log goes to /dev/stdout, which nginx opens by path: a socket (jest's pipes) cannot be opened that way.
  const nginx: ChildProcess = spawn(nginxBinary(), ['-e', 'stderr', '-c', path.join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  nginx.stderr?.on('data', (d: Buffer) => log.push(d.toString()));
  const stop = async (): Promise<void> => {
    if (nginx.exitCode === null) {
      const exited = new Promise((r) => nginx.once('exit', r));
      nginx.kill('SIGQUIT');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited with ${nginx.exitCode}:\n${log.join('')}`);
    try {
      await get('/plugin-manifest.json', false);
      break;
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`nginx not answering:\n${log.join('')}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { port, root, get, stop };
};

export { freePort };
