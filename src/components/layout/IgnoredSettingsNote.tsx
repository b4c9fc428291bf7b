import * as React from 'react';
import { LazyAlert as Alert } from '../common/LazyAlert';
import { useKastenTranslation } from '../../i18n';
import type { IgnoredParam } from '../../hooks/time-range';
import type { KastenPluginConfig } from '../../models/plugin-config';
import { formatAge } from '../../utils/format';

export interface IgnoredSettingsNoteProps {
  /** URL values the page replaced, and what it uses instead. */
  ignoredParams?: IgnoredParam[];
  refreshMs: number | null;
  /** Keys of plugin-config.json that were replaced by defaults. */
  ignoredConfig: string[];
  config: KastenPluginConfig;
}

const shown = (v: unknown): string => (typeof v === 'string' ? v : JSON.stringify(v));

/**
 * Says which setting the page did not take as given, so a link or a
 * hand-edited ConfigMap never changes behaviour silently.
 */
export const IgnoredSettingsNote: React.FC<IgnoredSettingsNoteProps> = ({
  ignoredParams = [],
  refreshMs,
  ignoredConfig,
  config,
}) => {
  const { t } = useKastenTranslation();
  if (ignoredParams.length === 0 && ignoredConfig.length === 0) return null;
  const urlLine = (p: IgnoredParam): string =>
    p.param === 'refreshInterval' && refreshMs !== null
      ? t(
          'refreshInterval={{value}} in the URL is ignored: refreshing every {{interval}}, an interval the page offers.',
          {
            value: p.value,
            interval: formatAge(refreshMs / 1000),
          },
        )
      : t('{{param}}={{value}} in the URL is ignored: not a valid value.', { param: p.param, value: p.value });
  return (
    <Alert
      variant="info"
      isInline
      isPlain
      variantLabel={t('Info alert:')}
      title={t('Some settings were ignored')}
      data-test="ignored-settings"
    >
      {ignoredParams.map((p) => (
        <span key={`url-${p.param}`} className="kasten-console-plugin__block" data-test="ignored-param">
          {urlLine(p)}
        </span>
      ))}
      {ignoredConfig.map((key) => (
        <span key={`config-${key}`} className="kasten-console-plugin__block" data-test="ignored-config">
          {key in config
            ? t('{{key}} in plugin-config.json is ignored (not a valid value); using {{value}}.', {
                key,
                value: shown((config as unknown as Record<string, unknown>)[key]),
              })
            : t('plugin-config.json is ignored: it is not a JSON object; using the defaults.')}
        </span>
      ))}
    </Alert>
  );
};
