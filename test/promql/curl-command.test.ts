/**
 * The "Copy curl command" text run for real: bash, the real curl, TLS to a
 * loopback stand-in for the Thanos querier route (a self-signed certificate
 * playing the cluster's ingress CA) that checks the bearer token and passes
 * the request to a real Prometheus. Only `oc` is a shell function, answering
 * what the cluster would: the route host, the user's token, the CA bundle.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as https from 'https';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { shellQuote, thanosCurlCommand } from '../../src/models/prometheus/curl';
import { startPrometheus, type PrometheusServer } from '../../dev/prometheus/harness';
import { selfSignedCertificate } from '../../dev/tls';

const execFileP = promisify(execFile);
const TOKEN = 'sha256~user-token';
let prom: PrometheusServer;
let route: https.Server;
let dir: string;
let host: string;
const seen: Array<{ path: string; auth: string | undefined }> = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-curl-'));
  const tls = selfSignedCertificate(dir, '127.0.0.1', { key: 'key.pem', cert: 'ca.pem' });
  prom = await startPrometheus({ fixtures: [] });
  route = https.createServer({ key: fs.readFileSync(tls.keyFile), cert: fs.readFileSync(tls.certFile) }, (req, res) => {
    seen.push({ path: req.url ?? '', auth: req.headers.authorization });
    // kube-rbac-proxy in front of the querier: no valid token, no answer.
    if (req.headers.authorization !== `Bearer ${TOKEN}`) return void res.writeHead(401).end('Unauthorized\n');
    http
      .get(`${prom.url}${req.url ?? ''}`, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      })
      .on('error', () => res.writeHead(502).end());
  });
  await new Promise<void>((resolve) => route.listen(0, '127.0.0.1', resolve));
  host = `127.0.0.1:${(route.address() as AddressInfo).port}`;
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => (route ? route.close(() => resolve()) : resolve()));
  await prom?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Runs the pasted command in bash with `oc` answering as the cluster would; `caReadable` false: the ConfigMap is forbidden. */
const paste = async (command: string, caReadable = true): Promise<{ code: number; out: string }> => {
  const oc = [
    `oc() { case "$*" in`,
    `  *"get route thanos-querier"*) printf %s ${shellQuote(host)} ;;`,
    `  "whoami -t") printf %s ${shellQuote(TOKEN)} ;;`,
    caReadable
      ? `  *default-ingress-cert*) cat ${shellQuote(path.join(dir, 'ca.pem'))} ;;`
      : `  *default-ingress-cert*) echo 'Error from server (Forbidden)' >&2; return 1 ;;`,
    `  *) return 1 ;;`,
    `esac; }`,
  ].join('\n');
  try {
    const { stdout } = await execFileP('bash', ['-c', `${oc}\n${command}`], { encoding: 'utf8' });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code?: number; stdout?: string };
    return { code: err.code ?? -1, out: err.stdout ?? '' };
  }
};

test("an instant query, with awkward quotes, comes back from Prometheus over verified TLS with the user's token", async () => {
  // Shell-special characters in the query text; ($ is left out: label_replace would expand it itself.)
  const query = `label_replace(vector(42), "policy", "it's \\"nightly\\" \\\\ \`id\` !x", "", "")`;
  const { code, out } = await paste(thanosCurlCommand(query));
  expect(code).toBe(0);
  const body = JSON.parse(out) as {
    status: string;
    data: { result: Array<{ metric: object; value: [number, string] }> };
  };
  expect(body.status).toBe('success');
  expect(body.data.result).toHaveLength(1);
  expect(body.data.result[0]?.metric).toEqual({ policy: 'it\'s "nightly" \\ `id` !x' });
  expect(body.data.result[0]?.value[1]).toBe('42');
  expect(seen.at(-1)).toMatchObject({ auth: `Bearer ${TOKEN}` });
  expect(seen.at(-1)?.path.startsWith('/api/v1/query?')).toBe(true);
});

test('a range panel command is a query_range Prometheus accepts, with the window and step it asked for', async () => {
  const { code, out } = await paste(thanosCurlCommand('vector(1)', { spanSeconds: 600, stepSeconds: 60 }));
  expect(code).toBe(0);
  const body = JSON.parse(out) as {
    status: string;
    data: { resultType: string; result: Array<{ values: unknown[] }> };
  };
  expect(body.status).toBe('success');
  expect(body.data.resultType).toBe('matrix');
  // 600 s at a 60 s step, both ends included.
  expect(body.data.result[0]?.values).toHaveLength(11);
  const sent = new URL(seen.at(-1)?.path ?? '', 'https://x');
  expect(sent.pathname).toBe('/api/v1/query_range');
  const start = Number(sent.searchParams.get('start'));
  const end = Number(sent.searchParams.get('end'));
  expect([end - start, end % 60, sent.searchParams.get('step')]).toEqual([600, 0, '60']);
});

test('TLS is really verified: when the CA cannot be read, curl refuses the untrusted certificate instead of going on', async () => {
  const before = seen.length;
  const { code } = await paste(thanosCurlCommand('vector(1)'), false);
  // 60: peer certificate cannot be authenticated with known CA certificates.
  expect(code).toBe(60);
  expect(seen.length).toBe(before);
});
