/** Kasten's own footprint: platform container metrics for its namespace and the catalog/jobs/logging PVC fill. */
import { type KastenQueryConfig } from './config';
import { promNumber, selector } from './escape';

export type KastenPvc = 'catalog' | 'jobs' | 'logging';

/** Working set of the namespace's pods; `container=""` is the pod-level cgroup, so nothing is counted twice (seed). */
export const kastenMemoryBytes = (cfg: KastenQueryConfig): string =>
  `sum by (namespace) (${selector('container_memory_working_set_bytes', [
    ['namespace', '=', cfg.kastenNamespace],
    ['container', '=', ''],
    ['pod', '!=', ''],
  ])})`;

export const kastenMemoryHigh = (cfg: KastenQueryConfig): string =>
  `${kastenMemoryBytes(cfg)} > ${promNumber(cfg.memoryThresholdBytes)}`;

/** OpenShift's recording rule `namespace:container_cpu_usage:sum` (cluster-monitoring-operator), in cores. */
export const kastenCpuCores = (cfg: KastenQueryConfig): string =>
  selector('namespace:container_cpu_usage:sum', [['namespace', '=', cfg.kastenNamespace]]);

export const kastenCpuHigh = (cfg: KastenQueryConfig): string =>
  `${kastenCpuCores(cfg)} > ${promNumber(cfg.cpuThresholdCores)}`;

/** Percent used of a Kasten PVC; the fullest if several targets report it. */
export const pvcUsedPercent = (cfg: KastenQueryConfig, pvc: KastenPvc): string =>
  `100 - min(${selector(`${pvc}_persistent_volume_free_space_percent`, [['namespace', '=', cfg.kastenNamespace]])})`;

/** Kasten's upgrade check wants the catalog PVC at least half free (seed threshold 50%). */
export const catalogPvcUsageHigh = (cfg: KastenQueryConfig): string =>
  `${pvcUsedPercent(cfg, 'catalog')} > ${promNumber(cfg.catalogPvcUsedPercentThreshold)}`;
