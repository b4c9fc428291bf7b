/**
 * A real Prometheus for tests: Debian's `prometheus` package run as a plain
 * process on a free loopback port, fed by backfilling OpenMetrics fixtures with
 * `promtool tsdb create-blocks-from openmetrics` at timestamps the test chooses.
 * Pitfalls this guards against (shared/research/test-infrastructure.md): seconds
 * not milliseconds, series in time order, `# EOF`, 2 h block alignment, and
 * retention measured from the newest block (hence 100y).
 */
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

export type Labels = Record<string, string>;
/** [unix seconds, value] */
export type Point = [number, number];

export interface SeriesFixture {
  labels: Labels;
  points: Point[];
}

export interface MetricFixture {
  name: string;
  type: 'gauge' | 'counter' | 'unknown';
  help?: string;
  series: SeriesFixture[];
}

export interface VectorSample {
  metric: Labels;
  value: [number, string];
}

export interface MatrixSeries {
  metric: Labels;
  values: Array<[number, string]>;
}

export interface PrometheusServer {
  url: string;
  dataDir: string;
  /** Instant query at an explicit evaluation time (unix seconds). */
  query(expr: string, time: number): Promise<VectorSample[]>;
  queryRange(expr: string, start: number, end: number, step: number): Promise<MatrixSeries[]>;
  /** Raw API call, for error-path tests: returns HTTP status and parsed body. */
  raw(pathAndQuery: string): Promise<{ status: number; body: unknown }>;
  /** Stops the process only, keeping port and data: a Prometheus restart, as a pod restart with a PVC. */
  kill(): Promise<void>;
  /** Starts the process again on the same port and data after `kill`. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export interface StartOptions {
  fixtures: MetricFixture[];
  /**
   * Recording-rule files (Prometheus YAML). Rules only evaluate at wall-clock
   * time, so for backfilled data they are evaluated with
   * `promtool tsdb create-blocks-from rules` over [start, end] and the blocks
   * are added before the final start.
   */
  recordingRules?: { file: string; start: number; end: number; evalInterval?: string };
  extraArgs?: string[];
  /**
   * Full prometheus.yml, for tests that need live scraping (staleness markers
   * only exist there: backfilled data cannot carry them). Default: no scraping.
   */
  config?: string;
}

export const TWO_HOURS = 7200;

/** Start of a 2 h TSDB block, so a fixture stays in one block. */
export const alignToBlock = (t: number): number => t - (t % TWO_HOURS);

