import { errorFromBody, toPromError } from './errors';
import type { PromError, PromQueryRequest, PromResult } from '../../models/prometheus/types';
import { queryUrl, type MetricsAccess } from './urls';

export type Fetcher = (url: string, method: string, options: RequestInit, timeoutMs: number) => Promise<unknown>;

export type QueryOutcome = { data: PromResult } | { error: PromError };

/** Longer than Thanos's usual query timeout would be useless; shorter would cut off slow but healthy answers. */
export const QUERY_TIMEOUT_MS = 30_000;

/**
 * Sends every query of one refresh at once (never a waterfall) and settles
 * each on its own, so one failing query cannot blank the others.
 */
export const fetchRound = async (
  requests: PromQueryRequest[],
  access: MetricsAccess,
  fetcher: Fetcher,
  signal: AbortSignal,
  nowSeconds: number,
): Promise<Record<string, QueryOutcome>> => {
  const outcomes = await Promise.all(
    requests.map(async (request): Promise<[string, QueryOutcome]> => {
      try {
        const body = await fetcher(queryUrl(request, access, nowSeconds), 'GET', { signal }, QUERY_TIMEOUT_MS);
        const bodyError = errorFromBody(body);
        if (bodyError) return [request.key, { error: bodyError }];
        return [request.key, { data: (body as { data: PromResult }).data }];
      } catch (err) {
        return [request.key, { error: toPromError(err) }];
      }
    }),
  );
  return Object.fromEntries(outcomes);
};
