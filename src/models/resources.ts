/** What the Resources tab shows, as pure functions of its query answers and the configured thresholds. */
import {
  complianceCounts,
  kastenCpuCores,
  kastenMemoryBytes,
  licenseCompliance,
  policyValidity,
  profileValidity,
  pvcUsedPercent,
} from '../promql';
import type { KastenPluginConfig } from './plugin-config';
import { matrixSeries, singleValue, vectorRows, type SeriesPoints, type VectorRow } from './prometheus/parse';
import type { PromQueryState } from './prometheus/types';

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

/** Keys asked as range queries (charts), each the same expression as its instant twin. */
export const RANGE_KEYS: Partial<Record<ResourcesKey, ResourcesKey>> = {
  memoryHistory: 'memory',
  cpuHistory: 'cpu',
  catalogPvcHistory: 'catalogPvc',
};

export const resourcesQueries = (config: KastenPluginConfig): Record<ResourcesKey, string> => {
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
};

export const shapeResources = (
  queries: Record<ResourcesKey, string>,
  states: Record<ResourcesKey, PromQueryState>,
  config: KastenPluginConfig,
): ResourcesData => ({
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
});
