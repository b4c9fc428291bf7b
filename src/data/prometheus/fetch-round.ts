import { errorFromBody, toPromError, warningsFromBody } from './errors';
import type { PromError, PromQueryRequest, PromResult } from '../../models/prometheus/types';
import { queryUrl, type MetricsAccess } from './urls';

export type Fetcher = (url: string, method: string, options: RequestInit, timeoutMs: number) => Promise<unknown>;

/** `warnings` set means a partial answer: the data may lack series. */
export type QueryOutcome = { data: PromResult; warnings?: string[] } | { error: PromError };

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
        const data = (body as { data: PromResult }).data;
        const warnings = warningsFromBody(body);
        return [request.key, warnings ? { data, warnings } : { data }];
      } catch (err) {
        return [request.key, { error: toPromError(err) }];
      }
    }),
  );
  return Object.fromEntries(outcomes);
};

interface SharedRequest {
  promise: Promise<unknown>;
  controller: AbortController;
  callers: number;
}

const abortReason = (signal: AbortSignal): unknown =>
  signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');

/**
 * One page's Prometheus fetcher: identical GETs in flight at the same moment share one request. The
 * Overview and the setup banner both ask whether the catalog exports its series, and on a 2-core
 * Thanos every duplicate query slows the others of the round. Instant queries carry no `time`, so an
 * identical URL asks the same question; a caller that joins gets an answer evaluated at most one
 * query's duration before it asked, never an older round's. Each caller keeps its own abort: the
 * shared request is aborted only when every caller has left.
 */
export const sharingFetcher = (fetcher: Fetcher): Fetcher => {
  const inFlight = new Map<string, SharedRequest>();
  return (url, method, options, timeoutMs) => {
    if (method !== 'GET') return fetcher(url, method, options, timeoutMs);
    const signal = options.signal ?? undefined;
    if (signal?.aborted) return Promise.reject(abortReason(signal));
    let shared = inFlight.get(url);
    if (!shared) {
      const controller = new AbortController();
      const created: SharedRequest = {
        controller,
        callers: 0,
        promise: fetcher(url, method, { ...options, signal: controller.signal }, timeoutMs),
      };
      const forget = () => {
        if (inFlight.get(url) === created) inFlight.delete(url);
      };
      created.promise.then(forget, forget);
      inFlight.set(url, created);
      shared = created;
    }
    const request = shared;
    request.callers += 1;
    return new Promise<unknown>((resolve, reject) => {
      const onAbort = () => {
        request.callers -= 1;
        if (request.callers === 0) {
          if (inFlight.get(url) === request) inFlight.delete(url);
          request.controller.abort(signal ? abortReason(signal) : undefined);
        }
        reject(signal ? abortReason(signal) : new DOMException('The operation was aborted.', 'AbortError'));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      request.promise.then(
        (body) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(body);
        },
        (err: unknown) => {
          signal?.removeEventListener('abort', onAbort);
          reject(err);
        },
      );
    });
  };
};
