/**
 * The local preview as the browser tests use it: one per test file, with
 * history backfilled so charts have data at once, and the story started in
 * the past so its interesting part (three live failures, memory over 3 GiB,
 * catalog PVC over 50 %) has already happened. Expected values come from the
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
 * Story second at which a test file's preview starts. Between 35 s (last of the
 * seed's live failures) and the garbage collector's first run nothing about
 * failures changes, and memory is over 3 GiB from 77 s: starting at 95 s gives
 * every file most of that quiet stretch while its data is already there.
 */
export const STORY_START_SECONDS = 95;
/** The end of the quiet stretch: the first garbage-collector run changes the live failed count. */
export const QUIET_UNTIL_SECONDS = GC_FIRST;

export { FAILING_NAMESPACE, FAILING_POLICY };

export const startTestPreview = (options: PreviewOptions = {}): Promise<Preview> =>
  startPreview({
    port: 0,
    backfillHours: 2,
    storyOffsetSeconds: STORY_START_SECONDS,
    ...options,
  });

export const storySeconds = (preview: Preview): number => (Date.now() - preview.storyStartMs) / 1000;

/** Fails early, with the reason, when a slow machine pushed a test past the story's quiet stretch. */
export const assertQuietStory = (preview: Preview): void => {
  const s = storySeconds(preview);
  if (s >= QUIET_UNTIL_SECONDS - 5)
    throw new Error(
      `story time ${s.toFixed(0)} s is past the quiet stretch (${QUIET_UNTIL_SECONDS} s): the machine is too slow for this test`,
    );
};

/** The story's own answer: failures of the failing policy within (s - window, s]. */
export const storyNewFailures = (preview: Preview, windowSeconds: number): number => {
  const s = storySeconds(preview);
  return failureTimes(s).filter((t) => t > s - windowSeconds).length;
};

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

/** An instant query straight to the preview's Prometheus (not through the console proxy the page uses). */
export const promInstant = async (preview: Preview, query: string): Promise<PromSample[]> => {
  const res = await fetch(`${preview.prometheusUrl}/api/v1/query?${new URLSearchParams({ query }).toString()}`);
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
