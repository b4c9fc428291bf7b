import * as React from 'react';
import { useKastenConfig } from './useKastenConfig';
import type { PromQueryRequest, PromQueryState } from '../models/prometheus/types';
import { usePrometheusQueries } from './prometheus/usePrometheusQueries';
import {
  RANGE_KEYS,
  resourcesQueries,
  shapeResources,
  type ResourcesData,
  type ResourcesKey,
} from '../models/resources';
import { rangeStepSeconds } from '../hooks/time-range';

export const useResourcesData = (timeRangeMs: number, endTime: number | undefined): ResourcesData => {
  const { config } = useKastenConfig();
  const step = rangeStepSeconds(timeRangeMs);
  const queries = React.useMemo(() => resourcesQueries(config), [config]);

  const requests = React.useMemo(
    (): PromQueryRequest[] =>
      (Object.keys(queries) as ResourcesKey[]).map((key) =>
        RANGE_KEYS[key]
          ? {
              key,
              kind: 'range',
              query: queries[key],
              spanSeconds: timeRangeMs / 1000,
              stepSeconds: step,
              end: endTime !== undefined ? endTime / 1000 : undefined,
            }
          : { key, kind: 'instant', query: queries[key] },
      ),
    [queries, timeRangeMs, step, endTime],
  );
  const states = usePrometheusQueries(requests) as Record<ResourcesKey, PromQueryState>;

  return React.useMemo(() => shapeResources(queries, states, config), [queries, states, config]);
};
