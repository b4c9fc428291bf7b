/** What a cluster may set differently; every builder takes it so nothing about Kasten's install is hard-coded. */
export interface KastenQueryConfig {
  /** Namespace Kasten runs in; under user-workload monitoring every Kasten series carries it as `namespace`. */
  kastenNamespace: string;
  /** Subquery step for rise counting: the catalog's scrape interval (the seed's ServiceMonitor uses 30s). */
  scrapeResolution: string;
  memoryThresholdBytes: number;
  catalogPvcUsedPercentThreshold: number;
  cpuThresholdCores: number;
  /** `job` label of the catalog target (the ServiceMonitor's Service name); default 'catalog-svc'. */
  catalogJob?: string;
}

export const DEFAULT_QUERY_CONFIG: KastenQueryConfig = {
  kastenNamespace: 'kasten-io',
  scrapeResolution: '30s',
  memoryThresholdBytes: 3221225472,
  catalogPvcUsedPercentThreshold: 50,
  cpuThresholdCores: 2,
  catalogJob: 'catalog-svc',
};

export const DEFAULT_CATALOG_JOB = 'catalog-svc';

/** Optional narrowing of action queries; values are escaped, never spliced raw. */
export interface ActionFilter {
  exportedNamespace?: string;
  policy?: string;
}

/** The seed's alert window for new failed actions. */
export const DEFAULT_NEW_FAILURES_WINDOW = '10m';

/** A daily policy plus two hours of slack. */
export const DEFAULT_RECOVERY_POINT_MAX_AGE_SECONDS = 26 * 3600;

/** How far back the recovery-point age looks for a success; older than this reads as "none seen". */
export const DEFAULT_RECOVERY_POINT_LOOKBACK = '7d';
