/**
 * Pre-seeds history: the story's past (negative story time) written as
 * OpenMetrics with the labels the scrape jobs would have stored, then turned
 * into TSDB blocks by promtool, so charts have data the moment the preview
 * opens. The budget keeps the file near 1.5 M samples whatever the size:
 * large scenarios get a coarser step.
 */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { storedLabels, type ScrapeJob } from '../prometheus/targets';
import { kastenFamilies, platformFamilies, writeOpenMetrics, type FamilyDef } from './exposition';
import type { Scenario } from './scenario';

const execFileP = promisify(execFile);

export const SAMPLE_BUDGET = 1_500_000;

export interface BackfillOptions {
  scenario: Scenario;
  jobs: ScrapeJob[];
  storyStartMs: number;
  hours: number;
  /** Story time the history runs up to (the story may have started earlier than now); 0 by default. */
  untilStorySeconds?: number;
  /** Wanted resolution in seconds; raised when the budget needs it. */
  step: number;
  dataDir: string;
  workDir: string;
}

export interface BackfillResult {
  samples: number;
  step: number;
  from: number;
  to: number;
  millis: number;
}

/** Families as stored: the job's relabelling applied, plus `up` for the job. */
const storedFamilies = (sc: Scenario, jobs: ScrapeJob[]): FamilyDef[] => {
  const out: FamilyDef[] = [];
  const up: FamilyDef = { name: 'up', type: 'gauge', help: 'Scrape health.', series: [] };
  for (const job of jobs) {
    up.series.push({ labels: storedLabels(job, {}), value: () => (job.reachable ? 1 : 0) });
    if (!job.reachable) continue;
    // The user-workload Prometheus's own series do not matter here, only its `up`.
    const families = job.job === 'kubelet' ? platformFamilies(sc) : job.job === 'catalog-svc' ? kastenFamilies(sc) : [];
    for (const f of families)
      out.push({ ...f, series: f.series.map((s) => ({ ...s, labels: storedLabels(job, s.labels) })) });
  }
  return [up, ...out];
};

export const chooseStep = (seriesCount: number, hours: number, wanted: number): number => {
  const span = hours * 3600;
  let step = Math.max(1, Math.floor(wanted));
  while ((span / step) * seriesCount > SAMPLE_BUDGET) step *= 2;
  return step;
};

export const backfill = async (opts: BackfillOptions): Promise<BackfillResult> => {
  const started = Date.now();
  const families = storedFamilies(opts.scenario, opts.jobs);
  const seriesCount = families.reduce((n, f) => n + f.series.length, 0);
  const step = chooseStep(seriesCount, opts.hours, opts.step);
  const startUnix = Math.floor(opts.storyStartMs / 1000);
  // End one step before live scraping starts, so live scrapes never overlap backfilled samples.
  const until = Math.floor(opts.untilStorySeconds ?? 0);
  const times: Array<{ s: number; unix: number }> = [];
  for (let s = until - Math.floor((opts.hours * 3600) / step) * step; s <= until - step; s += step)
    times.push({ s, unix: startUnix + s });
  const file = path.join(opts.workDir, 'history.om');
  const fd = fs.openSync(file, 'w');
  let samples = 0;
  try {
    samples = writeOpenMetrics(families, times, (chunk) => fs.writeSync(fd, chunk));
  } finally {
    fs.closeSync(fd);
  }
  await execFileP('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', file, opts.dataDir], {
    maxBuffer: 64 * 1024 * 1024,
  });
  fs.rmSync(file, { force: true });
  return {
    samples,
    step,
    from: times[0]?.unix ?? startUnix,
    to: times[times.length - 1]?.unix ?? startUnix,
    millis: Date.now() - started,
  };
};
