/**
 * The console stand-in's HTTP server (the bridge's part): the host page and
 * bundle, the plugin's files under `/api/plugins/<name>/` as the console
 * proxies them, the plugin's locale at the console's own URL, the two
 * Prometheus proxy paths, the fake Kubernetes API, and `/__preview/*` for
 * tests and the benchmark (request counters, Prometheus stop/start).
 */
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import type { Scenario } from '../simulator/scenario';
import type { K8sObject } from './cluster-objects';
import type { PreviewInfo } from './host/App';
import { createFakeK8s, type FakeK8s } from './fake-k8s';
import {
  createPrometheusProxy,
  type PrometheusProxy,
  type ProxyFaults,
  type ProxyStats,
  type Upstream,
} from './prometheus-proxy';
import type { PreviewUser } from './users';
import { consoleProfile, type ConsoleProfile } from './versions';

export const PLUGIN_NAME = 'kasten-console-plugin';
const ROOT = path.resolve(__dirname, '../..');

export interface PluginConfig {
  kastenNamespace: string;
  memoryThresholdBytes: number;
  catalogPvcUsedPercentThreshold: number;
  cpuThresholdCores: number;
  newFailuresWindow: string;
  recoveryPointMaxAgeSeconds: number;
  [key: string]: unknown;
}

export const DEFAULT_PLUGIN_CONFIG: PluginConfig = {
  kastenNamespace: 'kasten-io',
  memoryThresholdBytes: 3221225472,
  catalogPvcUsedPercentThreshold: 50,
  cpuThresholdCores: 2,
  newFailuresWindow: '10m',
  recoveryPointMaxAgeSeconds: 93600,
};

export interface ConsoleOptions {
  scenario: Scenario;
  storyStartMs: number;
  /** The story second the stand-in's Kasten action objects stop at, as the simulator's. */
  storyFreezeAtSeconds?: number;
  user: PreviewUser;
  /** Served by the stand-in's API besides the scenario's objects. */
  extraObjects?: K8sObject[];
  upstream: Upstream;
  pluginConfig: PluginConfig;
  port?: number;
  /** The console stood in for (4.22 by default): its loader, share scope and PatternFly. */
  console?: ConsoleProfile;
  pluginDist?: string;
  hostDist?: string;
  prometheusControl?: { stop(): Promise<void>; start(): Promise<void>; running(): boolean };
}

