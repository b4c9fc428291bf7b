import { DEFAULT_QUERY_CONFIG, type KastenQueryConfig } from '../promql';

/** What the Helm chart passes to the plugin (served next to the manifest as plugin-config.json). */
export interface KastenPluginConfig extends KastenQueryConfig {
  newFailuresWindow: string;
  recoveryPointMaxAgeSeconds: number;
}

export const PLUGIN_CONFIG_URL = '/api/plugins/kasten-console-plugin/plugin-config.json';

export const DEFAULT_PLUGIN_CONFIG: KastenPluginConfig = {
  ...DEFAULT_QUERY_CONFIG,
  newFailuresWindow: '10m',
  // A daily policy's last success is at most a day old, plus two hours of slack for a long run.
  recoveryPointMaxAgeSeconds: 26 * 3600,
};

const DURATION = /^([0-9]{1,9})(ms|s|m|h|d|w|y)$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const UNIT_SECONDS: Record<string, number> = { ms: 0.001, s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31536000 };
const YEAR_SECONDS = 31_536_000;

/** Seconds of a single-unit PromQL duration, or undefined when it is not one. */
const durationSeconds = (v: string): number | undefined => {
  const m = DURATION.exec(v);
  return m ? Number(m[1]) * (UNIT_SECONDS[m[2] ?? 's'] ?? 0) : undefined;
};

/**
 * What each value may be. Zero, fractions where a count of seconds or bytes
 * is meant, and sizes no query can use are refused: a `0m` window made the
 * alert-rules builder throw during render and replaced the whole page.
 */
const RULES: Record<keyof KastenPluginConfig, (v: unknown) => boolean> = {
  kastenNamespace: (v) => typeof v === 'string' && NAMESPACE.test(v),
  // Whole seconds, at least one and at most a year: a sub-second window can never see a scrape.
  newFailuresWindow: (v) => {
    const s = typeof v === 'string' ? durationSeconds(v) : undefined;
    return s !== undefined && Number.isInteger(s) && s >= 1 && s <= YEAR_SECONDS;
  },
  scrapeResolution: (v) => {
    const s = typeof v === 'string' ? durationSeconds(v) : undefined;
    return s !== undefined && Number.isInteger(s) && s >= 1 && s <= 3600;
  },
  memoryThresholdBytes: (v) => typeof v === 'number' && Number.isSafeInteger(v) && v > 0,
  // A share of the volume: above 0 and at most all of it.
  catalogPvcUsedPercentThreshold: (v) => typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 100,
  // Fractions of a core are meaningful; a million cores is not a threshold.
  cpuThresholdCores: (v) => typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 1_000_000,
  // Whole seconds up to a year: the look-back is twice this, written as a PromQL duration.
  recoveryPointMaxAgeSeconds: (v) => typeof v === 'number' && Number.isInteger(v) && v > 0 && v <= YEAR_SECONDS,
  // Not read from the file: the job name comes from the chart's ServiceMonitor.
  catalogJob: () => false,
};

const FILE_KEYS: Array<keyof KastenPluginConfig> = [
  'kastenNamespace',
  'newFailuresWindow',
  'scrapeResolution',
  'memoryThresholdBytes',
  'catalogPvcUsedPercentThreshold',
  'cpuThresholdCores',
  'recoveryPointMaxAgeSeconds',
];

/**
 * Keeps only well-formed values from the served file and defaults the rest,
 * so a hand-edited ConfigMap can never inject PromQL or break the page; the
 * keys it did not take are returned so the page can say so.
 */
export const parsePluginConfig = (raw: unknown): { config: KastenPluginConfig; ignored: string[] } => {
  const config: KastenPluginConfig = { ...DEFAULT_PLUGIN_CONFIG };
  const ignored: string[] = [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { config, ignored: raw === undefined ? [] : ['(not an object)'] };
  const r = raw as Record<string, unknown>;
  for (const k of FILE_KEYS) {
    if (!(k in r)) continue;
    if (RULES[k](r[k])) (config as unknown as Record<string, unknown>)[k] = r[k];
    else ignored.push(k);
  }
  return { config, ignored };
};
