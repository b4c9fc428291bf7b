import * as React from 'react';
import { useK8sWatchResource } from '../console-sdk';
import { useKastenConfig } from './useKastenConfig';
import { usePrometheusQueries } from './prometheus/usePrometheusQueries';
import type { PromQueryRequest, PromQueryState } from '../models/prometheus/types';
import type { KastenPolicy } from '../models/policy';
import { overviewQueries, shapeOverview, type OverviewData, type OverviewKey } from '../models/overview';

export type { FailureRow, OverviewData, OverviewKey, PolicyAccess, RecoveryRow } from '../models/overview';

const POLICY_GVK = { group: 'config.kio.kasten.io', version: 'v1alpha1', kind: 'Policy' };

/** Everything the Overview shows, from one round of parallel queries per refresh and a watch on Kasten's Policies. */
export const useOverviewData = (windowDuration: string, exportedNamespace?: string): OverviewData => {
  const { config } = useKastenConfig();
  const queries = React.useMemo(
    () => overviewQueries(config, windowDuration, exportedNamespace),
    [config, windowDuration, exportedNamespace],
  );

  const requests = React.useMemo(
    (): PromQueryRequest[] => Object.entries(queries).map(([key, query]) => ({ key, kind: 'instant', query })),
    [queries],
  );
  const states = usePrometheusQueries(requests) as Record<OverviewKey, PromQueryState>;

  const [policies, policiesLoaded, policiesError] = useK8sWatchResource<KastenPolicy[]>({
    groupVersionKind: POLICY_GVK,
    namespace: config.kastenNamespace,
    isList: true,
  });

  return React.useMemo(
    () =>
      shapeOverview(
        queries,
        states,
        { policies, loaded: policiesLoaded, error: policiesError },
        config.recoveryPointMaxAgeSeconds,
      ),
    [states, queries, policies, policiesLoaded, policiesError, config.recoveryPointMaxAgeSeconds],
  );
};
