import * as React from 'react';
import { useKastenConfig } from './useKastenConfig';
import { matrixSeries, singleValue, vectorRows } from '../models/prometheus/parse';
import type { PromQueryRequest, PromQueryState } from '../models/prometheus/types';
import type { ResourcesData, ResourcesKey } from '../models/resources';
import { usePrometheusQueries } from './prometheus/usePrometheusQueries';
import {
  complianceCounts,
  kastenCpuCores,
  kastenMemoryBytes,
  licenseCompliance,
  policyValidity,
  profileValidity,
  pvcUsedPercent,
} from '../promql';
import { rangeStepSeconds } from '../hooks/time-range';

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

  return React.useMemo(
    () => ({
      queries,
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
    [queries, states, config],
  );
};
