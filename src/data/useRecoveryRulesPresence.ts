import * as React from 'react';
import { useK8sWatchResource } from '../console-sdk';
import { useKastenConfig } from './useKastenConfig';
import type { PrometheusRuleObject } from '../checks/types';
import { recoveryRulesPresence, type RecoveryRulesPresence } from '../models/recovery-rules';

/**
 * The PrometheusRules of the Kasten namespace, read only while `enabled` (the records had no sample, so
 * the Overview must say why): the same list Setup's check watches, so the console shares one watch.
 */
export const useRecoveryRulesPresence = (
  enabled: boolean,
): { presence: RecoveryRulesPresence; namespace: string } | undefined => {
  const { config } = useKastenConfig();
  const [data, loaded, error] = useK8sWatchResource<PrometheusRuleObject[]>(
    enabled
      ? {
          groupVersionKind: { group: 'monitoring.coreos.com', version: 'v1', kind: 'PrometheusRule' },
          namespace: config.kastenNamespace,
          isList: true,
        }
      : null,
  );
  return React.useMemo(
    () =>
      enabled
        ? {
            presence: recoveryRulesPresence({ data, loaded, error: error as unknown }),
            namespace: config.kastenNamespace,
          }
        : undefined,
    [enabled, data, loaded, error, config.kastenNamespace],
  );
};