export interface ConsoleServer {
  url: string;
  port: number;
  stats(): ProxyStats;
  resetStats(): void;
  fakeK8s: FakeK8s;
  proxy: PrometheusProxy;
  setUser(user: PreviewUser): void;
  stop(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'application/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/** Serves a file below `root`, never outside it. */
const serveFile = (res: http.ServerResponse, root: string, rel: string): void => {
  const file = path.resolve(root, `.${path.posix.normalize(`/${rel}`)}`);
  if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found\n');
    return;
  }
  res.writeHead(200, {
    'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'Cache-Control': 'no-cache',
  });
  fs.createReadStream(file).pipe(res);
};

/**
 * The console's host page. Like the real console it loads PatternFly's chart stylesheet for every page
 * (frontend/public/vendor.scss imports '~@patternfly/patternfly/patternfly-charts' in release-4.19 to
 * 4.22): the plugin's chart colours are its variables, and the plugin does not ship it.
 */
const indexHtml = (opts: ConsoleOptions, profile: ConsoleProfile, user: PreviewUser): string => {
  const flags = {
    basePath: '/',
    releaseVersion: profile.releaseVersion,
    prometheusBaseURL: '/api/prometheus',
    prometheusTenancyBaseURL: '/api/prometheus-tenancy',
    alertManagerBaseURL: '/api/alertmanager',
    consolePlugins: [PLUGIN_NAME],
  };
  const preview: PreviewInfo = {
    user,
    kastenNamespace: opts.scenario.kastenNamespace,
    scenario: opts.scenario.scenario,
  };
  const json = (v: unknown) => JSON.stringify(v).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Red Hat OpenShift (local preview)</title>
<link rel="stylesheet" href="/static/patternfly/patternfly.css">
<link rel="stylesheet" href="/static/patternfly/patternfly-addons.css">
<link rel="stylesheet" href="/static/patternfly/patternfly-charts.css">
<script>window.SERVER_FLAGS = ${json(flags)}; window.__PREVIEW__ = ${json(preview)};</script>
</head>
<body>
<div id="app"></div>
<script src="/static/host.js"></script>
</body>
</html>
`;
};

const readJson = (req: http.IncomingMessage): Promise<unknown> =>
  new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        resolve(undefined);
      }
    });
  });

/** The faults a control request may set, or why it is refused. `{}` clears them. */
export const parseFaults = (raw: unknown): ProxyFaults | string => {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'expected a JSON object';
  const r = raw as Record<string, unknown>;
  const out: ProxyFaults = {};
  for (const key of Object.keys(r)) {
    if (key !== 'storeUnreachable' && key !== 'delayMs') return `unknown fault "${key}"`;
  }
  if (r.storeUnreachable !== undefined) {
    if (typeof r.storeUnreachable !== 'string' || r.storeUnreachable === '')
      return 'storeUnreachable: the store address, a non-empty string';
    out.storeUnreachable = r.storeUnreachable;
  }
  if (r.delayMs !== undefined) {
    if (typeof r.delayMs !== 'number' || !Number.isInteger(r.delayMs) || r.delayMs < 0 || r.delayMs > 300_000)
      return 'delayMs: whole milliseconds from 0 to 300000';
    out.delayMs = r.delayMs;
  }
  return out;
};

export const startConsole = async (opts: ConsoleOptions): Promise<ConsoleServer> => {
  const profile = opts.console ?? consoleProfile();
  const pluginDist = opts.pluginDist ?? path.join(ROOT, profile.pluginDist);
  const hostDist = opts.hostDist ?? path.join(ROOT, 'dev/console/dist', profile.hostVariant);
  const patternfly = path.join(ROOT, 'node_modules', profile.patternfly);
  let user = opts.user;
  const fakeK8s = createFakeK8s({
    scenario: opts.scenario,
    storyStartMs: opts.storyStartMs,
    storyFreezeAtSeconds: opts.storyFreezeAtSeconds,
    user: () => user,
    extraObjects: opts.extraObjects,
  });
  const proxy = createPrometheusProxy({ upstream: () => opts.upstream, user: () => user });
  const pluginPrefix = `/api/plugins/${PLUGIN_NAME}/`;

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const p = url.pathname;
    if (p === '/api/prometheus' || p.startsWith('/api/prometheus/') || p.startsWith('/api/prometheus-tenancy/'))
      return proxy.handle(req, res, url);
    if (p.startsWith('/api/kubernetes/')) return fakeK8s.handle(req, res, url);
    if (p === `${pluginPrefix}plugin-config.json`) {
      res
        .writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache' })
        .end(JSON.stringify(opts.pluginConfig));
      return;
    }
    if (p.startsWith(pluginPrefix)) return serveFile(res, pluginDist, p.slice(pluginPrefix.length));
    if (p === '/locales/resource.json') {
      // The console's i18next backend URL; the plugin's strings come from its build.
      const lng = url.searchParams.get('lng') ?? 'en';
      const ns = url.searchParams.get('ns') ?? '';
      if (!/^[a-z]{2}(-[A-Z]{2})?$/.test(lng) || !/^[\w-]+$/.test(ns)) return void res.writeHead(400).end();
      return serveFile(res, path.join(pluginDist, 'locales'), `${lng}/${ns}.json`);
    }
    if (p.startsWith('/static/patternfly/')) return serveFile(res, patternfly, p.slice('/static/patternfly/'.length));
    if (p.startsWith('/static/')) return serveFile(res, hostDist, p.slice('/static/'.length));
    if (p.startsWith('/__preview/')) return preview(req, res, p);
    if (p.startsWith('/api/'))
      return void res.writeHead(404, { 'Content-Type': 'text/plain' }).end('404 page not found\n');
    res
      .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' })
      .end(indexHtml(opts, profile, user));
  };

  const preview = async (req: http.IncomingMessage, res: http.ServerResponse, p: string): Promise<void> => {
    const json = (code: number, body: unknown) =>
      res.writeHead(code, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    if (p === '/__preview/stats' && req.method === 'GET') return void json(200, proxy.stats());
    if (p === '/__preview/stats/reset' && req.method === 'POST') {
      proxy.resetStats();
      return void json(200, proxy.stats());
    }
    if (p === '/__preview/config' && req.method === 'GET') {
      return void json(200, {
        user,
        scenario: opts.scenario.scenario,
        kastenNamespace: opts.scenario.kastenNamespace,
        storyStartMs: opts.storyStartMs,
        storyFreezeAtSeconds: opts.storyFreezeAtSeconds ?? null,
      });
    }
    if (p === '/__preview/created' && req.method === 'GET') return void json(200, fakeK8s.created());
    if (p === '/__preview/prometheus/faults') {
      if (req.method === 'GET') return void json(200, proxy.faults());
      if (req.method === 'POST') {
        const faults = parseFaults(await readJson(req));
        if (typeof faults === 'string') return void json(400, { error: faults });
        proxy.setFaults(faults);
        return void json(200, proxy.faults());
      }
    }
    const control = opts.prometheusControl;
    if ((p === '/__preview/prometheus/stop' || p === '/__preview/prometheus/start') && req.method === 'POST') {
      if (!control) return void json(409, { error: 'Prometheus is not managed by this preview' });
      await (p.endsWith('/stop') ? control.stop() : control.start());
      return void json(200, { running: control.running() });
    }
    json(404, { error: 'unknown preview endpoint' });
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(e));
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    stats: proxy.stats,
    resetStats: proxy.resetStats,
    fakeK8s,
    proxy,
    setUser: (u) => {
      user = u;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
