import type { PromQueryRequest } from '../../models/prometheus/types';

/** The console's own proxies (bridge defaults); every request stays on the console's origin. */
export const PROMETHEUS_BASE_PATH = '/api/prometheus';
export const PROMETHEUS_TENANCY_BASE_PATH = '/api/prometheus-tenancy';

/**
 * How this user may read metrics, decided once per page:
 * - `cluster`: may `get prometheuses/api` (cluster-monitoring-view): Thanos querier through /api/prometheus;
 * - `tenancy`: only through /api/prometheus-tenancy, which forces `namespace="<namespace>"` on every selector;
 * - `none`: neither (no view right in the Kasten namespace): nothing is sent, the page says why.
 */
export type MetricsAccess =
  | { mode: 'cluster' }
  | { mode: 'tenancy'; namespace: string }
  | { mode: 'none'; namespace: string };

/** Start and end of a range query, aligned down to the step. */
export const alignedRange = (
  spanSeconds: number,
  stepSeconds: number,
  nowSeconds: number,
): { start: number; end: number } => {
  const end = Math.floor(nowSeconds / stepSeconds) * stepSeconds;
  return { start: end - spanSeconds, end };
};

/**
 * URL of one query on the console's proxy. GET only: the tenancy proxy maps the
 * HTTP method to an RBAC verb, and a POST would be checked as "create".
 */
export const queryUrl = (request: PromQueryRequest, access: MetricsAccess, nowSeconds: number): string => {
  const base = access.mode === 'cluster' ? PROMETHEUS_BASE_PATH : PROMETHEUS_TENANCY_BASE_PATH;
  const params = new URLSearchParams();
  if (access.mode !== 'cluster') params.set('namespace', access.namespace);
  if (request.kind === 'instant') {
    params.set('query', request.query);
    return `${base}/api/v1/query?${params.toString()}`;
  }
  const { start, end } = alignedRange(request.spanSeconds, request.stepSeconds, request.end ?? nowSeconds);
  params.set('query', request.query);
  params.set('start', String(start));
  params.set('end', String(end));
  params.set('step', String(request.stepSeconds));
  return `${base}/api/v1/query_range?${params.toString()}`;
};

/** Link to the console's Alerting page, filtered to user-workload (Kasten's) alerts. */
export const alertingPageUrl = (): string => '/monitoring/alerts?alerts=&rowFilter-alert-source=user';