export const ensurePrometheusInstalled = (): void => {
  const has = (bin: string): boolean => {
    try {
      execFileSync('sh', ['-c', `command -v ${bin}`], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  };
  if (has('prometheus') && has('promtool')) return;
  execFileSync(
    'sh',
    [
      '-c',
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus',
    ],
    {
      stdio: 'inherit',
    },
  );
};

export const escapeOpenMetricsLabelValue = (v: string): string =>
  v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

const formatLabels = (labels: Labels): string => {
  const entries = Object.entries(labels);
  if (entries.length === 0) return '';
  return `{${entries.map(([k, v]) => `${k}="${escapeOpenMetricsLabelValue(v)}"`).join(',')}}`;
};

/** OpenMetrics text for promtool; each series sorted by time, since promtool silently drops out-of-order samples. */
export const toOpenMetrics = (fixtures: MetricFixture[]): string => {
  const lines: string[] = [];
  for (const m of fixtures) {
    lines.push(`# HELP ${m.name} ${m.help ?? m.name}`);
    lines.push(`# TYPE ${m.name} ${m.type}`);
    for (const s of m.series) {
      const sorted = [...s.points].sort((a, b) => a[0] - b[0]);
      for (const [t, v] of sorted) {
        if (!Number.isInteger(t) || t > 1e11) throw new Error(`timestamp must be whole seconds, got ${t}`);
        lines.push(`${m.name}${formatLabels(s.labels)} ${v} ${t}`);
      }
    }
  }
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
};

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every start is counted so the closing note can say how many a run made. */
export const startCounter = { starts: 0 };

export interface Running {
  proc: ChildProcess;
  port: number;
  log: string[];
}

/**
 * Starts Prometheus on loopback and waits until it is ready. Shared with the
 * local preview (dev/prometheus/launcher.ts), which passes a fixed port so a
 * restart keeps its URL.
 */
export const launchPrometheus = async (
  configFile: string,
  dataDir: string,
  opts: { port?: number; extraArgs?: string[]; readyTimeoutMs?: number } = {},
): Promise<Running> => {
  const port = opts.port ?? (await freePort());
  const extraArgs = opts.extraArgs ?? [];
  const readyTimeoutMs = opts.readyTimeoutMs ?? 30_000;
  const log: string[] = [];
  const proc = spawn(
    'prometheus',
    [
      `--config.file=${configFile}`,
      `--storage.tsdb.path=${dataDir}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=100y',
      '--log.level=warn',
      ...extraArgs,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  startCounter.starts += 1;
  proc.stdout?.on('data', (d: Buffer) => log.push(d.toString()));
  proc.stderr?.on('data', (d: Buffer) => log.push(d.toString()));
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`prometheus exited with ${proc.exitCode}:\n${log.join('')}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/-/ready`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`prometheus not ready after ${readyTimeoutMs / 1000} s:\n${log.join('')}`);
    }
    await sleep(50);
  }
  return { proc, port, log };
};

/** SIGTERM, then SIGKILL after 5 s; resolves once the process is gone. */
export const stopProc = (proc: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
    proc.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    proc.kill('SIGTERM');
  });

const moveBlocks = (fromDir: string, toDir: string): void => {
  for (const entry of fs.readdirSync(fromDir)) {
    if (/^[0-9A-Z]{26}$/.test(entry)) fs.renameSync(path.join(fromDir, entry), path.join(toDir, entry));
  }
};

export const startPrometheus = async (opts: StartOptions): Promise<PrometheusServer> => {
  ensurePrometheusInstalled();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-prom-'));
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir);
  if (opts.fixtures.length > 0) {
    const fixtureFile = path.join(dir, 'fixture.om');
    fs.writeFileSync(fixtureFile, toOpenMetrics(opts.fixtures));
    execFileSync('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', fixtureFile, dataDir], { stdio: 'pipe' });
  }
  const configFile = path.join(dir, 'prometheus.yml');
  fs.writeFileSync(configFile, opts.config ?? 'global:\n  scrape_interval: 1h\nscrape_configs: []\n');
  const extraArgs = opts.extraArgs ?? [];

  let running = await launchPrometheus(configFile, dataDir, { extraArgs });
  if (opts.recordingRules) {
    const { file, start, end, evalInterval } = opts.recordingRules;
    const rulesOut = path.join(dir, 'rules-out');
    execFileSync(
      'promtool',
      [
        'tsdb',
        'create-blocks-from',
        'rules',
        `--url=http://127.0.0.1:${running.port}`,
        `--start=${start}`,
        `--end=${end}`,
        `--eval-interval=${evalInterval ?? '30s'}`,
        `--output-dir=${rulesOut}`,
        file,
      ],
      { stdio: 'pipe' },
    );
    // A restart picks the new blocks up at once; a running server would take its time to notice them.
    await stopProc(running.proc);
    moveBlocks(rulesOut, dataDir);
    running = await launchPrometheus(configFile, dataDir, { extraArgs });
  }
  const base = `http://127.0.0.1:${running.port}`;

  const api = async (p: string): Promise<{ status: number; body: unknown }> => {
    const res = await fetch(`${base}${p}`);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* keep text */
    }
    return { status: res.status, body };
  };

  const data = async <T>(p: string): Promise<T> => {
    const { status, body } = await api(p);
    const b = body as { status?: string; data?: { result: T }; error?: string };
    if (status !== 200 || b.status !== 'success' || !b.data) {
      throw new Error(`Prometheus ${status}: ${typeof body === 'string' ? body : JSON.stringify(body)}`);
    }
    return b.data.result;
  };

  return {
    url: base,
    dataDir,
    query: (expr, time) =>
      data<VectorSample[]>(`/api/v1/query?${new URLSearchParams({ query: expr, time: String(time) }).toString()}`),
    queryRange: (expr, start, end, step) =>
      data<MatrixSeries[]>(
        `/api/v1/query_range?${new URLSearchParams({ query: expr, start: String(start), end: String(end), step: String(step) }).toString()}`,
      ),
    raw: api,
    kill: () => stopProc(running.proc),
    restart: async () => {
      running = await launchPrometheus(configFile, dataDir, { extraArgs, port: running.port });
    },
    stop: async () => {
      await stopProc(running.proc);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};

/** Points every `step` seconds from `from` to `to` inclusive, value chosen per time. */
export const pointsEvery = (from: number, to: number, step: number, value: (t: number) => number): Point[] => {
  const out: Point[] = [];
  for (let t = from; t <= to; t += step) out.push([t, value(t)]);
  return out;
};

/** A step function: value of the last breakpoint at or before t. */
export const steps =
  (initial: number, changes: Array<[number, number]>) =>
  (t: number): number => {
    let v = initial;
    for (const [at, val] of changes) if (t >= at) v = val;
    return v;
  };

/**
 * prometheus.yml for tests that scrape a live Kasten catalog stand-in: one `catalog-svc` job labelled with the
 * Kasten namespace, as the ServiceMonitor of the tutorial gives it, and optionally rule files Prometheus evaluates.
 */
export const catalogScrapeConfig = (opts: {
  scrapeInterval: string;
  target: string;
  ruleFiles?: readonly string[];
  kastenNamespace?: string;
}): string =>
  [
    'global:',
    `  scrape_interval: ${opts.scrapeInterval}`,
    '  scrape_timeout: 500ms',
    ...(opts.ruleFiles?.length ? [`rule_files: [${opts.ruleFiles.map((f) => `'${f}'`).join(', ')}]`] : []),
    'scrape_configs:',
    '  - job_name: catalog-svc',
    '    static_configs:',
    `      - targets: ['${opts.target}']`,
    `        labels: { namespace: ${opts.kastenNamespace ?? 'kasten-io'} }`,
    '',
  ].join('\n');
