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

const DURATION = /^[0-9]+(ms|s|m|h|d|w|y)$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Keeps only well-formed values from the served file and defaults the rest,
 * so a hand-edited ConfigMap can never inject PromQL or break the page.
 */
export const parsePluginConfig = (raw: unknown): { config: KastenPluginConfig; ignored: string[] } => {
  const config: KastenPluginConfig = { ...DEFAULT_PLUGIN_CONFIG };
  const ignored: string[] = [];
  if (typeof raw !== 'object' || raw === null) return { config, ignored: raw === undefined ? [] : ['(not an object)'] };
  const r = raw as Record<string, unknown>;
  const positive = (k: keyof KastenPluginConfig) => {
    if (!(k in r)) return;
    const v = r[k];
    if (typeof v === 'number' && Number.isFinite(v) && v > 0) (config as unknown as Record<string, unknown>)[k] = v;
    else ignored.push(k);
  };
  const matching = (k: keyof KastenPluginConfig, re: RegExp) => {
    if (!(k in r)) return;
    const v = r[k];
    if (typeof v === 'string' && re.test(v)) (config as unknown as Record<string, unknown>)[k] = v;
    else ignored.push(k);
  };
  matching('kastenNamespace', NAMESPACE);
  matching('newFailuresWindow', DURATION);
  matching('scrapeResolution', DURATION);
  positive('memoryThresholdBytes');
  positive('catalogPvcUsedPercentThreshold');
  positive('cpuThresholdCores');
  positive('recoveryPointMaxAgeSeconds');
  return { config, ignored };
};
