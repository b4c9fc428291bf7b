/**
 * The preview's real Prometheus (Debian's package): optional history
 * backfill, the OpenShift CPU recording rule (evaluated live, and over the
 * backfilled history with promtool), then scraping the simulator. It keeps
 * one port and one data directory across stop()/start(), so a browser test
 * can take Prometheus away mid-test and bring it back at the same URL.
 */
import { execFile, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { promisify } from 'util';
import { ensurePrometheusInstalled, freePort, launchPrometheus, stopProc } from './harness';
import { backfill, type BackfillResult } from '../simulator/backfill';
import type { Scenario } from '../simulator/scenario';
import { prometheusConfig, scrapeJobs } from './targets';
import { writeRecoveryRuleFiles, type RecoveryRuleValues } from './recovery-rules';

const execFileP = promisify(execFile);

export const RECORDING_RULES = path.resolve(__dirname, 'recording-rules.yml');

export interface PreviewPrometheusOptions {
  scenario: Scenario;
  simulatorPort: number;
  storyStartMs: number;
  /** Story time when Prometheus starts (the story may have started earlier); history is backfilled up to it. */
  storyNowSeconds?: number;
  scrapeInterval: number;
  /** Hours of history to pre-seed; 0 for none. */
  backfillHours: number;
  backfillStep: number;
  port?: number;
  /** Evaluate the chart's recovery-point rules for these values (see recovery-rules.ts); undefined: without them. */
  recoveryRules?: RecoveryRuleValues;
  log?: (line: string) => void;
}

export interface PreviewPrometheus {
  url: string;
  port: number;
  dataDir: string;
  backfill?: BackfillResult;
  running(): boolean;
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Stops and removes the data directory. */
  dispose(): Promise<void>;
}

const launch = async (configFile: string, dataDir: string, port: number): Promise<ChildProcess> =>
  // Retention counts from the newest block, not the clock (the harness passes 100y); backfilled blocks must survive.
  (await launchPrometheus(configFile, dataDir, { port, readyTimeoutMs: 60_000 })).proc;

const moveBlocks = (fromDir: string, toDir: string): void => {
  if (!fs.existsSync(fromDir)) return;
  for (const entry of fs.readdirSync(fromDir)) {
    if (/^[0-9A-Z]{26}$/.test(entry)) fs.renameSync(path.join(fromDir, entry), path.join(toDir, entry));
  }
};

interface TargetsAnswer {
  data?: { activeTargets?: Array<{ health: string; scrapeUrl: string }> };
}

/**
 * Ready means every target has been scraped once since launch (healthy or not): until then Prometheus holds only the
 * backfill, which stops a scrape step short of the story's now, and a page or test reading it sees the past.
 */
export const waitForFirstScrapes = async (url: string, timeoutMs = 60_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  let pending: string[] = ['(no answer yet)'];
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/api/v1/targets?state=active`);
      const body = (await res.json()) as TargetsAnswer;
      const targets = body.data?.activeTargets ?? [];
      pending = targets.filter((t) => t.health === 'unknown').map((t) => t.scrapeUrl);
      if (targets.length > 0 && pending.length === 0) return;
    } catch {
      // Not answering yet: keep waiting until the deadline.
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(
    `Prometheus at ${url} had not scraped every target after ${timeoutMs / 1000} s: ${pending.join(', ')}`,
  );
};

export const startPreviewPrometheus = async (opts: PreviewPrometheusOptions): Promise<PreviewPrometheus> => {
  ensurePrometheusInstalled();
  const log = opts.log ?? (() => undefined);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-preview-prom-'));
  const dataDir = path.join(dir, 'data');
  fs.mkdirSync(dataDir);
  const port = opts.port ?? (await freePort());
  const jobs = scrapeJobs(opts.scenario);
  const ruleFiles = fs.existsSync(RECORDING_RULES) ? [RECORDING_RULES] : [];

  let backfillResult: BackfillResult | undefined;
  if (opts.backfillHours > 0) {
    backfillResult = await backfill({
      scenario: opts.scenario,
      jobs,
      storyStartMs: opts.storyStartMs,
      untilStorySeconds: opts.storyNowSeconds,
      hours: opts.backfillHours,
      step: opts.backfillStep,
      dataDir,
      workDir: dir,
    });
    log(
      `backfilled ${backfillResult.samples} samples (${opts.backfillHours} h, step ${backfillResult.step} s) in ${backfillResult.millis} ms`,
    );
    // The backfill's own step (coarser than asked for at large sizes), so the one-off evaluation happens once.
    const recovery = opts.recoveryRules
      ? writeRecoveryRuleFiles(dir, opts.recoveryRules, `${backfillResult.step}s`)
      : undefined;
    if (ruleFiles.length || recovery) {
      // Recording rules only run at wall-clock time: evaluate them over the history with promtool against a Prometheus that has it.
      const bare = path.join(dir, 'bare.yml');
      fs.writeFileSync(
        bare,
        prometheusConfig({ jobs: [], simulator: '', closedAddress: '', scrapeInterval: 60, ruleFiles: [] }),
      );
      const proc = await launch(bare, dataDir, port);
      const rulesOut = path.join(dir, 'rules-out');
      const fromRules = (files: string[], start: number, end: number, outDir: string) =>
        execFileP('promtool', [
          'tsdb',
          'create-blocks-from',
          'rules',
          `--url=http://127.0.0.1:${port}`,
          `--start=${start}`,
          `--end=${end}`,
          `--eval-interval=${backfillResult!.step}s`,
          `--output-dir=${outDir}`,
          ...files,
        ]);
      try {
        if (ruleFiles.length) await fromRules(ruleFiles, backfillResult.from, backfillResult.to, rulesOut);
        if (recovery) {
          // The look-back record reads only Kasten's series, so promtool can evaluate it, once, at the end of the
          // history. The carrying records read their own output: promtool cannot evaluate them; they start live.
          const end = backfillResult.to;
          await fromRules(
            [recovery.lookbackOnly],
            Math.max(backfillResult.from, end - backfillResult.step + 1),
            end,
            path.join(dir, 'recovery-out'),
          );
        }
      } finally {
        await stopProc(proc);
      }
      moveBlocks(rulesOut, dataDir);
      moveBlocks(path.join(dir, 'recovery-out'), dataDir);
    }
  }

  const configFile = path.join(dir, 'prometheus.yml');
  const closed = await freePort();
  fs.writeFileSync(
    configFile,
    prometheusConfig({
      jobs,
      simulator: `127.0.0.1:${opts.simulatorPort}`,
      // Nothing listens there: a scrape blocked by a NetworkPolicy fails the same way (up == 0).
      closedAddress: `127.0.0.1:${closed}`,
      scrapeInterval: opts.scrapeInterval,
      ruleFiles: opts.recoveryRules
        ? [...ruleFiles, writeRecoveryRuleFiles(dir, opts.recoveryRules, `${opts.backfillStep}s`).all]
        : ruleFiles,
    }),
  );
  let proc: ChildProcess | undefined = await launch(configFile, dataDir, port);
  await waitForFirstScrapes(`http://127.0.0.1:${port}`);
  const running = () => proc !== undefined && proc.exitCode === null && proc.signalCode === null;
  const stop = async () => {
    if (proc) await stopProc(proc);
    proc = undefined;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    backfill: backfillResult,
    running,
    stop,
    start: async () => {
      if (running()) return;
      proc = await launch(configFile, dataDir, port);
      await waitForFirstScrapes(`http://127.0.0.1:${port}`);
    },
    dispose: async () => {
      await stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};
