import * as React from 'react';
import { consoleFetchJSON } from '../console-sdk';
import {
  DEFAULT_PLUGIN_CONFIG,
  PLUGIN_CONFIG_URL,
  parsePluginConfig,
  type KastenPluginConfig,
} from '../models/plugin-config';

export interface KastenConfigState {
  config: KastenPluginConfig;
  loaded: boolean;
  /** Keys of the served file that were malformed and replaced by defaults. */
  ignored: string[];
}

const INITIAL: KastenConfigState = { config: DEFAULT_PLUGIN_CONFIG, loaded: false, ignored: [] };

export const KastenConfigContext = React.createContext<KastenConfigState>(INITIAL);

/**
 * Reads the chart's plugin-config.json once per page (the provider's job).
 * Absent (preview, or a chart without it) means the seed's defaults.
 */
export const useLoadKastenConfig = (): KastenConfigState => {
  const [state, setState] = React.useState<KastenConfigState>(INITIAL);
  React.useEffect(() => {
    let cancelled = false;
    consoleFetchJSON(PLUGIN_CONFIG_URL, 'GET', {}, 10_000)
      .then((raw: unknown) => {
        if (!cancelled) setState({ ...parsePluginConfig(raw), loaded: true });
      })
      .catch(() => {
        if (!cancelled) setState({ config: DEFAULT_PLUGIN_CONFIG, loaded: true, ignored: [] });
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
};

export const useKastenConfig = (): KastenConfigState => React.useContext(KastenConfigContext);
