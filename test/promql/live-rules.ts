/** What the rule-evaluation tests share: they wait for Prometheus' own evaluations, never a guessed time. */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import type { RecordingGroup } from '../../src/promql';
import {
  catalogScrapeConfig,
  freePort,
  startCounter,
  startPrometheus,
  type Labels,
  type MetricFixture,
  type PrometheusServer,
  type VectorSample,
} from '../../dev/prometheus/harness';

export const nowSeconds = (): number => Date.now() / 1000;

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a value (the data itself), failing with the last error after `ms`. */
export const until = async <T>(what: string, check: () => Promise<T | undefined>, ms = 60_000): Promise<T> => {
  const deadline = Date.now() + ms;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const v = await check();
      if (v !== undefined) return v;
    } catch (e) {
      last = e;
    }
    await sleep(250);
  }
  throw new Error(`timed out waiting for ${what}; last: ${String(last)}`);
};

/**
 * Waits until the look-back record no longer holds `policy` (its hold has passed), then for one
 * evaluation of the carrying record after that: from then on only the carry can still know the value.
 */
export const untilOnlyTheCarryKnows = async (
  prom: PrometheusServer,
  opts: { lookbackRecord: string; carryRecord: string; policy: string; hold: string },
): Promise<void> => {
  const { lookbackRecord, carryRecord, policy, hold } = opts;
  const holdOver = await until('the look-back record to leave its hold', async () =>
    (
      await prom.query(
        `last_over_time(${lookbackRecord}{namespace="kasten-io",policy="${policy}"}[${hold}])`,
        nowSeconds(),
      )
    ).length === 0
      ? nowSeconds()
      : undefined,
  );
  await until('a carrying evaluation after the hold', async () => {
    const [row] = await prom.query(`timestamp(${carryRecord}{policy="${policy}"})`, nowSeconds());
    return row && Number(row.value[1]) > holdOver ? true : undefined;
  });
};

export const valueOf = (rows: VectorSample[], match: Labels): number | undefined => {
  const row = rows.find((r) => Object.entries(match).every(([k, v]) => r.metric[k] === v));
  return row ? Number(row.value[1]) : undefined;
};

export interface LiveCatalog {
  prom: PrometheusServer;
  /** The live catalog's scrape address, which the stored series must carry to read as the same target. */
  instance: string;
  /** The rule file Prometheus loads; a test may rewrite it and reload. */
  ruleFile: string;
  stop: () => Promise<void>;
}

/**
 * A live catalog endpoint serving `samples()` at every scrape, a rule file holding `groups`, and a
 * Prometheus with `fixtures(instance)` backfilled that scrapes the endpoint every `scrapeSeconds`
 * and evaluates the rules: what every rule-evaluation test starts from.
 */
export const startLiveCatalog = async (opts: {
  /** The test file, named in the line that says how often it started Prometheus. */
  file: string;
  scrapeSeconds: number;
  samples: () => string[];
  fixtures: (instance: string) => MetricFixture[];
  groups: RecordingGroup[];
  extraArgs?: string[];
}): Promise<LiveCatalog> => {
  const startsBefore = startCounter.starts;
  const port = await freePort();
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/plain; version=0.0.4' });
    res.end(['# TYPE catalog_actions_count gauge', ...opts.samples(), ''].join('\n'));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const instance = `127.0.0.1:${port}`;
  const ruleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-live-rules-'));
  const ruleFile = path.join(ruleDir, 'rules.yml');
  fs.writeFileSync(ruleFile, JSON.stringify({ groups: opts.groups }));
  const stopRest = async () => {
    await new Promise((r) => server.close(r));
    fs.rmSync(ruleDir, { recursive: true, force: true });
  };
  let prom: PrometheusServer;
  try {
    prom = await startPrometheus({
      fixtures: opts.fixtures(instance),
      ...(opts.extraArgs ? { extraArgs: opts.extraArgs } : {}),
      config: catalogScrapeConfig({
        scrapeInterval: `${opts.scrapeSeconds}s`,
        target: instance,
        ruleFiles: [ruleFile],
      }),
    });
  } catch (e) {
    await stopRest();
    throw e;
  }
  return {
    prom,
    instance,
    ruleFile,
    stop: async () => {
      await prom.stop();
      await stopRest();
      process.stdout.write(`promql: ${opts.file} started Prometheus ${startCounter.starts - startsBefore} time(s)\n`);
    },
  };
};
