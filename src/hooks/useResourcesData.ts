import * as React from 'react';
import { useKastenConfig } from '../config/useKastenConfig';
import type { CurlRange } from '../prometheus/curl';
import { matrixSeries, singleValue, vectorRows, type SeriesPoints, type VectorRow } from '../prometheus/parse';
import type { PromQueryRequest, PromQueryState } from '../prometheus/types';
import { usePrometheusQueries } from '../prometheus/usePrometheusQueries';
import {
  complianceCounts,
  kastenCpuCores,
  kastenMemoryBytes,
  licenseCompliance,
  policyValidity,
  profileValidity,
  pvcUsedPercent,
} from '../promql';
import { rangeStepSeconds } from './time-range';

export type ResourcesKey =
  | 'memory'
  | 'cpu'
  | 'catalogPvc'
  | 'jobsPvc'
  | 'loggingPvc'
  | 'memoryHistory'
  | 'cpuHistory'
  | 'catalogPvcHistory'
  | 'compliance'
  | 'policies'
  | 'profiles'
  | 'license';

export interface ResourcesData {
  queries: Record<ResourcesKey, string>;
  /** The history charts' window, for a copied query_range command. */
  range: CurlRange;
  states: Record<ResourcesKey, PromQueryState>;
  memoryBytes?: number;
  cpuCores?: number;
  pvcUsedPercent: { catalog?: number; jobs?: number; logging?: number };
  history: { memory: SeriesPoints[]; cpu: SeriesPoints[]; catalogPvc: SeriesPoints[] };
  compliance: VectorRow[];
  policies: VectorRow[];
  profiles: VectorRow[];
  licenseCompliant?: number;
  thresholds: { memoryBytes: number; cpuCores: number; catalogPvcUsedPercent: number };
}

const RANGE_KEYS: Partial<Record<ResourcesKey, ResourcesKey>> = {
  memoryHistory: 'memory',
  cpuHistory: 'cpu',
  catalogPvcHistory: 'catalogPvc',
};

export const useResourcesData = (timeRangeMs: number, endTime: number | undefined): ResourcesData => {
  const { config } = useKastenConfig();
  const step = rangeStepSeconds(timeRangeMs);
  const queries = React.useMemo((): Record<ResourcesKey, string> => {
    const memory = kastenMemoryBytes(config);
    const cpu = kastenCpuCores(config);
    const catalogPvc = pvcUsedPercent(config, 'catalog');
    return {
      memory,
      cpu,
      catalogPvc,
      jobsPvc: pvcUsedPercent(config, 'jobs'),
      loggingPvc: pvcUsedPercent(config, 'logging'),
      memoryHistory: memory,
      cpuHistory: cpu,
      catalogPvcHistory: catalogPvc,
      compliance: complianceCounts(config),
      policies: policyValidity(config),
      profiles: profileValidity(config),
      license: licenseCompliance(config),
    };
  }, [config]);

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

  const range = React.useMemo(
    (): CurlRange => ({
      spanSeconds: timeRangeMs / 1000,
      stepSeconds: step,
      end: endTime !== undefined ? endTime / 1000 : undefined,
    }),
    [timeRangeMs, step, endTime],
  );
  return React.useMemo(
    () => ({
      queries,
      range,
      states,
      memoryBytes: singleValue(states.memory.data),
      cpuCores: singleValue(states.cpu.data),
      pvcUsedPercent: {
        catalog: singleValue(states.catalogPvc.data),
        jobs: singleValue(states.jobsPvc.data),
        logging: singleValue(states.loggingPvc.data),
      },
      history: {
        memory: matrixSeries(states.memoryHistory.data),
        cpu: matrixSeries(states.cpuHistory.data),
        catalogPvc: matrixSeries(states.catalogPvcHistory.data),
      },
      compliance: vectorRows(states.compliance.data),
      policies: vectorRows(states.policies.data),
      profiles: vectorRows(states.profiles.data),
      licenseCompliant: singleValue(states.license.data),
      thresholds: {
        memoryBytes: config.memoryThresholdBytes,
        cpuCores: config.cpuThresholdCores,
        catalogPvcUsedPercent: config.catalogPvcUsedPercentThreshold,
      },
    }),
    [queries, range, states, config],
  );
};
