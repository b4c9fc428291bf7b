import * as React from 'react';
import { consoleFetchJSON } from '../../console-sdk';
import { fetchRound, type Fetcher } from './fetch-round';
import { useMetricsAccess } from './MetricsAccessContext';
import { useRefresh } from './RefreshContext';
import type { PromError, PromQueryRequest, PromQueryState } from '../../models/prometheus/types';

const fetcher: Fetcher = (url, method, options, timeoutMs) => consoleFetchJSON(url, method, options, timeoutMs);

const LOADING: PromQueryState = { loading: true, stale: false };

/**
 * The plugin's one polling hook. Each refresh tick (from the page's single
 * clock) sends all of this view's queries in parallel, aborts the previous
 * round, and keeps the last good data, marked stale, when a query fails.
 */
export const usePrometheusQueries = (requests: PromQueryRequest[]): Record<string, PromQueryState> => {
  const { access, loading: accessLoading } = useMetricsAccess();
  const { tick } = useRefresh();
  const requestsKey = JSON.stringify(requests);
  const accessKey = JSON.stringify(access ?? null);
  const [states, setStates] = React.useState<Record<string, PromQueryState>>({});

  React.useEffect(() => {
    if (accessLoading || !access) return undefined;
    if (access.mode === 'none') {
      const error: PromError = {
        kind: 'forbidden',
        message: `no permission to read metrics in namespace ${access.namespace} (needs cluster-monitoring-view, or view there)`,
      };
      const none: PromQueryRequest[] = JSON.parse(requestsKey) as PromQueryRequest[];
      setStates(Object.fromEntries(none.map((r) => [r.key, { error, loading: false, stale: false }])));
      return undefined;
    }
    const round: PromQueryRequest[] = JSON.parse(requestsKey) as PromQueryRequest[];
    const controller = new AbortController();
    setStates((prev) => Object.fromEntries(round.map((r) => [r.key, { ...(prev[r.key] ?? LOADING), loading: true }])));
    void fetchRound(round, access, fetcher, controller.signal, Date.now() / 1000).then((outcomes) => {
      // A newer round has started: its answers win, whatever order they land in.
      if (controller.signal.aborted) return;
      setStates((prev) =>
        Object.fromEntries(
          round.map((r) => {
            const outcome = outcomes[r.key];
            const before = prev[r.key];
            if (outcome && 'data' in outcome) return [r.key, { data: outcome.data, loading: false, stale: false }];
            return [
              r.key,
              { data: before?.data, error: outcome?.error, loading: false, stale: before?.data !== undefined },
            ];
          }),
        ),
      );
    });
    return () => controller.abort();
    // `access` is captured through accessKey; requests through requestsKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [requestsKey, accessKey, accessLoading, tick]);

  return React.useMemo(
    () => Object.fromEntries(requests.map((r) => [r.key, states[r.key] ?? LOADING])),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [requestsKey, states],
  );
};
