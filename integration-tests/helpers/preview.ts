/**
 * The local preview as the browser tests use it: one per test file, with
 * history backfilled so charts have data at once, and the story started in
 * the past so its interesting part (three live failures, memory over 3 GiB,
 * catalog PVC over 50 %) has already happened, then frozen there. Expected values come from the
 * simulator's story functions and from Prometheus itself, through the same
 * PromQL builders and plugin configuration the page uses.
 */
import type { Browser } from 'playwright-core';
import { startPreview, type Preview, type PreviewOptions } from '../../dev/preview';
import {
  failedCounts,
  failureTimes,
  FAILING_NAMESPACE,
  FAILING_POLICY,
  GC_FIRST,
  memoryTotalBytes,
} from '../../dev/simulator/scenario';
import { launchChromium } from './browser';
import { parsePluginConfig, PLUGIN_CONFIG_URL, type KastenPluginConfig } from '../../src/models/plugin-config';

/**
 * Story second at which a test file's preview starts, and where its story stays frozen. By then the seed's live
 * failures (15 s, 35 s) have happened, memory is over 3 GiB (from 77 s) and the catalog PVC over 50 % (from 80 s),
 * and the garbage collector (first run at 180 s) has not retired any failure yet. Frozen there, the simulator and
 * the stand-in's action objects hold still while Prometheus keeps scraping: however slow the machine, nothing a
 * test compares can change under it. Only windows ending at "now" slide over the fixed past, and the helpers
 * below derive their answers at a given instant for that.
 */
export const STORY_START_SECONDS = 95;
/** The end of the quiet stretch: the first garbage-collector run changes the live failed count. */
export const QUIET_UNTIL_SECONDS = GC_FIRST;

export { FAILING_NAMESPACE, FAILING_POLICY };

/** A test file's preview: two hours of history, the story started and frozen at STORY_START_SECONDS. */
export const startTestPreview = (options: PreviewOptions = {}): Promise<Preview> =>
  startPreview({
    port: 0,
    backfillHours: 2,
    storyOffsetSeconds: STORY_START_SECONDS,
    storyFreezeAtSeconds: STORY_START_SECONDS,
    ...options,
  });

/** Story seconds at an instant (now by default); they stop where the preview froze the story. */
export const storySeconds = (preview: Preview, atMs = Date.now()): number => preview.storySeconds(atMs);

/**
 * Fails, with the reason, when the story can move under a test: its preview must freeze it inside the quiet
 * stretch (startTestPreview does, unless a test passed its own `storyFreezeAtSeconds`).
 */
export const assertQuietStory = (preview: Preview): void => {
  const frozen = preview.storyFreezeAtSeconds;
  if (frozen === undefined || frozen >= QUIET_UNTIL_SECONDS)
    throw new Error(
      `the story is ${frozen === undefined ? 'not frozen' : `frozen at ${frozen} s`}: a test comparing counts needs it frozen before ${QUIET_UNTIL_SECONDS} s`,
    );
};

/**
 * The story's own answer: failures of the failing policy within (t - window, t] at the wall-clock instant
 * `atMs` (now by default). The failures are those the (possibly frozen) story has had by then; the window
 * is wall-clock time, as Prometheus evaluates it.
 */
export const storyNewFailures = (preview: Preview, windowSeconds: number, atMs = Date.now()): number => {
  const wallSeconds = (atMs - preview.storyStartMs) / 1000;
  return failureTimes(storySeconds(preview, atMs)).filter((t) => t > wallSeconds - windowSeconds).length;
};

/** Story second of the failing policy's latest failure so far. */
export const storyLastFailure = (preview: Preview): number => Math.max(...failureTimes(storySeconds(preview)));

export const storyLiveFailed = (preview: Preview): number => failedCounts(storySeconds(preview)).live;

export const storyMemoryBytes = (preview: Preview): number => memoryTotalBytes(storySeconds(preview));

/** plugin-config.json as the page reads it: fetched from the console and parsed by the plugin's own parser. */
export const pagePluginConfig = async (preview: Preview): Promise<KastenPluginConfig> => {
  const res = await fetch(`${preview.consoleUrl}${PLUGIN_CONFIG_URL}`);
  if (!res.ok) throw new Error(`plugin-config.json: HTTP ${res.status}`);
  return parsePluginConfig(await res.json()).config;
};

export interface PromSample {
  labels: Record<string, string>;
  value: number;
}

/**
 * An instant query straight to the preview's Prometheus (not through the console proxy the page uses),
 * evaluated now or at `atMs`, so a test can compare it with the story at that same instant.
 */
export const promInstant = async (preview: Preview, query: string, atMs?: number): Promise<PromSample[]> => {
  const params = new URLSearchParams({ query, ...(atMs === undefined ? {} : { time: String(atMs / 1000) }) });
  const res = await fetch(`${preview.prometheusUrl}/api/v1/query?${params.toString()}`);
  const body = (await res.json()) as {
    status: string;
    error?: string;
    data?: { resultType: string; result: Array<{ metric: Record<string, string>; value: [number, string] }> };
  };
  if (body.status !== 'success' || !body.data) throw new Error(`Prometheus: ${body.error ?? res.status}`);
  if (body.data.resultType !== 'vector') throw new Error(`expected a vector, got ${body.data.resultType}`);
  return body.data.result.map((r) => ({ labels: r.metric, value: Number(r.value[1]) }));
};

/**
 * A test file's preview and browser, started together. If either fails to
 * start, the other is stopped before the error is thrown, so a failed start
 * never leaves Chromium or Prometheus running (and jest waiting on them).
 */
export const startSession = async (options: PreviewOptions = {}): Promise<{ preview: Preview; browser: Browser }> => {
  const [p, b] = await Promise.allSettled([startTestPreview(options), launchChromium()]);
  if (p.status === 'fulfilled' && b.status === 'fulfilled') return { preview: p.value, browser: b.value };
  if (p.status === 'fulfilled') await p.value.stop().catch(() => undefined);
  if (b.status === 'fulfilled') await b.value.close().catch(() => undefined);
  throw p.status === 'rejected' ? p.reason : (b as PromiseRejectedResult).reason;
};
