/** What the Resources tab shows. */
import type { SeriesPoints, VectorRow } from './prometheus/parse';
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
